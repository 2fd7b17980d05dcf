"""A short answer spelt as its passage spells it.

The model respells what it copies: "DAESH" for the joint statement's "Da'esh" (blind held-out s19-09), and
the check that a short answer stands in its passage (qa/short_answer.py) then finds it nowhere; with the
model unsure of it, the right answer was withheld. When the short answer is in no shown sentence as
written but a run of a shown sentence's words is the same letters and digits — case, accents, apostrophes,
hyphens and dots aside ("Davutoglu" = "Davutoğlu", "al Nusra" = "al-Nusra", "US" = "U.S.") — that run, as
the passage writes it, is the short answer. Case and quotation marks alone change nothing.
"""

from __future__ import annotations

import re
from typing import Sequence

from index.text import fold

_WORD = re.compile(r"[\w'’.-]*\w")


def _key(text: str) -> str:
    """Letters, digits and other signs ("%", "$") of `text`, folded: spaces, quotes, apostrophes, hyphens and
    dots left out."""
    return re.sub(r"[\s'’‘`\"“”.\-_]+", "", fold(text))


def as_the_passage_spells_it(short: str, sentences: Sequence[str]) -> str | None:
    """The run of words of `sentences` spelling `short` another way, as the passage writes it; None when
    `short` stands in a sentence as written or no run spells it."""
    target = _key(short)
    bare = short.strip(" \"“”‘’'").lower()  # as written but for case and quotation marks: left alone
    as_written = re.compile(rf"(?<!\w){re.escape(bare)}(?!\w)", re.IGNORECASE)
    if not target or any(as_written.search(sentence) for sentence in sentences):
        return None
    for sentence in sentences:
        words = list(_WORD.finditer(sentence))
        for i, first in enumerate(words):
            key = ""
            for last in words[i:]:
                key += _key(last.group(0))
                if key == target:
                    end = last.end() + (sentence[last.end():last.end() + 1] == "." and "." in last.group(0))
                    run = sentence[first.start():end]
                    if run[:1].isupper() or not short[:1].isupper():  # "US" is not the "us" of "told us"
                        return run
                    break
                if not target.startswith(key):
                    break
    return None
