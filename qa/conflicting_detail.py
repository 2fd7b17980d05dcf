"""A yes/no question whose one detail the answering sentence gives otherwise: "No".

"Did Russia say it bombed Raqqa on the first day of its air campaign?" (blind s29-15, gold No) over
"Russia, however, said it had bombed the ISIL stronghold of Raqqa for the first time on the third day of
its campaign" got "Yes": the sentence holds who did what, but on another day. Questions written to be
answered "No" often change one detail of a sentence like this: the day, the date, the weekday.

`contradicts_detail` is true when the question names exactly one such detail (an ordinal day, "the
first day"; a month and day, "Oct. 2"; a weekday), the sentence names one or more of the same kind and
not the question's, and the sentence holds the rest of what the question asks: every name of it and at
least `MIN_SHARE` of its other content words. A sentence that names no detail of that kind says nothing
against the question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from index.text import content_words
from qa.attribution_clause import without_attribution

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
# "the opening day" is the first ("According to Moscow, was Raqqa struck on the opening day …?": blind s36-14)
_ORDINAL_DAY = re.compile(rf"\b(?P<n>{'|'.join(_ORDINALS)}|opening|\d+(?:st|nd|rd|th))\s+day\b", re.IGNORECASE)
_MONTH_DAY = re.compile(r"\b(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>\d{1,2})\b")
_WEEKDAY = re.compile(r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’\-]+")
# Share of the question's content words (the detail's own left out) the sentence must hold: s29-15's answering
# sentence holds 5 of its 6 (russia, say, bomb, raqqa, campaign; not air).
MIN_SHARE = 0.6


def _ordinal_days(text: str) -> set[str]:
    return {m.group("n").lower().replace("opening", "first") for m in _ORDINAL_DAY.finditer(text)}


def _month_days(text: str) -> set[str]:
    return {f"{m.group('month').lower()[:3]} {int(m.group('day'))}" for m in _MONTH_DAY.finditer(text)}


def _weekdays(text: str) -> set[str]:
    return {m.group("day").lower() for m in _WEEKDAY.finditer(text)}


@dataclass(frozen=True)
class _Detail:
    """One kind of detail a question can change: where it is written (`pattern`), the values it takes
    (`values`), and when the sentence's values say otherwise than the question's one (`differs`)."""

    pattern: re.Pattern[str]
    values: Callable[[str], set[str]]
    differs: Callable[[set[str], set[str], str], bool]


def _not_among(asked: set[str], given: set[str], sentence: str) -> bool:
    return bool(given) and not asked <= given


_DETAILS = (_Detail(_ORDINAL_DAY, _ordinal_days, _not_among), _Detail(_MONTH_DAY, _month_days, _not_among),
            _Detail(_WEEKDAY, _weekdays, _not_among))


def contradicts_detail(sentence: str, question: str) -> bool:
    """True when `sentence` says what the yes/no `question` asks with another day, date or weekday than the
    question's one (see the module docstring). An "According to …," clause is whose account the question
    wants, not what it asks: its names need not be in the sentence ("According to Moscow, …" over "Russia
    said …")."""
    question = without_attribution(question)
    for detail in _DETAILS:
        asked = detail.values(question)
        if len(asked) != 1 or not detail.differs(asked, detail.values(sentence), sentence):
            continue
        rest = detail.pattern.sub(" ", question)
        wanted = content_words(rest)
        names = content_words(" ".join(_CAPITALISED.findall(rest.split(maxsplit=1)[-1] if " " in rest else "")))
        held = content_words(sentence)
        if wanted and names <= held and len(wanted & held) >= MIN_SHARE * len(wanted):
            return True
    return False
