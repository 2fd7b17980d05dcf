"""Who said what: the attributed statements of a speaker, or about a topic, each cited.

The statements were found at ingest (index/attribution.py, stored by
index/statements.py). A query names a speaker when some stored speaker matches
every word of it with titles, accents and case ignored ("Davutoglu", "Prime
Minister Davutoğlu" and "Ahmet Davutoğlu" all find "Turkish Prime Minister
Ahmet Davutoğlu"); otherwise it is a topic, and the statements whose text holds
its words are listed, each with its speaker. No model, no retrieval: a pure
function over the stored statements returning dataclasses, which the CLI
(`newsdesk quotes`) and the app call alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from index.article import ArticleRef
from index.attribution import matches_speaker
from index.statements import StoredStatement
from index.store import ArchiveStore
from index.text import content_words

SPEAKER, TOPIC = "speaker", "topic"


@dataclass(frozen=True)
class QuotedStatement:
    """One statement as `quotes` lists it: the speaker's name, what was said and where."""

    speaker: str  # the name the speaker phrase resolves to ("Ahmet Davutoğlu")
    speaker_as_written: str  # the phrase in the article ("Davutoğlu", "he", "Turkish Prime Minister …")
    text: str
    kind: str  # "quote" or "reported"
    ref: ArticleRef
    quote_start: int  # offsets of `text` in the article body
    quote_end: int

    def to_json(self) -> dict:
        """The statement as in `quotes --json`."""
        return {"speaker": self.speaker, "speaker_as_written": self.speaker_as_written, "text": self.text,
                "kind": self.kind, "article_id": self.ref.article_id, "title": self.ref.title,
                "source": self.ref.source, "published": self.ref.published, "url": self.ref.url,
                "quote_start": self.quote_start, "quote_end": self.quote_end}


@dataclass(frozen=True)
class Quotes:
    """The answer to `quotes QUERY`: whether it was read as a speaker or a topic, and the statements, oldest first."""

    query: str
    mode: str
    statements: tuple[QuotedStatement, ...]

    def to_json(self) -> dict:
        """`{"query", "mode", "statements"}` as `quotes --json` prints it."""
        return {"query": self.query, "mode": self.mode, "statements": [s.to_json() for s in self.statements]}


def _quoted(stored: StoredStatement) -> QuotedStatement:
    s = stored.statement
    return QuotedStatement(s.name, s.speaker, s.text, s.kind, stored.ref, s.start, s.end)


def _in_range(ref: ArticleRef, since: str | None, until: str | None, sources: Sequence[str]) -> bool:
    day = (ref.published or "")[:10]
    if (since or until) and not day:
        return False
    if (since and day < since) or (until and day > until):
        return False
    return not sources or (ref.source or "").casefold() in {s.casefold() for s in sources}


def select_quotes(statements: Sequence[StoredStatement], query: str, *, since: str | None = None,
                  until: str | None = None, sources: Sequence[str] = ()) -> Quotes:
    """The statements of the speaker `query` names, or else those about the topic `query`."""
    pool = [s for s in statements if _in_range(s.ref, since, until, sources)]
    by_speaker = [s for s in pool if matches_speaker(query, s.statement.name) or matches_speaker(query, s.statement.speaker)]
    if by_speaker:
        return Quotes(query, SPEAKER, tuple(_quoted(s) for s in by_speaker))
    words = content_words(query)
    if not words:
        return Quotes(query, TOPIC, ())
    # A topic's statements (with their speaker phrase: "according to the inspection report") hold all
    # its words; with none such, those holding most of them (at least half).
    scored = [(len(words & content_words(f"{s.statement.speaker} {s.statement.text}")), s) for s in pool]
    best = max((n for n, _ in scored), default=0)
    needed = len(words) if best == len(words) else max(best, (len(words) + 1) // 2)
    chosen = [s for n, s in scored if n >= needed and n > 0]
    return Quotes(query, TOPIC, tuple(_quoted(s) for s in chosen))


def find_quotes(store: ArchiveStore, query: str, *, since: str | None = None, until: str | None = None,
                sources: Sequence[str] = ()) -> Quotes:
    """`select_quotes` over every statement the store holds (oldest article first)."""
    return select_quotes(store.statements(), query, since=since, until=until, sources=sources)
