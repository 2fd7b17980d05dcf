"""RemoteEmbedder against a scripted HTTP transport: batching, retry, the model check.

Fast tests of the client's own logic; the slow tests in
test_remote_embedding_server.py run it against a real embeddings server.
"""

from __future__ import annotations

import json

import httpx
import numpy as np
import pytest

from index.errors import NewsdeskError
from index.remote_embedding import (EmbeddingModelMismatch, EmbeddingServerError, RemoteEmbedder, RetryPolicy,
                                    base_url, model_key)

MODEL = "all-MiniLM-L6-v2"


class ScriptedServer:
    """An OpenAI-style embeddings endpoint as an httpx transport; records each request.

    Each text's vector is [len(text), 1, 0, 0] scaled by 3 (so normalisation shows);
    `failures` are answers given before the real ones (status codes or exceptions).
    """

    def __init__(self, served: str = MODEL, answered: str | None = None, models_status: int = 200,
                 failures: list[object] | None = None) -> None:
        self.served, self.answered, self.models_status = served, answered or served, models_status
        self.failures = list(failures or [])
        self.batches: list[list[str]] = []
        self.requests: list[str] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(f"{request.method} {request.url.path}")
        if self.failures:
            failure = self.failures.pop(0)
            if isinstance(failure, Exception):
                raise failure
            return httpx.Response(int(failure), text="server busy")
        if request.url.path == "/v1/models":
            return httpx.Response(self.models_status, json={"object": "list", "data": [{"id": self.served}]})
        body = json.loads(request.content)
        self.batches.append(body["input"])
        data = [{"object": "embedding", "index": i, "embedding": [3.0 * len(text), 3.0, 0.0, 0.0]}
                for i, text in enumerate(body["input"])]
        return httpx.Response(200, json={"object": "list", "model": self.answered, "data": data[::-1]})

    def embedder(self, url: str = "http://embed.test:7997/v1", **kwargs: object) -> RemoteEmbedder:
        client = httpx.Client(transport=httpx.MockTransport(self.handle))
        sleeps: list[float] = []
        embedder = RemoteEmbedder(url, MODEL, lambda text: list(range(len(text.split()))), client=client,
                                  sleep=sleeps.append, **kwargs)
        embedder.slept = sleeps  # type: ignore[attr-defined]
        return embedder


def test_encodes_in_batches_in_order_and_unit_length() -> None:
    server = ScriptedServer()
    embedder = server.embedder(batch_size=2)
    texts = ["a", "bb", "ccc", "dddd", "eeeee"]
    vectors = embedder.encode(texts)
    assert server.batches[1:] == [["a", "bb"], ["ccc", "dddd"], ["eeeee"]]  # [0] is the start-up probe
    assert vectors.shape == (5, 4) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-6)
    # rows come back in input order although the server listed them reversed
    expected = np.array([[len(t), 1.0, 0, 0] for t in texts]) / np.sqrt([[len(t) ** 2 + 1.0] for t in texts])
    np.testing.assert_allclose(vectors, expected, rtol=1e-6)
    assert embedder.texts_encoded == 5 and embedder.dimensions == 4 and embedder.name == MODEL
    assert embedder.encode([]).shape == (0, 4)
    assert embedder.count_tokens("three word text") == 3


def test_retries_connection_errors_and_5xx_with_growing_waits() -> None:
    server = ScriptedServer(failures=[httpx.ConnectError("refused"), 503])
    embedder = server.embedder(retry=RetryPolicy(attempts=3, first_delay=0.5))
    assert embedder.slept == [0.5, 1.0]  # type: ignore[attr-defined]
    assert embedder.encode(["x"]).shape == (1, 4)


def test_gives_up_after_the_bounded_attempts_naming_the_url() -> None:
    server = ScriptedServer(failures=[httpx.ConnectError("refused")] * 10)
    with pytest.raises(EmbeddingServerError) as caught:
        server.embedder(retry=RetryPolicy(attempts=3, first_delay=0.1))
    message = str(caught.value)
    assert "http://embed.test:7997" in message and "after 3 tries" in message and "ConnectError" in message
    assert isinstance(caught.value, NewsdeskError) and len(server.requests) == 3


def test_a_4xx_is_not_retried() -> None:
    server = ScriptedServer(failures=[200, 422])  # /v1/models passes with 200 "server busy" text, then 422
    with pytest.raises(EmbeddingServerError, match="HTTP 422"):
        server.embedder()
    assert len(server.requests) == 2


def test_refuses_a_server_listing_another_model_naming_both() -> None:
    server = ScriptedServer(served="BAAI/bge-small-en-v1.5")
    with pytest.raises(EmbeddingModelMismatch) as caught:
        server.embedder()
    assert "BAAI/bge-small-en-v1.5" in str(caught.value) and MODEL in str(caught.value)
    assert server.batches == []  # nothing was encoded by the wrong model


def test_refuses_an_answer_from_another_model_when_the_server_lists_none() -> None:
    server = ScriptedServer(models_status=404, answered="nomic-embed-text")
    with pytest.raises(EmbeddingModelMismatch, match="nomic-embed-text.*all-MiniLM-L6-v2"):
        server.embedder()


def test_the_same_model_under_a_hub_id_or_a_folder_is_accepted() -> None:
    server = ScriptedServer(served="/models/all-MiniLM-L6-v2", answered="sentence-transformers/all-MiniLM-L6-v2")
    assert server.embedder().dimensions == 4


def test_urls_and_names() -> None:
    assert base_url("http://h:1/v1/embeddings/") == base_url("http://h:1/v1") == base_url("http://h:1") == "http://h:1"
    assert model_key("sentence-transformers/all-MiniLM-L6-v2") == model_key("ALL-MiniLM-L6-v2")
    with pytest.raises(ValueError):
        ScriptedServer().embedder(batch_size=0)


def test_the_server_is_chosen_by_environment_or_flag(tmp_path, monkeypatch) -> None:
    from index.settings import IndexSettings
    from ui.arguments import common_parent, settings_from

    monkeypatch.setenv("NEWSDESK_EMBED_URL", "http://env.test:7997")
    monkeypatch.setenv("NEWSDESK_EMBED_BATCH_SIZE", "8")
    settings = IndexSettings(home=tmp_path)
    assert (settings.embed_url, settings.embed_model, settings.embed_batch_size) == \
        ("http://env.test:7997", MODEL, 8)
    args = common_parent().parse_args(["--embed-url", "http://flag.test:7997/v1"])
    assert settings_from(args, home=tmp_path).embed_url == "http://flag.test:7997/v1"
    monkeypatch.delenv("NEWSDESK_EMBED_URL")
    assert IndexSettings(home=tmp_path).embed_url is None  # default: MiniLM in-process
