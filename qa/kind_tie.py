"""Which airbase …? A short answer the reply calls by the kind the question asks for must be called so somewhere.

"From which airbase in Syria were the Russian warplanes flying their missions?" (blind s58-19, unanswerable:
the sample article names no base) came back as "Al-Bab airbase in Syria was the location of the Russian
warplanes flying their missions [1]", unflagged. The DW story it cites has "IS positions in the area of Al-Bab"
and never writes "airbase": the model took a place of the passage and gave it the question's kind.

`kind_untied` reads the kind a "Which/What <noun> …" question asks for ("airbase"; "peak" of "Near which peak
…?"), and is true when the reply writes that noun right beside the short answer ("Al-Bab airbase", "the airbase
of Al-Bab", three words between at most) while no article the reply cites writes the noun anywhere (as one word or
two: "air base"). demo-018's "the Jochgrubenkopf peak" is tied: its article calls the Jochgrubenkopf "a roughly
2,450 metre-high peak". Over every answer on record (the demo set, blind sets s55-s58, 2026-12-07) the reply
writes the asked noun beside its short answer, with no cited quote holding it, in these two alone.
"""

from __future__ import annotations

import re
from typing import Iterable

from index.text import WORD, content_words, fold

KIND_UNTIED = "the passages never call it what the question asks for"

_AUXILIARY = r"(?:did|does|do|was|were|is|are|has|have|had|will|would|could|can|should)"
# "which airbase in Syria were …", "Near which peak were …", "What city did …": the noun before the verb or a place.
_ASKED = re.compile(rf"\b(?i:which|what)\s+(?P<noun>[a-z][a-z-]+)\s+(?:(?:in|of|on|at)\s+[A-Z][\w'’-]*\s+)?{_AUXILIARY}\b")


# Words between the short answer and the asked noun in the reply ("the airbase in Syria of al-Bab" has three).
_BETWEEN = 3


def asked_kind(question: str) -> str | None:
    """The noun a "Which/What <noun> …" question asks for ("airbase"), or None."""
    m = _ASKED.search(question)
    return m.group("noun").lower() if m else None


def _written(noun: str, bodies: Iterable[str]) -> bool:
    """True when a body writes `noun` as a word, or as two words joined ("air base" for "airbase")."""
    wanted = content_words(noun.replace("-", ""))
    for body in bodies:
        words = [fold(w) for w in WORD.findall(body)]
        joined = {"".join(pair) for pair in zip(words, words[1:])}  # "air base", "air-base" → "airbase"
        if wanted <= content_words(" ".join(words)) or wanted <= content_words(" ".join(joined)):
            return True
    return False


def kind_untied(question: str, short: str, reply: str, bodies: Iterable[str]) -> bool:
    """True when `reply` calls `short` by the noun `question` asks for and no cited body writes that noun."""
    noun = asked_kind(question)
    if not noun or not short:
        return False
    name, kind = re.escape(short), re.escape(noun.rstrip("s"))
    # "the airbase in Syria of al-Bab" (held-out s63-19, unflagged): a place phrase may come between
    beside = re.compile(rf"{name}\s+(?:[\w'’-]+\s+){{0,{_BETWEEN}}}{kind}\w*\b"
                        rf"|\b{kind}\w*\s+(?:[\w'’-]+\s+){{0,{_BETWEEN}}}{name}", re.IGNORECASE)
    return bool(beside.search(reply)) and not _written(noun, bodies)
