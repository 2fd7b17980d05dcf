"""`EncodeAhead`: batches encoded on another thread come back in order, at most `depth` out."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from index.encode_ahead import EncodeAhead


def lengths(texts):
    """A stand-in encoder: one row per text holding its length."""
    return np.array([[len(t)] for t in texts], dtype=np.float32)


def test_batches_come_back_in_order_with_their_payloads():
    def uneven(texts):  # later batches finish faster: order must still hold
        time.sleep(0.05 if texts[0] == "a" else 0.0)
        return lengths(texts)

    with EncodeAhead(uneven, depth=3) as ahead:
        back = []
        for n, texts in enumerate((["a", "bb"], ["ccc"], ["dddd", "e"], ["ff"])):
            back += ahead.submit(texts, payload=n)
        back += ahead.drain()
    assert [b.payload for b in back] == [0, 1, 2, 3]
    assert [b.vectors[:, 0].tolist() for b in back] == [[1, 2], [3], [4, 1], [2]]
    assert all(b.seconds >= 0 for b in back)


def test_encoding_runs_beside_the_caller_and_never_more_than_depth_out():
    release = threading.Event()
    started: list[int] = []

    def gated(texts):
        started.append(len(texts))
        assert release.wait(5), "the test never released the encoder"
        return lengths(texts)

    ahead = EncodeAhead(gated, depth=2)
    assert ahead.submit(["x"], 0) == []  # returns at once: the encoder works on its own thread
    assert ahead.submit(["y", "z"], 1) == []
    assert ahead.outstanding == 2
    taken: list = []
    waited = threading.Thread(target=lambda: taken.extend(ahead.submit(["w"], 2)))
    waited.start()
    waited.join(0.3)
    assert waited.is_alive(), "a third batch must wait while two are out"
    release.set()
    waited.join(5)
    assert not waited.is_alive()
    assert ahead.outstanding <= 2
    assert [b.payload for b in taken + ahead.drain()] == [0, 1, 2]  # the third submit took back 0 first
    ahead.close()


def test_an_encoder_error_is_raised_where_its_batch_is_taken_back():
    def failing(texts):
        if "bad" in texts:
            raise RuntimeError("model exploded")
        return lengths(texts)

    with EncodeAhead(failing, depth=2) as ahead:
        ahead.submit(["good"], 0)
        ahead.submit(["bad"], 1)
        first = ahead._take()
        assert first.payload == 0
        with pytest.raises(RuntimeError, match="model exploded"):
            ahead.drain()


def test_depth_must_be_positive():
    with pytest.raises(ValueError, match="depth"):
        EncodeAhead(lengths, depth=0)


def test_close_waits_for_the_encoder_thread_to_end():
    # A process exiting with the thread still inside torch can abort in C++ (seen on `newsdesk ingest`).
    import threading
    import time

    import numpy as np

    from index.encode_ahead import EncodeAhead

    def slow(texts):
        time.sleep(0.3)
        return np.zeros((len(texts), 2), dtype=np.float32)

    ahead: EncodeAhead[int] = EncodeAhead(slow)
    ahead.submit(["a", "b"], 1)
    ahead.close()
    assert not any(t.name == "newsdesk-encode" and t.is_alive() for t in threading.enumerate())
