"""Where …? answered with the place the answering sentence puts the question's own thing in.

"Where did Lavrov give the news conference in which he said Russian troops were targeting ISIL …?"
(blind s24-02 and s26-11, two sets written apart) over "He told a news conference at the United Nations
that Russian troops were targeting ISIL …" got "New York" twice, unflagged: the model took the city of
another sentence ("… the U.N. General Assembly in New York"). The sentence says where: right after a
word of the question ("conference"), "at the United Nations".

`place_after` reads that place off a sentence: a word the question holds (not a name), then at / in /
on / aboard, then a capitalised name ("the United Nations") or a possessive and one or two words ("his
plane"). Only a sentence holding most of the question's words is read, and only a place the question
does not already name. A capitalised word joined to a participle ("the U.S.-led coalition",
"Kurdish-held") modifies the noun after it and is no place: blind s27-12, "Where did Turkey publish the
joint statement with its coalition partners?", got "the U.S.-led" off "Turkey and its partners in the
U.S.-led coalition", in place of the model's answer.
"""

from __future__ import annotations

import re
from typing import Sequence

from index.text import CAPITALISED_RUN, content_words, joined_to_participle
from qa.dates import MONTHS, WEEKDAYS

_WHERE = re.compile(r"^\W*where\b", re.IGNORECASE)
_PLACE = re.compile(rf"\s+(?:at|in|on|aboard|inside)\s+(?P<place>(?:the\s+)?{CAPITALISED_RUN}"
                    r"|(?:his|her|its|their)\s+[a-z][\w\-]*(?:\s+(?!as\b|when\b|while\b|that\b|and\b|to\b)[a-z][\w\-]*)?)")
# A sentence read holds this share of the question's content words ("Speaking to Turkish reporters on his
# plane …" holds 3 of the 8 of "Where was Turkey's prime minister when he spoke to Turkish reporters about
# the Russian strikes?").
SENTENCE_SHARE = 0.35


def asks_where(question: str) -> bool:
    """True for a "Where …?" question."""
    return bool(_WHERE.match(question))


def place_after(question: str, sentences: Sequence[str]) -> tuple[int, str] | None:
    """(index, place) of the place one of the `sentences` names right after a word of the "Where …?"
    `question`; the word the question states first wins ("spoke to Turkish reporters about the Russian
    strikes": "reporters on his plane", not "strikes in Syria"). None when no sentence names one."""
    if not asks_where(question):
        return None
    asked = content_words(question)
    order: dict[str, int] = {}
    for i, token in enumerate(question.split()):
        for stem in content_words(token):
            order.setdefault(stem, i)
    found: list[tuple[int, int, str]] = []
    for n, sentence in enumerate(sentences):
        if not asked or len(asked & content_words(sentence)) < SENTENCE_SHARE * len(asked):
            continue
        for word in re.finditer(r"[a-z][\w\-]*", sentence):  # lower-case words only: a name is who, not what
            stems = content_words(word.group(0)) & asked
            after = _PLACE.match(sentence, word.end()) if stems else None
            if after:
                place = after.group("place").rstrip(".,;:")
                if not content_words(place) <= asked and not _is_time(place) and not joined_to_participle(place):
                    found.append((min(order.get(w, len(order)) for w in stems), n, place))
    return min(found)[1:] if found else None


def _is_time(place: str) -> bool:
    """True for a day or month read as a place ("on Friday", "in March")."""
    return place.split()[-1].lower().rstrip(".") in {*MONTHS, *WEEKDAYS}
