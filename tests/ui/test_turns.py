"""Stop at every moment of a turn (ui/turns.py and the chat handler over it).

Fast: the real handler over a real on-disk store, with a gated answerer that
blocks at a chosen moment (before retrieval, after the sources, mid-stream,
during verification) the way a slow model or busy CPU does, so Stop lands
while the handler is waiting, not between events.
"""

from __future__ import annotations

import threading
import time

import pytest

from qa.answer import Done, SourcesFound, TextDelta
from ui import handlers
from ui.handlers import Conversation
from ui.turns import STOPPED, SUPERSEDED, TurnSignals, until_stopped

from tests.ui.test_handlers import answer, assistant, passage

MOMENTS = ["before retrieval", "after sources", "mid-stream", "during verification"]


class GatedQA:
    """Plays a fixed answer, but blocks before the event of `moment` until `release` is set."""

    def __init__(self, store, moment: str | None = None) -> None:
        self.store, self.moment = store, moment
        self.blocked, self.release, self.closed = threading.Event(), threading.Event(), threading.Event()
        self.calls, self.finished = 0, False

    def ask_stream(self, question, history=(), **options):
        self.calls += 1
        script = [("before retrieval", SourcesFound([passage(1), passage(2)], question, {})),
                  ("after sources", TextDelta("The army ")), ("mid-stream", TextDelta("retook Tias [1].")),
                  ("during verification", Done(answer(question)))]
        try:
            for moment, event in script:
                if moment == self.moment:
                    self.blocked.set()
                    self.release.wait(30)
                yield event
            self.finished = True
        finally:
            self.closed.set()


def stop_when_blocked(qa: GatedQA, turns: TurnSignals, session: str) -> threading.Thread:
    """Press Stop (from another thread, as the browser does) once the answerer is blocked."""
    def press() -> None:
        assert qa.blocked.wait(30)
        handlers.stop_turn(turns, session)
    thread = threading.Thread(target=press)
    thread.start()
    return thread


@pytest.mark.parametrize("moment", MOMENTS)
def test_stop_at_any_moment_ends_the_turn_at_once_and_the_next_question_runs(fake_services, moment):
    qa = GatedQA(fake_services.indexer.store, moment)
    fake_services.qa = qa
    turns = TurnSignals()
    pressing = stop_when_blocked(qa, turns, "s1")
    t0 = time.perf_counter()
    steps = list(handlers.chat_turn(fake_services, "What did the army retake?", [], Conversation(),
                                    turns=turns, session="s1"))
    waited = time.perf_counter() - t0
    pressing.join()
    assert waited < 5, "the handler waited for the blocked answerer instead of noticing Stop"
    chat, panel, convo, box = steps[-1]
    assert "Stopped" in chat[-1]["content"] and "nd-final" in chat[-1]["content"]
    assert "Stopped" in panel and "writing the answer" not in panel
    assert convo.history == [] and turns.running("s1") is None
    if moment in ("mid-stream", "during verification"):
        assert "The army" in chat[-1]["content"]  # what was streamed stays, marked incomplete
    if moment != "before retrieval":
        assert "Headline 1" in panel  # the passages found are still shown
    qa.release.set()
    assert qa.closed.wait(5)  # the answer stream is closed after its current step: the model is free
    qa.moment = None  # the next question, at once, in the same session
    final = list(handlers.chat_turn(fake_services, "And then?", chat, convo, turns=turns, session="s1"))[-1]
    assert 'class="nd-cite"' in assistant(final) and "Stopped" not in assistant(final)
    assert "Stopped" in final[0][1]["content"]  # the stopped answer keeps its mark


def test_stop_leaves_a_finished_answer_and_other_sessions_alone(fake_services):
    qa = GatedQA(fake_services.indexer.store, "mid-stream")
    fake_services.qa = qa
    turns = TurnSignals()
    other = turns.start("s2")
    assert handlers.stop_turn(turns, "s1") is False  # nothing running in s1
    pressing = stop_when_blocked(qa, turns, "s1")
    list(handlers.chat_turn(fake_services, "q", [], Conversation(), turns=turns, session="s1"))
    pressing.join()
    assert not other.stopped
    qa.release.set()
    qa.moment = None
    done = list(handlers.chat_turn(fake_services, "q", [], Conversation(), turns=turns, session="s1"))[-1]
    assert handlers.stop_turn(turns, "s1") is False and "Stopped" not in assistant(done)


def test_a_stop_pressed_before_a_question_never_stops_it():
    turns = TurnSignals()
    first = turns.start("s")
    handlers.stop_turn(turns, "s")
    turns.finish(first)
    handlers.stop_turn(turns, "s")  # late: nothing runs
    second = turns.start("s")
    assert first.stopped and first.reason == STOPPED and not second.stopped


def test_a_newer_question_or_new_chat_replaces_the_running_turn_silently(fake_services):
    qa = GatedQA(fake_services.indexer.store, "after sources")
    fake_services.qa = qa
    turns = TurnSignals()
    first = handlers.chat_turn(fake_services, "q1", [], Conversation(), turns=turns, session="s")
    steps = [next(first)]
    running = turns.running("s")
    replacing = threading.Thread(target=lambda: (qa.blocked.wait(30), turns.start("s")))
    replacing.start()
    steps += list(first)
    replacing.join()
    assert running.reason == SUPERSEDED
    assert all("Stopped" not in assistant(s) for s in steps)  # nothing written over the newer chat
    qa.release.set()
    newer = turns.running("s")
    handlers.new_chat(turns, "s")
    assert newer.stopped and newer.reason == SUPERSEDED


def test_an_unfinished_answer_in_the_chat_is_marked_when_a_new_question_comes(fake_services):
    services = fake_services
    services.qa = GatedQA(services.indexer.store)
    chat = [{"role": "user", "content": "q1"}, {"role": "assistant", "content": "<div class='nd-streaming'>The army ret</div>"}]
    final = list(handlers.chat_turn(services, "q2", chat, Conversation()))[-1]
    assert "Stopped" in final[0][1]["content"] and "nd-final" in final[0][1]["content"]


def test_until_stopped_passes_events_and_errors_through():
    turn = TurnSignals().start("s")
    assert list(until_stopped(lambda: iter([1, 2, 3]), turn)) == [1, 2, 3]

    def failing():
        yield 1
        raise ValueError("boom")
    with pytest.raises(ValueError, match="boom"):
        list(until_stopped(failing, turn))


def test_closing_the_handler_closes_the_answer_stream_early(fake_services):
    """What happens when Gradio drops the event (the browser tab closed): the model is freed."""
    qa = GatedQA(fake_services.indexer.store, "during verification")
    fake_services.qa = qa
    turn = handlers.chat_turn(fake_services, "q", [], Conversation())
    for step in turn:
        if "The army" in assistant(step):
            break
    turn.close()
    qa.release.set()
    assert qa.closed.wait(5) and not qa.finished
