"""Turning readers' 👍/👎 on answers (the feedback log) into a question set in the eval format.

- 👍 on an answer: its short answer (else its text) becomes the expected answer, the articles it
  cited the gold articles and their quotes the gold evidence; 👍 on an abstention says the archive
  cannot answer, so the question becomes `unanswerable`.
- 👎 with an expected answer: that answer becomes the expected one (no gold articles: the cited
  ones were judged wrong).
- 👎 without one: skipped and counted — there is nothing to score against.

Each question keeps its conversation (`history`), its filters and the date it was asked (`as_of`),
so a rerun sees the archive as the reader did. Only the latest verdict on an answer counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eval.feedback_log import FeedbackRecord, read_feedback
from eval.questions import Question, parse_question

CONFIRMED, CORRECTED = "feedback_confirmed", "feedback_corrected"  # question types, as reports group them


@dataclass
class FeedbackSet:
    """The questions made from a feedback log and what happened to each marked answer."""

    questions: list[Question] = field(default_factory=list)
    confirmed: int = 0  # 👍
    corrected: int = 0  # 👎 with an expected answer
    skipped: int = 0  # 👎 without an expected answer
    problems: list[str] = field(default_factory=list)  # "file:line: why" for lines that could not be read

    def summary(self) -> str:
        """One line: how many questions, from which verdicts, and what was skipped."""
        return (f"{len(self.questions)} questions ({self.confirmed} marked good, {self.corrected} marked wrong "
                f"with an expected answer); {self.skipped} marked wrong without an expected answer skipped"
                + (f"; {len(self.problems)} unreadable lines" if self.problems else ""))


def _filters(record: FeedbackRecord) -> dict:
    f = record.filters
    return {"since": f.get("since") or None, "until": f.get("until") or None, "sources": list(f.get("sources") or [])}


def _as_of(record: FeedbackRecord) -> str | None:
    try:
        return date.fromisoformat(record.time[:10]).isoformat()
    except ValueError:
        return None


def question_from_feedback(record: FeedbackRecord) -> Question | None:
    """The question one verdict makes, or None for 👎 without an expected answer."""
    base = {"id": f"fb-{record.key}", "question": record.question, "history": record.history,
            "filters": _filters(record), "as_of": _as_of(record), "asked": record.time}
    if record.verdict == "down":
        if not record.expected:
            return None
        return parse_question({**base, "answers": [record.expected], "type": CORRECTED, "gold_articles": []})
    if record.abstained:
        return parse_question({**base, "answers": [], "type": "unanswerable", "gold_articles": []})
    gold = list(dict.fromkeys(c["article_id"] for c in record.citations if c.get("article_id")))
    quotes = list(dict.fromkeys(c["quote"].strip() for c in record.citations if (c.get("quote") or "").strip()))
    answer = (record.expected or record.short_answer or record.answer).strip()
    return parse_question({**base, "answers": [answer], "type": CONFIRMED, "gold_articles": gold,
                           "gold_evidence": quotes})


def feedback_to_set(path: Path) -> FeedbackSet:
    """The question set made from the feedback log at `path` (bad lines are reported, the rest used)."""
    latest: dict[str, FeedbackRecord] = {}
    result = FeedbackSet()
    for number, item in read_feedback(path):
        if isinstance(item, str):
            result.problems.append(f"{path}:{number}: {item}")
            continue
        latest.pop(item.key, None)  # re-insert: the set follows the order answers were last marked
        latest[item.key] = item
    for record in latest.values():
        try:
            question = question_from_feedback(record)
        except ValueError as exc:
            result.problems.append(f"{path}: answer to {record.question!r}: {exc}")
            continue
        if question is None:
            result.skipped += 1
            continue
        result.questions.append(question)
        if question.type == CORRECTED:
            result.corrected += 1
        else:
            result.confirmed += 1
    return result
