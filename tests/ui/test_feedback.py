"""👍/👎 on the chat's answers: what is saved to HOME/feedback.jsonl, and that it becomes a question set.

Real on-disk fixture store, the deterministic fake embedder and extractive answers (no answer model).
"""

from __future__ import annotations

import pytest

from eval.feedback_log import feedback_path, read_feedback
from eval.feedback_set import feedback_to_set
from ui import handlers
from ui.feedback import FeedbackError, find_answer, save_feedback, verdict_of


def _converse(services, *questions: str, **filters) -> handlers.Conversation:
    chat, convo = [], handlers.Conversation()
    for question in questions:
        *_, (chat, _, convo, _) = handlers.chat_turn(services, question, chat, convo, filters.get("since"),
                                                     filters.get("until"), filters.get("outlets"), 6)
    return convo


def test_a_finished_answer_is_recorded_with_its_message_citations_and_filters(fake_services):
    convo = _converse(fake_services, "What did the Syrian army retake near Palmyra?", "And Storm Doris?",
                      since="2017-02-01", outlets=["TASS", "BBC"])
    first, second = convo.answered
    assert (first.turn, first.message, second.turn, second.message) == (1, 1, 2, 3)
    assert first.citations and first.citations[0]["url"] and first.citations[0]["quote"]
    assert first.filters == {"since": "2017-02-01", "until": None, "sources": ["TASS", "BBC"]}
    assert second.history[0] == {"role": "user", "content": "What did the Syrian army retake near Palmyra?"}


def test_up_and_down_with_an_expected_answer_are_appended_and_become_a_set(fake_services):
    home = fake_services.settings.home
    convo = _converse(fake_services, "What did the Syrian army retake near Palmyra?", "How strong was Storm Doris?")
    up = save_feedback(home, convo.answered, 1, "👍")
    down = save_feedback(home, convo.answered, 2, "👎", "winds of up to 94 mph")
    assert (up.turn, up.verdict, down.verdict) == (1, "up", "down")
    assert "Answer 2 marked 👎 wrong with the expected answer “winds of up to 94 mph”" in down.status
    records = [r for _, r in read_feedback(feedback_path(home))]
    assert [r.verdict for r in records] == ["up", "down"]
    assert records[0].question == "What did the Syrian army retake near Palmyra?"
    assert records[0].citations[0]["article_id"] and records[0].time.startswith("20")
    made = feedback_to_set(feedback_path(home))
    assert (made.confirmed, made.corrected, made.skipped) == (1, 1, 0)
    assert made.questions[1].answers == ("winds of up to 94 mph",)


def test_down_without_expected_is_saved_and_asks_for_one(fake_services):
    home = fake_services.settings.home
    convo = _converse(fake_services, "What did the Syrian army retake near Palmyra?")
    marked = save_feedback(home, convo.answered, 1, False)
    assert "Type what it should have said" in marked.status
    assert feedback_to_set(feedback_path(home)).skipped == 1


def test_bad_marks_say_why_and_write_nothing(fake_services):
    home = fake_services.settings.home
    convo = _converse(fake_services, "What did the Syrian army retake near Palmyra?")
    with pytest.raises(FeedbackError, match="there is no answer 3 in this conversation"):
        save_feedback(home, convo.answered, 3, "up")
    with pytest.raises(FeedbackError, match="the verdict must be"):
        save_feedback(home, convo.answered, 1, "maybe")
    with pytest.raises(FeedbackError, match="only finished answers"):
        find_answer(convo.answered, message=0)  # the question's own message
    assert not feedback_path(home).exists()
    assert (verdict_of("Like"), verdict_of("👎"), verdict_of(True)) == ("up", "down", "up")


def test_the_conversation_hash_changes_when_an_answer_finishes(fake_services):
    """Gradio fires the export's State.change by hash; one streamed turn yields a single object throughout."""
    convo = handlers.Conversation()
    states, hashes = [], []
    for _, _, state, _ in handlers.chat_turn(fake_services, "How strong was Storm Doris?", [], convo, None, None,
                                             None, 6):
        states.append(state)
        hashes.append(hash(state))  # as Gradio sees it after each step
    assert states[0] is states[-1] and hashes[0] == hash(convo) and hashes[-1] != hashes[0]
    assert hash(handlers.new_chat()[2]) == hash(convo)
