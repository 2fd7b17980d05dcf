"""NEWSDESK_EMBED_URL against a real embeddings server: Infinity serving the packaged MiniLM.

The `newsdesk` commands run in-process with their real wiring (index.runtime
builds a RemoteEmbedder from the settings). Skips, saying why, when Infinity is
not installed (`make embed-server`, which `make test` runs, installs it).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from index.embedding import Embedder, folder_tokenizer
from index.provenance import EmbedderMismatch
from index.remote_embedding import EmbeddingModelMismatch, RemoteEmbedder
from index.settings import IndexSettings
from tests.embedding_server import InfinityServer, infinity_executable
from ui.cli import main

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
QUESTIONS = [
    "By how much did the council cut spending on roads?",
    "How many turbines will the wind farm off the northern cape have?",
    "By how much will ferry fares rise?",
    "How many containers did the first freight train on the desert rail link carry?",
]


@pytest.fixture(scope="module")
def minilm_folder() -> Path:
    folder = IndexSettings().embedder_path
    if not (folder / "modules.json").is_file():
        pytest.fail(f"MiniLM model missing at {folder}: run `make models` first")
    return folder


def start_server(minilm_folder: Path, served_name: str, logs: Path) -> InfinityServer:
    executable = infinity_executable()
    if executable is None:
        pytest.skip("infinity_emb is not installed (`make embed-server`; or set NEWSDESK_TEST_INFINITY)")
    return InfinityServer(executable, minilm_folder, served_name, logs)


@pytest.fixture(scope="module")
def minilm_server(minilm_folder, tmp_path_factory):
    """Infinity serving the packaged MiniLM folder under its own name."""
    server = start_server(minilm_folder, "all-MiniLM-L6-v2", tmp_path_factory.mktemp("infinity"))
    yield server
    server.close()


def use_home(monkeypatch, home: Path, models: Path) -> None:
    monkeypatch.setenv("NEWSDESK_HOME", str(home))
    monkeypatch.setenv("NEWSDESK_MODELS_DIR", str(models))
    monkeypatch.setenv("NEWSDESK_LLM", "none")  # extractive answers: retrieval is what is compared
    monkeypatch.delenv("NEWSDESK_EMBED_URL", raising=False)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def top_passages(capsys, *extra: str) -> list[dict]:
    """For each question, the cited (article id, passage) pairs in order and the closest articles.

    The closest articles' scores are left out: they are rounded, and equal vectors need not round alike
    after a server's float32 JSON."""
    found = []
    for question in QUESTIONS:
        code, out, err = run(capsys, "ask", question, "--json", "--k", "5", *extra)
        assert code == 0, err
        data = json.loads(out)
        found.append({"cited": [(c["article_id"], c["passage"]) for c in data["citations"]],
                      "closest": [{**a, "score": None} for a in data["closest"]]})
    return found


def test_server_vectors_and_tokens_match_the_local_embedder(minilm_server, minilm_folder, real_embedder):
    remote = RemoteEmbedder(minilm_server.url + "/v1", "all-MiniLM-L6-v2", folder_tokenizer(minilm_folder),
                            batch_size=3)
    texts = [path.read_text(encoding="utf-8", errors="replace")[:2000] for path in sorted(FIXTURES.glob("*.*"))]
    local, served = real_embedder.encode(texts), remote.encode(texts)
    assert remote.dimensions == real_embedder.dimensions == 384
    assert float((local * served).sum(axis=1).min()) > 0.999  # cosine; seen: 1.0 on every text
    np.testing.assert_allclose(np.linalg.norm(served, axis=1), 1.0, rtol=1e-5)
    for text in texts + ["Zürich café — naïve “quotes” 😀"]:
        assert remote.tokenize(text) == real_embedder.tokenize(text)
    remote.close()


def test_ingest_and_ask_through_the_server_find_what_the_local_model_finds(
        minilm_server, minilm_folder, tmp_path, monkeypatch, capsys):
    models = minilm_folder.parent
    use_home(monkeypatch, tmp_path / "local", models)
    code, _, err = run(capsys, "ingest", str(FIXTURES), "--quiet")
    assert code in (0, 1), err  # 1: a fixture with bad input was reported, the rest indexed
    local = top_passages(capsys)

    use_home(monkeypatch, tmp_path / "served", models)
    monkeypatch.setenv("NEWSDESK_EMBED_URL", minilm_server.url)
    code, _, err = run(capsys, "ingest", str(FIXTURES), "--quiet")
    assert code in (0, 1), err
    monkeypatch.delenv("NEWSDESK_EMBED_URL")
    served = top_passages(capsys, "--embed-url", minilm_server.url + "/v1")  # the flag, this time
    assert served == local
    assert all(answer["cited"] for answer in served)  # every question was answered with a citation

    # Same model, dimensions and normalisation: the same embedder, so the local model may add to
    # the store the server wrote (and the other way round); the stamp says all-MiniLM-L6-v2.
    code, out, err = run(capsys, "ingest", str(FIXTURES / "wire.jsonl"), "--json")
    assert code in (0, 1) and "cannot be mixed" not in err, err


def test_a_server_serving_another_model_is_refused_naming_both(minilm_folder, tmp_path, monkeypatch, capsys):
    # The MiniLM weights served under another model's name: to Newsdesk another model, as a
    # server of e.g. bge-small would be (only MiniLM is packaged, so only it can be served offline).
    server = start_server(minilm_folder, "bge-small-en-v1.5", tmp_path / "logs")
    try:
        use_home(monkeypatch, tmp_path / "home", minilm_folder.parent)
        code, _, err = run(capsys, "ingest", str(FIXTURES / "wire.jsonl"), "--quiet")
        assert code == 0, err

        # The configured model is the packaged MiniLM: the server's model list is refused.
        monkeypatch.setenv("NEWSDESK_EMBED_URL", server.url)
        code, out, err = run(capsys, "ingest", str(FIXTURES / "world.rss"))
        assert code == 2 and "Traceback" not in err
        assert f"the embedding server {server.url} serves bge-small-en-v1.5, not all-MiniLM-L6-v2" in err

        # Told to use that model, the server is accepted, but the store written by MiniLM refuses its vectors.
        monkeypatch.setenv("NEWSDESK_EMBED_MODEL", "bge-small-en-v1.5")
        code, out, err = run(capsys, "ingest", str(FIXTURES / "world.rss"))
        assert code == 2 and "Traceback" not in err
        assert ("the index was written by all-MiniLM-L6-v2 (384 dimensions), not bge-small-en-v1.5 "
                "(384 dimensions)") in err
        code, out, err = run(capsys, "stats", "--json")
        assert code == 0 and json.loads(out)["articles"] >= 1  # nothing already indexed was lost
    finally:
        server.close()


def test_an_unreachable_server_is_one_clear_line(minilm_folder, tmp_path, monkeypatch, capsys):
    from tests.chroma_server import free_port

    use_home(monkeypatch, tmp_path / "home", minilm_folder.parent)
    url = f"http://127.0.0.1:{free_port()}"
    monkeypatch.setenv("NEWSDESK_EMBED_URL", url)
    code, out, err = run(capsys, "ingest", str(FIXTURES / "wire.jsonl"))
    assert code == 2 and "Traceback" not in err
    assert f"the embedding server {url} did not answer GET /v1/models after 4 tries" in err
