"""Which day of a campaign or a series something happened on: the ordinal day a shown sentence gives.

"my teacher said russia kept bombing syria on october 2, so which day of there air strikes was that?"
(held-out s65-01) was answered "October 2", the question's own date, flagged as an echo; the sentence shown
first says "Russia continued air strikes for a third day on Oct. 2". A question asking "which day of …"
asks for the ordinal ("third day", "day three", "3rd day"), read off the shown sentence that holds one and
holds the question's date (a month and day, in any case and abbreviation) or, when the question names none,
at least `MIN_SHARE` of its other words.
"""

from __future__ import annotations

import re
from typing import Sequence

from qa.abstain import relation_words, words_found
from qa.conflicting_detail import ORDINAL_DAY, ORDINALS  # "the third day", "day 3": the yes/no checks' own reading

_ASKS = re.compile(r"\b(?:which|what)\s+day\s+(?:of|in|into)\b", re.IGNORECASE)
# An answer that already counts days: "3rd", "the third", "day 3", "3".
_COUNTS = re.compile(rf"\b(?:{'|'.join(ORDINALS)}|\d+(?:st|nd|rd|th)|day\s+\w+)\b|^\W*\d+\W*$", re.IGNORECASE)
_MONTH_DAY = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b",
                        re.IGNORECASE)
# Share of the question's words other than names a sentence holds when the question gives no date: the Raqqa
# sentence ("… for the first time on the third day of its campaign") holds bomb, first, time and campaign of
# "Which day of its campaign did Russia first bomb Raqqa?".
MIN_SHARE = 0.5


def asks_which_day(question: str) -> bool:
    """True when `question` asks which day of something ("which day of the campaign …")."""
    return bool(_ASKS.search(question))


def counts_days(short: str) -> bool:
    """True when `short` already gives an ordinal or a number of a day."""
    return bool(_COUNTS.search(short))


def ordinal_day(question: str, sentences: Sequence[str]) -> tuple[int, str] | None:
    """(index into `sentences`, the ordinal day as written: "third day") answering "which day of …" (see the
    module docstring); None when the question asks no such thing or no sentence gives the day."""
    if not asks_which_day(question):
        return None
    dates = _month_days(question)
    wanted = relation_words(_MONTH_DAY.sub(" ", question)) - {"day"}
    best: tuple[int, int, str] | None = None
    for i, sentence in enumerate(sentences):
        day = ORDINAL_DAY.search(sentence)
        if not day:
            continue
        if dates:
            if dates & _month_days(sentence):
                return i, day.group(0)
            continue
        found = len(words_found(wanted, sentence))
        if wanted and found >= MIN_SHARE * len(wanted) and (best is None or found > best[0]):
            best = (found, i, day.group(0))
    return (best[1], best[2]) if best else None


def _month_days(text: str) -> set[tuple[str, int]]:
    return {(m.group(1).lower()[:3], int(m.group(2))) for m in _MONTH_DAY.finditer(text)}
