"""Encoding on a background thread, a bounded number of batches ahead of the writer.

The ingest's main thread reads, classifies and chunks articles and writes what
was encoded; the encoder runs beside it on one thread of its own (torch releases
the GIL while it computes), so reading, chunking and writing overlap with
encoding instead of taking turns with it. Batches come back in the order they
went in. At most `depth` batches are submitted and not yet taken back, which
bounds memory whatever the size of the input; the main thread blocks in
`submit` when it is that far ahead. The thread is a daemon: after Ctrl-C the
process exits without waiting for the batch in the encoder; its vectors are
simply never written (the manifest never heard of them).
"""

from __future__ import annotations

import queue
import threading
import time
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Callable, Generic, Sequence, TypeVar

import numpy as np

T = TypeVar("T")
EncodeFn = Callable[[Sequence[str]], np.ndarray]
# Two batches out: one in the encoder, one waiting, so the encoder never waits for the
# chunker while the writer stores the batch before. More would only hold more memory.
DEFAULT_DEPTH = 2
# How long `close` waits for the batch in the encoder (a 256-chunk batch takes 5-50 s on 2 cores).
JOIN_SECONDS = 120


@dataclass
class Encoded(Generic[T]):
    """A batch back from the encoder: what was submitted with it, its vectors, the seconds encoding took."""

    payload: T
    vectors: np.ndarray
    seconds: float


class EncodeAhead(Generic[T]):
    """Encodes submitted batches of texts in order on one daemon thread, at most `depth` ahead.

    `submit(texts, payload)` hands a batch over (the payload — the articles and chunks
    the texts came from — travels with it); `ready()` takes back the batches already
    encoded, oldest first, without waiting; `drain()` waits for all of them. An
    exception raised by `encode` is raised again where its batch is taken back.
    """

    def __init__(self, encode: EncodeFn, depth: int = DEFAULT_DEPTH) -> None:
        if depth < 1:
            raise ValueError(f"depth must be at least 1, got {depth}")
        self._encode = encode
        self.depth = depth
        self._todo: queue.SimpleQueue[tuple[Sequence[str], Future] | None] = queue.SimpleQueue()
        self._out: deque[tuple[T, Future]] = deque()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> "EncodeAhead[T]":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def outstanding(self) -> int:
        """Batches submitted and not yet taken back."""
        return len(self._out)

    def submit(self, texts: Sequence[str], payload: T) -> list[Encoded[T]]:
        """Queue one batch; returns the batches that had to be (or already were) taken back first.

        When `depth` batches are already out, waits for the oldest: the caller
        writes what it gets back, so nothing piles up unwritten.
        """
        back: list[Encoded[T]] = []
        while len(self._out) >= self.depth:
            back.append(self._take())
        future: Future = Future()
        self._out.append((payload, future))
        self._start()
        self._todo.put((texts, future))
        return back + self.ready()

    def ready(self) -> list[Encoded[T]]:
        """The batches at the head of the line that are encoded already (never waits)."""
        back: list[Encoded[T]] = []
        while self._out and self._out[0][1].done():
            back.append(self._take())
        return back

    def drain(self) -> list[Encoded[T]]:
        """Every batch still out, in order, waiting for the encoder."""
        return [self._take() for _ in range(len(self._out))]

    def close(self) -> None:
        """Stop the thread after the batch it is encoding and wait for it; batches not taken back are dropped.

        Waiting matters: a process that exits while this thread is still alive inside torch can
        abort in C++ ("terminate called without an active exception", seen on `newsdesk ingest`
        in CI, 2026-12-02). After Ctrl-C the wait is at most the one batch being encoded.
        """
        for _, future in self._out:
            future.cancel()
        self._out.clear()
        if self._thread is not None:
            self._todo.put(None)
            self._thread.join(timeout=JOIN_SECONDS)
            self._thread = None

    def _take(self) -> Encoded[T]:
        payload, future = self._out.popleft()
        vectors, seconds = future.result()
        return Encoded(payload, vectors, seconds)

    def _start(self) -> None:
        if self._thread is None:
            self._todo = queue.SimpleQueue()  # a thread of an earlier `close` may still hold the old one
            self._thread = threading.Thread(target=self._run, args=(self._todo,), name="newsdesk-encode",
                                            daemon=True)
            self._thread.start()

    def _run(self, todo: "queue.SimpleQueue[tuple[Sequence[str], Future] | None]") -> None:
        while (job := todo.get()) is not None:
            texts, future = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                started = time.perf_counter()
                vectors = self._encode(texts)
                future.set_result((vectors, time.perf_counter() - started))
            except BaseException as exc:  # handed to whoever takes the batch back
                future.set_exception(exc)
