"""The chunker's measure (`Embedder.tokenize`) runs beside an encode: it has its own copy of the
tokenizer, so an ingest chunks the next batch while the encoder thread holds the model."""

from __future__ import annotations

import threading
import time

import pytest

pytestmark = pytest.mark.slow

TEXTS = ["Who retook Palmyra?", "Ahmet Davutoğlu accused Russia — “again” — of targeting rebels.",
         " ".join(f"token{j}" for j in range(300))]


def test_measure_gives_the_model_tokenizer_ids_untruncated(real_embedder):
    hf = real_embedder.model.tokenizer
    for text in TEXTS:
        assert real_embedder.tokenize(text) == hf.encode(text, add_special_tokens=False, truncation=False)
    assert real_embedder.count_tokens(TEXTS[2]) > real_embedder.max_tokens


def test_measure_does_not_wait_for_an_encode_in_progress(real_embedder):
    held, done = threading.Event(), threading.Event()

    def encoding() -> None:  # stands for a long encode: it holds the encoder's lock
        with real_embedder._lock:
            held.set()
            done.wait(10)

    thread = threading.Thread(target=encoding)
    thread.start()
    try:
        assert held.wait(5)
        started = time.perf_counter()
        assert len(real_embedder.tokenize(TEXTS[2])) > 256
        assert time.perf_counter() - started < 5
    finally:
        done.set()
        thread.join()
