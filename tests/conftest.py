"""Fixtures shared by every test package: the real embedder (loaded once),
a deterministic fake embedder for fast tests, and the shared data folder."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

import index  # noqa: F401  (sets the offline switches before any library loads)
from index.settings import IndexSettings

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO.parent / "shared").resolve()


class FakeEmbedder:
    """Deterministic stand-in for `Embedder`: bag-of-words hashed into 384 dims.

    Texts sharing words get similar vectors, so retrieval logic can be tested
    without the model; it counts encoded texts like the real one.
    """

    dimensions = 384
    max_tokens = 256
    batch_size = 64

    def __init__(self) -> None:
        self.texts_encoded = 0

    def encode(self, texts):
        self.texts_encoded += len(texts)
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                word = word.strip(".,;:!?\"'()[]")
                if word:
                    out[row, int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dimensions] += 1.0
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else out[row]
        return out

    def tokenize(self, text: str) -> list[str]:
        return text.split()

    def count_tokens(self, text: str) -> int:
        return len(self.tokenize(text))


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    """A fresh deterministic embedder."""
    return FakeEmbedder()


@pytest.fixture(scope="session")
def real_embedder():
    """The real MiniLM model from the Newsdesk home (CI fetches it with `make models`)."""
    from index.embedding import Embedder

    path = IndexSettings().embedder_path
    if not (path / "modules.json").is_file():
        pytest.fail(f"MiniLM model missing at {path}: run `make models` first")
    return Embedder(path)


@pytest.fixture
def shared_dir() -> Path:
    """`../shared` beside the repo; tests needing it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared (benchmark and sample data) is not present")
    return SHARED


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory):
    """One real `chroma run` for the session (each store gets its own collections on it)."""
    from tests.chroma_server import ChromaServer

    server = ChromaServer(tmp_path_factory.mktemp("chroma-server") / "data")
    yield server
    server.close()


@pytest.fixture(params=["embedded", pytest.param("server", marks=pytest.mark.slow)])
def chroma(request):
    """Where a store test's vectors live: embedded Chroma, or a real Chroma server (slow)."""
    from index.chroma_client import EMBEDDED, ChromaLocation

    if request.param == "embedded":
        return EMBEDDED
    return ChromaLocation(request.getfixturevalue("chroma_server").url)
