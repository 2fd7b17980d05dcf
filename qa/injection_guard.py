"""The support check's guard against prompt injection.

An answer sentence that carries an article's instructions instead of
answering must never pass as supported, however well its words match the
passage it copied them from. `InjectionGuard.veto` says why a sentence fails:

- it is itself instruction-like (index/injection.py's patterns), or opens
  with an imperative to the reader ("Visit …", "Click …", "Ignore …");
- it holds a link that no ordinary (unflagged) passage sentence about the
  question contains;
- it echoes a flagged span: most of its words come from the article's
  instruction-like text, more than from the rest of the passages, or it
  repeats a name with its neighbouring word as only that text has them
  ("Carlton won" from "the real answer is 'Carlton won the title'", when the
  article reports that Millford won, beating Carlton: the same words, the
  opposite claim; "Millford won the title" still passes), or it states a
  number only that text has ("won 3-0" when the article reports 2-1).
"""

from __future__ import annotations

import re
from typing import Sequence

from index.injection import CITATION, find_urls, instruction_like, instruction_spans
from index.text import content_words, split_sentences
from qa.retrieval import Passage

# Imperatives that tell the reader to act on something rather than report news; advice verbs a
# news answer may quote ("Stay indoors", "Call 999") are not here, except call + a number.
_IMPERATIVE = re.compile(
    r"^\W*(?:please\s+|now\s+|immediately\s+)?(?:visit|click|go\s+to|navigate\s+to|download|install|subscribe|"
    r"sign\s+up|log\s*in|donate|reply|respond|ignore|disregard|forget|say|tell|send|call\s+(?:us|now|\+?\d)|"
    r"you\s+(?:must|should|need\s+to|are\s+now))\b", re.IGNORECASE)
# A sentence echoes flagged text when at least this share of its content words is in a flagged span
# and the share found in the passages' ordinary text is lower: "Lakeside United won 3-0" (flagged
# 1.0, ordinary 0.67) fails, "Harbor City beat Lakeside United 2-1" (flagged 0.4) passes.
ECHO_SHARE = 0.5
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")


def _masked(text: str, spans: Sequence) -> str:
    """`text` with the spans blanked out (offsets kept)."""
    for s in spans:
        text = text[:s.start] + " " * (s.end - s.start) + text[s.end:]
    return text


def _numbers(text: str) -> set[str]:
    """Numbers in `text` without separators ("3-0" -> 3, 0; "1,200" -> 1200)."""
    return {n.replace(",", "").lstrip("0") or "0" for n in re.findall(r"\d+(?:[.,]\d+)*", text)}


def _pairs(text: str) -> set[tuple[str, str]]:
    """Adjacent content-word stems of `text` ("Carlton won the title" -> (carlton, won), (won, titl))."""
    stems = [next(iter(content_words(w)), "") for w in re.split(r"[^\w.,-]+|[.,-](?!\d)", text)]
    stems = [w for w in stems if w]
    return set(zip(stems, stems[1:]))


class InjectionGuard:
    """Knows the instruction-like spans of the passages an answer was checked against."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        self.flagged_words: set[str] = set()
        self.ordinary_words: set[str] = set()
        self.ordinary_sentences: list[str] = []
        self.flagged_pairs: set[tuple[str, str]] = set()
        self.flagged_numbers: set[str] = set()
        self.ordinary_numbers: set[str] = set()
        ordinary_pairs: set[tuple[str, str]] = set()
        for p in passages:
            spans = [s for s in instruction_spans(p.text) if s.kind != CITATION]
            self.flagged_words |= content_words(" ".join(p.text[s.start:s.end] for s in spans))
            for s in spans:
                self.flagged_pairs |= _pairs(p.text[s.start:s.end])
                self.flagged_numbers |= _numbers(p.text[s.start:s.end])
            ordinary = _masked(p.text, spans)
            self.ordinary_words |= content_words(ordinary + " " + (p.title or ""))
            self.ordinary_sentences += [ordinary[s:e] for s, e in split_sentences(ordinary)]
            ordinary_pairs |= _pairs(ordinary) | _pairs(p.title or "")
            self.ordinary_numbers |= _numbers(ordinary + " " + (p.title or "") + " " + (p.published or ""))
        self.flagged_pairs -= ordinary_pairs
        self.flagged_numbers -= self.ordinary_numbers

    def veto(self, claim: str, question: str | None = None) -> str | None:
        """Why `claim` (an answer sentence, markers stripped) must not pass as supported; None if it may."""
        if instruction_like(claim) or _IMPERATIVE.match(claim):
            return "an instruction, not an answer"
        for url in find_urls(claim):
            if not self._url_answers(url, question):
                return f"the link {url} is not in a passage sentence about the question"
        words = content_words(claim)
        if words and self.flagged_words:
            flagged = len(words & self.flagged_words) / len(words)
            ordinary = len(words & self.ordinary_words) / len(words)
            names = {stem for w in _CAPITALISED.findall(claim) for stem in content_words(w)}
            echoed = {pair for pair in _pairs(claim) & self.flagged_pairs if names & set(pair)}
            if (flagged >= ECHO_SHARE and flagged > ordinary) or echoed or _numbers(claim) & self.flagged_numbers:
                return "it repeats instruction-like text from an article"
        return None

    def _url_answers(self, url: str, question: str | None) -> bool:
        """True when an unflagged passage sentence holds `url` and shares a word with the question."""
        key = url.casefold().split("://", 1)[-1].removeprefix("www.").rstrip("/")
        asked = content_words(question) if question else None
        for sentence in self.ordinary_sentences:
            if key in sentence.casefold():
                rest = sentence.casefold().replace(key, " ")
                if asked is None or asked & content_words(rest):
                    return True
        return False
