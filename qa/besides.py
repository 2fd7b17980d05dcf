"""A "besides X, what else …?" answered with X itself: the rest of the list that gives X.

"In the joint statement Turkey signed, besides more extremism, what else did the governments say Russia's
military actions would fuel?" (blind s46-08) got "extremism", the thing the question sets aside, withheld as
repeating the question; the statement says "… will only fuel more extremism and radicalization", a sentence
not among the four shown. The answer is what the passage lists beside X.

Evidence selection ranks a sentence listing X with more as one offering the kind of answer asked
(`lists_beside`, qa/evidence.py): with it, s46-08's sentence was shown and the model answered "more extremism
and radicalization". `besides_answer` reads the excluded thing ("besides / apart from / aside from / other
than / in addition to X,"), and, when the model's short answer repeats it, finds a sentence of the given
passages writing X followed by ", Y" / " and Y" / " or Y" that shares at least `MIN_SHARED` of the question's
other words, and gives Y ("radicalization"; "Sharm el-Sheikh and Hurghada" after "Cairo, ").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from index.text import content_words, split_sentences

_BESIDES = re.compile(r"\b(?:besides|apart\s+from|aside\s+from|other\s+than|in\s+addition\s+to)\s+"
                      r"(?P<x>[^,?;]{2,60}?)\s*(?:,|\?|$)", re.IGNORECASE)
# Where the listed things end and the sentence goes on: "Sharm el-Sheikh and Hurghada in Egypt".
_ENDS = r"\s+(?:in|on|at|since|by|with|for|from|to|after|before|which|that|who|because|as)\b"
# Words of the question other than the excluded thing's that the listing sentence must share: s46-08's holds
# "military", "actions" and "fuel".
MIN_SHARED = 2


def excluded(question: str) -> str | None:
    """What "besides X, …" sets aside ("more extremism"), or None."""
    m = _BESIDES.search(question)
    return m.group("x").strip() if m else None


def without_excluded(question: str) -> str:
    """`question` without its "besides X," clause: X is what it sets aside, not a name it asks about ("Besides
    Western governments and Turkey, which two Gulf states …?" is answered by articles that never say "Western")."""
    return re.sub(r"\s+", " ", _BESIDES.sub(" ", question, count=1)).strip() if excluded(question) else question


@lru_cache(maxsize=64)
def _list_after(x: str) -> re.Pattern[str]:
    """X's last word followed by ", Y" / " and Y" / " or Y", Y the rest of the list (built once per X: evidence
    selection reads every candidate sentence with it)."""
    return re.compile(rf"\b{re.escape(x.split()[-1])}\b(?:,\s*|\s+(?:and|or)\s+)(?P<y>[^.;:!?,\"“”]+?)\s*"
                      rf"(?=[.;:!?\"“”]|,\s|$|{_ENDS})", re.IGNORECASE)


def _rest_of_list(x: str, sentence: str) -> str | None:
    """What `sentence` lists after X when it is more than X ("radicalization" after "more extremism"), else None."""
    m = _list_after(x).search(sentence)
    return m.group("y").strip() if m and not content_words(m.group("y")) <= content_words(x) else None


def lists_beside(question: str, sentence: str) -> bool:
    """True when `question` sets X aside ("besides X, …") and `sentence` lists X with something more: the
    sentence offers the answer (evidence selection ranks it as it ranks one offering the kind of answer asked)."""
    x = excluded(question)
    return bool(x and content_words(x) and _rest_of_list(x, sentence))


def besides_answer(question: str, short: str, passages: Sequence[tuple[int, str]]) -> tuple[int, str, str] | None:
    """(index, sentence, the rest of its list) answering "besides X, what else …?" where `short` repeats X
    (alone, or with the rest: "more extremism and radicalization"), or a part of it ("Homs" of "Hama and
    Homs"); `passages` are (index, text) of the passages given to the model, in order. None when the question
    sets nothing aside, the short answer is something else, or no sentence lists X with more."""
    x = excluded(question)
    wanted, said = (content_words(x) if x else set()), content_words(short or "")
    # The model's answer repeats X, or one of the things X lists ("Homs" for "Besides Hama and Homs", s57-01).
    if not wanted or not said or not (wanted <= said or said <= wanted):
        return None
    others = content_words(question.replace(x, " ")) - wanted
    for index, text in passages:
        for s, e in split_sentences(text):
            sentence = text[s:e]
            rest = _rest_of_list(x, sentence)
            if rest and len(others & content_words(sentence)) >= MIN_SHARED:
                return index, sentence, rest
    return None
