"""Embeddings from a server: any OpenAI-compatible `/v1/embeddings` endpoint.

`RemoteEmbedder` has the local `Embedder`'s interface (`encode`, `tokenize`,
`count_tokens`, `name`, `dimensions`, `texts_encoded`), so the indexer, the
retriever and the citation checker take either. It is chosen by
`NEWSDESK_EMBED_URL` (index/runtime.py) and serves Infinity,
text-embeddings-inference, vLLM or Ollama alike.

At start it asks the server which model it serves and refuses another one
than `NEWSDESK_EMBED_MODEL`, naming both. Its vectors are made unit-length
here, as the local embedder's are (`normalize_embeddings=True`), whatever the
server does; so a server serving the packaged MiniLM and the local MiniLM
write the same store stamp (model name and dimensions, index/provenance.py)
and may add to each other's stores, while any other model is refused there.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Callable, Sequence

import httpx
import numpy as np

from index.errors import NewsdeskError

PROBE_TEXT = "Newsdesk checks which model this server serves."


class EmbeddingServerError(NewsdeskError, RuntimeError):
    """The embedding server could not be reached or answered something unusable."""


class EmbeddingModelMismatch(EmbeddingServerError):
    """The embedding server serves another model than the one configured."""


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently a failed request is tried again.

    Only connection errors, timeouts, 429 and 5xx are retried: a 4xx other
    than 429 says the request itself is wrong and would fail again.
    """

    attempts: int = 4
    first_delay: float = 0.5  # seconds; doubled each time: 0.5 + 1 + 2 = 3.5 s of waiting in all
    factor: float = 2.0

    def delays(self) -> list[float]:
        """The waits between the attempts (one fewer than attempts)."""
        return [self.first_delay * self.factor**i for i in range(max(self.attempts - 1, 0))]


def model_key(name: str) -> str:
    """What two model names are compared by: the last path part, case-folded.

    A server names a model by what it was started with: a hub id
    (`sentence-transformers/all-MiniLM-L6-v2`) or a folder
    (`/models/all-MiniLM-L6-v2`); both are the packaged `all-MiniLM-L6-v2`.
    """
    return name.rstrip("/").rsplit("/", 1)[-1].casefold()


def base_url(url: str) -> str:
    """The server's root: `http://h:p`, `http://h:p/v1` and `.../v1/embeddings` all give `http://h:p`."""
    url = url.strip().rstrip("/")
    for suffix in ("/embeddings", "/v1"):
        if url.endswith(suffix):
            url = url[: -len(suffix)]
    return url


class RemoteEmbedder:
    """Encodes texts on an OpenAI-compatible embeddings server; counts what it encoded.

    `tokenizer` counts a text's tokens for the chunker (the server has no
    standard way to); `client` and `sleep` are passed in so tests can give a
    fake transport and skip the waits. Safe to share between threads.
    """

    def __init__(self, url: str, model: str, tokenizer: Callable[[str], list[int]], *, max_tokens: int = 256,
                 batch_size: int = 32, timeout: float = 60.0, retry: RetryPolicy = RetryPolicy(),
                 client: httpx.Client | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        self.url = base_url(url)
        self.model = model
        self.name = model.rstrip("/").rsplit("/", 1)[-1]  # the store stamp's name (index/provenance.py)
        self.batch_size = batch_size
        self.max_tokens = max_tokens
        self.texts_encoded = 0
        self._tokenizer = tokenizer
        self._retry = retry
        self._sleep = sleep
        self._client = client or httpx.Client(timeout=timeout)
        self._lock = threading.Lock()
        self._check_served_model()
        probe = self._post_batch([PROBE_TEXT])
        self.dimensions: int = int(probe.shape[1])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text, `batch_size` texts per request."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        texts = list(texts)
        parts = [self._post_batch(texts[i:i + self.batch_size]) for i in range(0, len(texts), self.batch_size)]
        with self._lock:
            self.texts_encoded += len(texts)
        return np.vstack(parts)

    def count_tokens(self, text: str) -> int:
        """Tokens of `text` as the chunker counts them."""
        return len(self.tokenize(text))

    def tokenize(self, text: str) -> list[int]:
        """Token ids of `text` from the tokenizer passed in."""
        return self._tokenizer(text)

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()

    def _check_served_model(self) -> None:
        """Refuse a server whose model list lacks ours (servers without a list are judged by their answers)."""
        response = self._request("GET", "/v1/models")
        if response.status_code != 200:
            return  # not every server lists models; the embeddings answer's `model` is checked too
        try:
            served = [str(item["id"]) for item in response.json().get("data", [])]
        except (ValueError, KeyError, TypeError, AttributeError):
            return
        if served and model_key(self.model) not in {model_key(name) for name in served}:
            raise EmbeddingModelMismatch(
                f"the embedding server {self.url} serves {', '.join(served)}, not {self.model} "
                "(NEWSDESK_EMBED_MODEL): point NEWSDESK_EMBED_URL at a server of that model, or set the model it serves")

    def _post_batch(self, texts: list[str]) -> np.ndarray:
        response = self._request("POST", "/v1/embeddings",
                                 json={"model": self.model, "input": texts, "encoding_format": "float"})
        if response.status_code != 200:
            raise EmbeddingServerError(f"the embedding server {self.url} refused the request "
                                       f"(HTTP {response.status_code}): {_snippet(response.text)}")
        try:
            body = response.json()
            rows = sorted(body["data"], key=lambda item: item.get("index", 0))
            vectors = np.asarray([row["embedding"] for row in rows], dtype=np.float32)
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            raise EmbeddingServerError(f"the embedding server {self.url} answered something other than "
                                       f"embeddings ({err!r}): {_snippet(response.text)}") from err
        answered = body.get("model")
        if isinstance(answered, str) and answered and model_key(answered) != model_key(self.model):
            raise EmbeddingModelMismatch(f"the embedding server {self.url} answered with {answered}, not {self.model} "
                                         "(NEWSDESK_EMBED_MODEL): its vectors would not match the store's")
        if vectors.ndim != 2 or vectors.shape[0] != len(texts):
            raise EmbeddingServerError(f"the embedding server {self.url} returned {vectors.shape[0] if vectors.ndim else 0}"
                                       f" vectors for {len(texts)} texts")
        if getattr(self, "dimensions", vectors.shape[1]) != vectors.shape[1]:
            raise EmbeddingServerError(f"the embedding server {self.url} changed from {self.dimensions} to "
                                       f"{vectors.shape[1]} dimensions")
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms > 0, norms, 1.0)

    def _request(self, method: str, path: str, **kwargs: object) -> httpx.Response:
        """One request, tried again on connection errors, timeouts, 429 and 5xx; then one clear error."""
        delays = self._retry.delays()
        problem = ""
        for attempt in range(len(delays) + 1):
            try:
                response = self._client.request(method, self.url + path, **kwargs)
            except httpx.TransportError as err:
                problem = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
            else:
                if response.status_code != 429 and response.status_code < 500:
                    return response
                problem = f"HTTP {response.status_code}: {_snippet(response.text)}"
            if attempt < len(delays):
                self._sleep(delays[attempt])
        raise EmbeddingServerError(f"the embedding server {self.url} did not answer {method} {path} "
                                   f"after {len(delays) + 1} tries ({problem}); check NEWSDESK_EMBED_URL")


def _snippet(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
