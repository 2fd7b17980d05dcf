"""A finished answer as the chat keeps it for feedback and export.

The chat history holds HTML for display; rating an answer or exporting the
conversation needs the plain facts: the question as asked, its filters and
the conversation before it, the answer text and each citation's article and
quote. `chat_turn` records one `AnsweredTurn` per finished answer in the
session's `Conversation`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qa.answer import Answer


@dataclass
class AnsweredTurn:
    """One finished answer of a session: what was asked, under which filters, and what came back."""

    turn: int  # 1-based number of the question in the conversation
    message: int  # index of the answer's message in the chat history (what the Chatbot's 👍/👎 reports)
    question: str
    standalone_question: str
    answer: str
    short_answer: str | None
    abstained: bool
    citations: list[dict] = field(default_factory=list)  # n, article_id, title, source, published, url, quote
    filters: dict = field(default_factory=dict)  # since, until, sources
    history: list[dict] = field(default_factory=list)  # the conversation before this question


def answered_turn(answer: Answer, *, turn: int, message: int, history: list[dict], filters: dict) -> AnsweredTurn:
    """The record of a finished `answer` (its citations reduced to article, link and quote)."""
    citations = [{"n": c.n, **c.ref.to_json(), "quote": c.quote} for c in answer.citations]
    return AnsweredTurn(turn=turn, message=message, question=answer.question,
                        standalone_question=answer.standalone_question, answer=answer.text,
                        short_answer=answer.short_answer, abstained=answer.abstained, citations=citations,
                        filters={key: filters.get(key) for key in ("since", "until", "sources")},
                        history=[dict(t) for t in history])
