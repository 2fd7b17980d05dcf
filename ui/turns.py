"""Chat turns that Stop can end at any moment, without Gradio's `cancels=`.

Gradio's cancel (`/cancel`) kills every running task of an event *for the
session*, not one run: a cancel that lands late (the server was busy, or the
answer thread was inside retrieval or prompt evaluation, which a cancel cannot
interrupt) killed the user's NEXT question, and until it landed the page kept
the old run "pending" and ignored Ask clicks. So Stop does not cancel anything.
Each session's running turn has a `Turn` with a stop flag; Stop sets it. The
answer is computed in a worker thread and handed over through a queue, so the
handler never blocks longer than `POLL_S`: it notices the flag, shows
"Stopped" and ends normally, which leaves the page ready for the next
question. The worker stops the answer stream at its next event (releasing the
answer model); its late events are dropped.
"""

from __future__ import annotations

import itertools
import queue
import threading
from dataclasses import dataclass, field
from typing import Callable, Iterator, TypeVar

T = TypeVar("T")
# How often a waiting handler looks at the stop flag: Stop shows within this (plus one
# round trip); a smaller value only costs wake-ups of an idle thread.
POLL_S = 0.1
STOPPED, SUPERSEDED = "stopped", "superseded"


@dataclass
class Turn:
    """One question being answered for one session; `stop()` asks it to end.

    `reason` says why: STOPPED (the Stop button: the handler shows what it has,
    marked "Stopped") or SUPERSEDED (a new question or a new chat replaced it:
    the handler ends silently, so it cannot overwrite the newer chat).
    """

    session: str
    number: int
    flag: threading.Event = field(default_factory=threading.Event)
    reason: str | None = None

    def stop(self, reason: str = STOPPED) -> None:
        """Ask the turn to end (the first reason given wins)."""
        if not self.flag.is_set():
            self.reason = reason
            self.flag.set()

    @property
    def stopped(self) -> bool:
        """True once Stop, a newer question or a new chat asked this turn to end."""
        return self.flag.is_set()


class TurnSignals:
    """The running turn of every session (one per session), shared by the app's handlers.

    Thread-safe: turns start and stop on Gradio's worker threads.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: dict[str, Turn] = {}
        self._numbers = itertools.count(1)

    def start(self, session: str) -> Turn:
        """A new turn for `session`; a turn of the session still running is superseded."""
        with self._lock:
            earlier = self._running.get(session)
            turn = self._running[session] = Turn(session, next(self._numbers))
        if earlier is not None:
            earlier.stop(SUPERSEDED)
        return turn

    def stop(self, session: str, reason: str = STOPPED) -> Turn | None:
        """Stop `session`'s running turn, if any (returns it); a turn started later is not affected."""
        with self._lock:
            turn = self._running.get(session)
        if turn is not None:
            turn.stop(reason)
        return turn

    def finish(self, turn: Turn) -> None:
        """Forget `turn` once its handler has ended (a newer turn of the session stays)."""
        with self._lock:
            if self._running.get(turn.session) is turn:
                del self._running[turn.session]

    def running(self, session: str) -> Turn | None:
        """The session's running turn, if any."""
        with self._lock:
            return self._running.get(session)


def until_stopped(start: Callable[[], Iterator[T]], turn: Turn, poll_s: float = POLL_S) -> Iterator[T]:
    """The events of `start()`, produced in a worker thread, until they end or `turn` is stopped.

    Exceptions of the stream are re-raised here. When the turn is stopped (or this
    generator is closed) the iteration ends within `poll_s`, after the events already
    produced; the worker closes the
    stream after the event it is computing, so a stopped answer frees the model then.
    """
    handoff: queue.Queue[tuple[str, object]] = queue.Queue()
    abandoned = threading.Event()

    def work() -> None:
        events = None
        try:
            events = start()
            for event in events:
                if turn.stopped or abandoned.is_set():
                    return
                handoff.put(("event", event))
            handoff.put(("end", None))
        except BaseException as exc:  # handed to the handler, which decides what the user sees
            handoff.put(("error", exc))
        finally:
            close = getattr(events, "close", None)
            if close is not None:
                close()

    worker = threading.Thread(target=work, name=f"turn-{turn.number}", daemon=True)
    worker.start()
    try:
        while not turn.stopped:
            try:
                kind, value = handoff.get(timeout=poll_s)
            except queue.Empty:
                continue
            if turn.stopped or kind == "end":
                return
            if kind == "error":
                raise value  # type: ignore[misc]
            yield value  # type: ignore[misc]
        while True:  # stopped: what was already produced (e.g. the sources) is still shown
            try:
                kind, value = handoff.get_nowait()
            except queue.Empty:
                return
            if kind == "event":
                yield value  # type: ignore[misc]
    finally:
        abandoned.set()
