"""The short answer: the few words that answer the question, on the reply's first line.

The model is asked to open its reply with `Short answer: …` (a name, number,
date, place or Yes/No) and then write the cited sentences. `ShortLineSplitter`
takes that line off the stream before the sentences are shown, and
`short_answer_supported` checks it against what the answer cites (quotes,
then the cited passages): it must occur in one, or its numbers and names must.
"""

from __future__ import annotations

import re
from typing import Sequence

from index.text import STOPWORDS, fold
from qa.citations import strip_markers

LABEL = "Short answer:"
# The label as the model writes it: any case, optionally in bold or with a dash instead of the colon.
_LABEL = re.compile(r"^\W*short\s+answer\s*\**\s*[:\-–]\s*\**\s*", re.I)
# A first line longer than this is not a short answer but the model ignoring the format
# (measured: labelled lines on the demo set are 1-9 words; see README).
MAX_WORDS = 15
# Held text without a line break beyond this many characters is released as ordinary text.
MAX_HELD = 240
_YES_NO = {"yes", "no"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORDS = re.compile(r"\w+")


def parse_short_line(line: str) -> str | None:
    """The short answer in a labelled first line (markers and closing punctuation removed), else None."""
    match = _LABEL.match(line)
    if not match:
        return None
    short = strip_markers(line[match.end():]).strip().strip("*").strip().rstrip(".;,").strip()
    if not short or len(short.split()) > MAX_WORDS:
        return None
    return short


def split_reply(raw: str) -> tuple[str | None, str]:
    """(short answer or None, the rest of the reply) of a whole reply."""
    first, _, rest = raw.lstrip().partition("\n")
    short = parse_short_line(first)
    if short is None:
        match = _LABEL.match(first)
        return None, (first[match.end():] + "\n" + rest).strip() if match else raw.strip()
    return short, rest.strip()


class ShortLineSplitter:
    """Holds the stream until its first line is complete, then separates the short answer.

    `feed` returns (short answer once known, text to show); the text never
    contains the short-answer line. A reply that does not open with the label
    is passed through unchanged as soon as that is clear.
    """

    def __init__(self) -> None:
        self.held = ""
        self.done = False
        self.short: str | None = None

    def feed(self, piece: str) -> tuple[str | None, str]:
        if self.done:
            return None, piece
        self.held += piece
        text = self.held.lstrip()
        if not text:
            return None, ""
        probe = text[:len("short answer")].casefold()
        if not ("short answer".startswith(probe) or text.casefold().startswith("short answer")
                or text.startswith("*")):
            return self._release(text)
        if "\n" in text or len(text) > MAX_HELD:
            return self._release(text)
        return None, ""

    def flush(self) -> tuple[str | None, str]:
        """Whatever is still held, at the end of the reply."""
        if self.done:
            return None, ""
        return self._release(self.held.lstrip())

    def _release(self, text: str) -> tuple[str | None, str]:
        self.done, self.held = True, ""
        first, newline, rest = text.partition("\n")
        match = _LABEL.match(first)
        if not match:
            return None, text
        self.short = parse_short_line(first)
        if self.short is None:  # labelled but not short: show the line without its label
            return None, first[match.end():] + newline + rest
        return self.short, rest.lstrip()


def short_answer_supported(short: str, quotes: Sequence[str]) -> bool:
    """True when the short answer occurs in one of the quotes, or all its numbers and words do.

    Yes/No is judged by the verifier through the sentence that follows, so it passes here.
    """
    words = _WORDS.findall(fold(short))
    if not words or set(words) <= _YES_NO:
        return True
    needle = " ".join(words)
    for quote in quotes:
        pool = _WORDS.findall(fold(quote))
        if f" {needle} " in f" {' '.join(pool)} ":
            return True
        numbers = {n.replace(",", "") for n in _NUMBER.findall(short)}
        content = {w for w in words if w not in STOPWORDS}
        if numbers <= {n.replace(",", "") for n in _NUMBER.findall(quote)} and content <= set(pool):
            return True
    return False
