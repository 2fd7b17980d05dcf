"""One `Embedder` shared by threads: a chat encoding questions while an ingest measures
chunks with the tokenizer (issue 13, item 6: "expected sequence of length 63" in encode).

The fast tokenizer keeps its padding/truncation settings as shared state: `encode`
sets padding, then tokenizes; `tokenize` (the chunker's measure) turns padding off.
The real race window is microseconds; the test widens it by slowing the Rust
tokenizer's batch call, so an interleaving happens on every run instead of once
in a long while.
"""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

pytestmark = pytest.mark.slow

QUESTIONS = ["Who retook Palmyra?", "What did the Syrian army say about the road to Palmyra on Tuesday?"]
CHUNK = " ".join(f"token{j}" for j in range(300))


class SlowBatches:
    """The Rust tokenizer with a pause before each batch (settings stay on the real one)."""

    def __init__(self, inner: object) -> None:
        object.__setattr__(self, "inner", inner)

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def __setattr__(self, name: str, value: object) -> None:
        setattr(self.inner, name, value)

    def encode_batch(self, *args: object, **kwargs: object) -> object:
        time.sleep(0.05)
        return self.inner.encode_batch(*args, **kwargs)


def test_encode_and_tokenize_from_two_threads(real_embedder):
    expected = real_embedder.encode(QUESTIONS)
    tokens = real_embedder.tokenize(CHUNK)
    hf = real_embedder.model.tokenizer
    inner = hf._tokenizer
    errors: list[str] = []
    vectors: list[np.ndarray] = []
    measured: list[int] = []

    def chat() -> None:
        for _ in range(4):
            try:
                vectors.append(real_embedder.encode(QUESTIONS))
            except Exception as exc:  # every failure is reported
                errors.append(repr(exc)[:200])

    def ingest() -> None:
        for _ in range(12):
            try:
                measured.append(len(real_embedder.tokenize(CHUNK)))
            except Exception as exc:
                errors.append(repr(exc)[:200])

    hf._tokenizer = SlowBatches(inner)
    try:
        threads = [threading.Thread(target=chat), threading.Thread(target=ingest)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        hf._tokenizer = inner
    assert errors == []
    assert measured == [len(tokens)] * 12  # never truncated to the model's 256
    for got in vectors:
        np.testing.assert_allclose(got, expected, atol=1e-5)
