"""What answering hands back: the checked `Answer`, and the events `answer_stream` yields on the way.

The CLI, the Gradio app and the evaluator read these records and nothing else of `NewsQA`: the
sources as soon as they are found, the short answer as soon as the model has written it, the text
as it is generated, then the verified answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qa.abstention_text import ClosestArticle
from qa.citations import AnswerSentence, Citation
from qa.retrieval import Passage


@dataclass
class Answer:
    """A checked answer with its numbered citations."""

    question: str
    standalone_question: str
    text: str
    abstained: bool
    unsupported_sentences: int
    citations: list[Citation]
    sentences: list[AnswerSentence]
    closest: list[ClosestArticle]
    filters: dict
    timings_ms: dict
    passages: list[Passage] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    short_answer: str | None = None  # the few words that answer; None when abstaining or quoting
    short_answer_supported: bool | None = None  # False: a concern below (not in the quotes, an echo, …)
    quoted: bool = False  # the text is the best evidence sentence quoted, because the model gave no answer
    signals: dict = field(default_factory=dict)  # what the abstention decision saw (Signals.to_json + decision)
    short_answer_concern: str | None = None  # why the short answer may not answer (qa/short_answer_check.py)
    abstain_reason: str | None = None  # an abstention's reason when the passages were found but do not settle it

    def to_json(self) -> dict:
        """The `newsdesk ask --json` object."""
        return {
            "question": self.question, "standalone_question": self.standalone_question,
            "short_answer": self.short_answer, "short_answer_supported": self.short_answer_supported,
            "short_answer_concern": self.short_answer_concern, "answer": self.text, "quoted": self.quoted,
            "abstained": self.abstained, "unsupported_sentences": self.unsupported_sentences,
            "citations": [c.to_json() for c in self.citations],
            "filters": self.filters, "timings_ms": self.timings_ms,
            "closest": [a.to_json() for a in self.closest], "abstention_signals": self.signals,
            "abstain_reason": self.abstain_reason,
        }


@dataclass
class SourcesFound:
    """Retrieval finished: the passages found, best first."""

    passages: list[Passage]
    standalone_question: str
    filters: dict


@dataclass
class ShortAnswer:
    """The short answer, as soon as the model has written it (before the sentences)."""

    text: str


@dataclass
class TextDelta:
    """A piece of the answer text as it is generated."""

    text: str


@dataclass
class Done:
    """The final, verified answer."""

    answer: Answer
