"""A "Why …?" answered by the purpose or cause a shown sentence gives right after the question's own words.

Blind s56-01, "According to Davutoğlu, why was Russia targeting moderate Syrian rebels?", got the short answer
"moderate Syrian rebels" — the question's words given back — and was withheld as an echo, while the sentence
shown first says "Davutoğlu accused Russia … of targeting moderate Syrian rebels in its air strikes in Syria to
prop up the government of President Bashar al-Assad". News writes the why of an act as a clause after it: "to
<verb> …", "in order to …", "because …", "due to …". `why_clause` finds the shown sentence holding most of the
question's words and the first such clause within `REACH` words after the last of them, to its clause's end.
"""

from __future__ import annotations

import re
from typing import Sequence

import lemminflect

from index.text import content_words
from qa.attribution_clause import without_attribution

_WHY = re.compile(r"^\W*why\b", re.IGNORECASE)
_WORD = re.compile(r"[\w'’.-]+")
_CUES = ("in order to", "so as to", "so that", "because of", "because", "due to", "owing to", "as a result of")
# A clause ends at a comma (not inside a figure), a semicolon, a colon, a dash or the sentence's end.
_CLAUSE_END = re.compile(r",(?!\d)|[;:]|\s[—–-]\s|\.(?:\s|$)|$")
REACH = 8  # words after the question's last word within which the clause must open ("… rebels in its air strikes in Syria to prop up")
MIN_SHARE = 0.6  # of the question's words the sentence must hold: it is about the act asked
MAX_WORDS = 15  # a longer clause is cut here: a short answer, not a paragraph


def asks_why(question: str) -> bool:
    """True when `question` (its source clause left out) opens with "Why"."""
    return bool(_WHY.match(without_attribution(question)))


def why_clause(question: str, sentences: Sequence[str]) -> tuple[int, str] | None:
    """(index into `sentences`, the clause) giving why the act `question` asks about happened, or None."""
    if not asks_why(question):
        return None
    wanted = content_words(_WHY.sub(" ", without_attribution(question)))
    if not wanted:
        return None
    best = max(range(len(sentences)), key=lambda i: len(wanted & content_words(sentences[i])), default=None)
    if best is None or len(wanted & content_words(sentences[best])) < MIN_SHARE * len(wanted):
        return None
    clause = _clause_after_question(sentences[best], wanted)
    return (best, clause) if clause else None


def _clause_after_question(sentence: str, wanted: set[str]) -> str | None:
    words = list(_WORD.finditer(sentence))
    last = max((i for i, w in enumerate(words) if content_words(w.group(0)) & wanted), default=None)
    if last is None:
        return None
    for i in range(last + 1, min(len(words), last + 1 + REACH)):
        start = words[i].start()
        rest = sentence[start:].lower()
        opens = next((cue for cue in _CUES if rest.startswith(cue + " ")), None)
        if opens is None and words[i].group(0).lower() == "to" and i + 1 < len(words) \
                and "VERB" in lemminflect.getAllLemmas(words[i + 1].group(0).lower()):
            opens = "to"
        if opens:
            end = _CLAUSE_END.search(sentence, start + len(opens))
            clause = sentence[start:end.start() if end else len(sentence)].strip()
            return " ".join(clause.split()[:MAX_WORDS]) or None
    return None
