"""👍/👎 on the chat's answers, with an optional expected answer, saved to HOME/feedback.jsonl.

The marks are what `newsdesk eval feedback-to-set` (and the Evaluate tab's
"feedback" choice) turn into a question set. The answer being marked is looked
up in the session's own `Conversation`, so a caller can only rate answers it
was given; the log's format and safe appending live in `eval.feedback_log`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eval.feedback_log import FeedbackRecord, append_feedback, feedback_path
from index.errors import NewsdeskError
from ui import views
from ui.answered import AnsweredTurn

UP, DOWN = "👍", "👎"
LABELS = {"up": f"{UP} good", "down": f"{DOWN} wrong"}  # words too: not every screen has an emoji font
_VERDICTS = {UP: "up", DOWN: "down", "up": "up", "down": "down", "like": "up", "dislike": "down"}


class FeedbackError(NewsdeskError, ValueError):
    """A mark that cannot be saved (no such answer, unknown verdict); the message says which."""


@dataclass
class Marked:
    """What the feedback row shows after a mark: which answer, which verdict, and a status line."""

    turn: int
    verdict: str  # "up" or "down"
    status: str  # HTML


def verdict_of(value: object) -> str:
    """'up' or 'down' from 👍/👎, up/down, Like/Dislike or the Chatbot's True/False."""
    if isinstance(value, bool):
        return "up" if value else "down"
    verdict = _VERDICTS.get(str(value or "").strip().lower()) or _VERDICTS.get(str(value or "").strip())
    if verdict is None:
        raise FeedbackError(f"the verdict must be {UP} or {DOWN} (or up/down), not “{value}”")
    return verdict


def find_answer(answered: list[AnsweredTurn], *, turn: int | None = None, message: int | None = None) -> AnsweredTurn:
    """The finished answer with this question number (or chat message index) in the session."""
    for item in answered:
        if (turn is not None and item.turn == turn) or (message is not None and item.message == message):
            return item
    if message is not None:
        raise FeedbackError("only finished answers can be marked")
    raise FeedbackError(f"there is no answer {turn} in this conversation (it has {len(answered)})")


def save_feedback(home: Path, answered: list[AnsweredTurn], turn: object, verdict: object,
                  expected: str | None = None) -> Marked:
    """Append one mark on answer `turn` of this session to HOME/feedback.jsonl; `FeedbackError` if it cannot be."""
    try:
        number = int(float(turn))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise FeedbackError(f"the answer number must be a number, not “{turn}”") from None
    item = find_answer(answered, turn=number)
    mark = verdict_of(verdict)
    expected = (expected or "").strip() or None
    record = FeedbackRecord(question=item.question, answer=item.answer, verdict=mark, citations=item.citations,
                            filters=item.filters, history=item.history, short_answer=item.short_answer,
                            abstained=item.abstained, expected=expected)
    append_feedback(feedback_path(home), record)
    symbol = LABELS[mark]
    said = f" with the expected answer “{views.esc(expected)}”" if expected else ""
    hint = ("" if expected or mark == "up" else
            " Type what it should have said to use this question in evaluations.")
    return Marked(number, mark, f"<span class='nd-panel-note'>Answer {number} marked {symbol}{said}; "
                                  f"saved for evaluation.{hint}</span>")
