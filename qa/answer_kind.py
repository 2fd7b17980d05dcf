"""What kind of answer a question asks for, and whether a sentence offers one.

"How many seats …?" wants a number, "When was the ballot due?" a date, "Who
…?" a person, "Where …?" or "Which company …?" a name. A sentence that is
close in meaning to the question but holds no candidate of that kind (no
number other than the question's own, no date, no name the question does not
already contain) rarely answers it. Evidence selection (qa/evidence.py) adds a
bonus to sentences that offer the wanted kind, so the few sentences the model
reads are the ones that can answer. This is the answer-type check of classic
question answering, done with patterns because no NER model installs offline.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from index.text import WORD, fold
from qa.dates import MONTHS, WEEKDAYS


class AnswerKind(Enum):
    """The kind of thing an answer names."""

    NUMBER = "number"
    DATE = "date"
    NAME = "name"  # a person, place or organisation: a capitalised name the question lacks


_NUMBER_WORDS = frozenset(("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                           "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
                           "eighty ninety hundred thousand million billion trillion dozen dozens hundreds "
                           "thousands millions half").split())

_ASKS = [
    # Asked for a name outright, the name is the answer whatever the rest asks about: "What is the name of
    # the head of the committee who estimated how long the campaign could last?" wants no duration.
    (AnswerKind.NAME, re.compile(r"\bwhat (is|was|were) (the|his|her|its|their) (\w+ )?names?\b", re.I)),
    (AnswerKind.DATE, re.compile(
        r"^\s*(when|since when)\b|\b(what|which) (date|day|year|month|time)\b|\bin what year\b"
        r"|\bhow long ago\b", re.I)),
    (AnswerKind.NUMBER, re.compile(
        r"\bhow (many|much|old|long|far|big|large|high|tall|often|fast|deep)\b|\bby how\b"
        r"|\bwhat (number|percentage|per ?cent|proportion|share|amount|age|price|sum|figure|total|rate|score"
        r"|death toll|toll)\b", re.I)),
    (AnswerKind.NAME, re.compile(
        r"^\s*(who|whom|whose|where)\b|\b(who|whom|whose|where)\b[^?]*\?\s*$|\bwhich\s+(?!of\b)[a-z]+"
        r"|\bwhat (company|country|city|town|organi[sz]ation|party|team|group"
        r"|agency|airline|firm|state|province|region|nation|club|newspaper|network|team)\b", re.I)),
]

_DIGITS = re.compile(r"\d")
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_DATE_WORDS = frozenset([*MONTHS, *WEEKDAYS, "yesterday", "today", "tomorrow", "tonight"])
# A capitalised word not at the start of its sentence, e.g. "Kent", "Coveney", "NCEI".
_CAPITALISED = re.compile(r"(?<=[\w,;:)\]’'\"] )[A-Z][\w’'-]*")


def expected_kind(question: str) -> AnswerKind | None:
    """The kind of answer `question` asks for; None when it asks for an explanation, a yes/no or a quote."""
    for kind, pattern in _ASKS:
        if pattern.search(question):
            return kind
    return None


@lru_cache(maxsize=64)
def _asked_words(question: str) -> frozenset[str]:
    # Evidence selection asks `offers` of every sentence with the same question: fold it once.
    return frozenset(fold(w) for w in WORD.findall(question))


def offers(kind: AnswerKind, sentence: str, question: str) -> bool:
    """True when `sentence` holds a candidate of `kind` that the question does not already name."""
    asked = _asked_words(question)
    words = [fold(w) for w in WORD.findall(sentence)]
    new = [w for w in words if w not in asked]
    if kind is AnswerKind.NUMBER:
        return any(_DIGITS.search(w) or w in _NUMBER_WORDS for w in new)
    if kind is AnswerKind.DATE:
        return any(w in _DATE_WORDS or _YEAR.fullmatch(w) for w in new)
    names = {fold(m) for m in _CAPITALISED.findall(sentence)} - asked - _DATE_WORDS
    return bool(names)


def phrase_offers(kind: AnswerKind, phrase: str, question: str) -> bool:
    """`offers` for a phrase standing alone (a short answer): its first word, capitalised, is a name too."""
    return offers(kind, f"and {phrase}", question)
