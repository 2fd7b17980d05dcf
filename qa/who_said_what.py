"""The "Who said what" answer form: a question about statements answered with the statements themselves.

"What did Keane say about the cracks?", "Who said the bridge was unsafe?", "Who
denied …?" (`qa.intent.speech_question`) are answered from the attributed
statements found at ingest (`qa.quotes.find_quotes`), grouped by speaker, each
quoted as written with its outlet, date and headline — no model, so nothing is
paraphrased. A named speaker must be one the archive quotes (else there is no
form, and the normal answer takes the question); with a topic too, only that
speaker's statements sharing a word with the topic are kept, the most on-topic
first. No statement
found → `sides` is empty and the caller falls back to the normal answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from index.name_forms import same_person
from index.store import ArchiveStore
from index.text import content_words
from qa.intent import SpeechQuestion, speech_question
from qa.quotes import SPEAKER, QuotedStatement, find_quotes

# Statements shown in one answer; beyond this the form says how many more (the CLI's `quotes` lists all).
MAX_STATEMENTS = 12


@dataclass(frozen=True)
class SpeakerStatements:
    """One side of the form: a speaker and what they said, oldest first (with a topic, most on-topic first)."""

    speaker: str
    statements: tuple[QuotedStatement, ...]


@dataclass(frozen=True)
class WhoSaidWhat:
    """The form for one question: what it asked about and each speaker's statements (numbered in order)."""

    question: str
    asked: SpeechQuestion
    sides: tuple[SpeakerStatements, ...]
    left_out: int = 0  # statements found beyond MAX_STATEMENTS

    @property
    def statements(self) -> list[QuotedStatement]:
        """Every statement shown, in the order they are numbered [1], [2], …"""
        return [s for side in self.sides for s in side.statements]

    def text(self) -> str:
        """The form as plain text with [n] markers (chat history, export, CLI)."""
        lines, n = ["Who said what:"], 0
        for side in self.sides:
            lines.append(f"{side.speaker}:")
            for s in side.statements:
                n += 1
                lines.append(f"  “{s.text}” [{n}] — {s.ref.source or 'Unknown outlet'}, "
                             f"{(s.ref.published or 'undated')[:10]}, {s.ref.title or 'Untitled'}")
        if self.left_out:
            lines.append(f"… and {self.left_out} more statement(s).")
        return "\n".join(lines)

    def to_json(self) -> dict:
        """`{"question", "speaker", "topic", "sides": [{"speaker", "statements": [...]}], "left_out"}`."""
        return {"question": self.question, "speaker": self.asked.speaker, "topic": self.asked.topic,
                "sides": [{"speaker": side.speaker, "statements": [s.to_json() for s in side.statements]}
                          for side in self.sides], "left_out": self.left_out}


def _by_speaker(statements: Sequence[QuotedStatement]) -> tuple[tuple[SpeakerStatements, ...], int]:
    """Statements grouped by speaker (speakers in order of their first statement, one name spelt two ways
    one speaker under its first spelling: `same_person`), at most MAX_STATEMENTS."""
    groups: dict[str, list[QuotedStatement]] = {}
    for s in statements[:MAX_STATEMENTS]:
        name = next((known for known in groups if same_person(known, s.speaker)), s.speaker)
        groups.setdefault(name, []).append(s)
    return tuple(SpeakerStatements(k, tuple(v)) for k, v in groups.items()), max(0, len(statements) - MAX_STATEMENTS)


def _about_topic(statements: Sequence[QuotedStatement], asked: SpeechQuestion) -> list[QuotedStatement]:
    """The statements sharing a word with the topic, those naming its head word first ("the outcome of
    Russia's air strikes": “The outcome is very worrisome” before a statement about the strikes), then by
    how many topic words they share; ties keep their order (oldest first)."""
    words = content_words(asked.topic or "")
    head = content_words(asked.topic_head or "")
    scored = [(bool(head & found), len(words & found), s) for s in statements
              if words & (found := content_words(s.text))]
    return [s for *_, s in sorted(scored, key=lambda t: (not t[0], -t[1]))]


def who_said_what(store: ArchiveStore, question: str, *, since: str | None = None, until: str | None = None,
                  sources: Sequence[str] = ()) -> WhoSaidWhat | None:
    """The form for `question`, None when it is not about statements; `sides` empty when none were found."""
    asked = speech_question(question)
    if asked is None:
        return None
    window = dict(since=since, until=until, sources=sources)
    if asked.speaker:
        found = find_quotes(store, asked.speaker, **window)
        chosen = list(found.statements) if found.mode == SPEAKER else []
        if asked.topic:
            chosen = _about_topic(chosen, asked)
    else:
        chosen = list(find_quotes(store, asked.topic or "", **window).statements)
    sides, left_out = _by_speaker(chosen)
    return WhoSaidWhat(question, asked, sides, left_out)
