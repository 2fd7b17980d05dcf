"""A "How many …?" whose count the model got wrong, read off the list that answers it.

"How many governments were listed as signatories of the joint statement on Russia's military actions?" (blind
s57-07) got "5", flagged only because the model was unsure of it, where the statement opens "We, the
governments of France, Germany, Qatar, Saudi Arabia, Turkey, the United Kingdom and the United States of
America state …": seven, a list the model's own sentence then copied whole. A 1.5B model miscounts a list of
seven; the list counts itself (qa/list_count.py).

`recounted` gives (index, the list's size) when the question asks "How many <noun> …", the short answer is a
number, and a shown sentence writes the asked noun followed, within a few words, by a list of three or more of
another size in the same clause (`qa.list_count.list_after`), that sentence holding at least `MIN_SHARED` more of
the question's words. Several sentences or sizes that disagree give None, as does a short answer
that is no number or is the list's size already.
"""

from __future__ import annotations

import re
from typing import Sequence

from index.text import content_words
from qa.abstain import words_found
from qa.counted_question import HOW_MANY
from qa.list_count import list_after

_WORD_VALUES = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_COUNT = re.compile(r"^\W*(\d{1,3}|" + "|".join(_WORD_VALUES) + r")\b", re.IGNORECASE)
# The question's words besides the counted noun the listing sentence must hold: s57-07's holds "military",
# "actions" and "Russia".
MIN_SHARED = 2


def _count(short: str) -> int | None:
    """The number a short answer opens with ("5", "five governments"), or None."""
    m = _COUNT.match(short.strip())
    if not m:
        return None
    word = m.group(1).lower()
    return int(word) if word.isdigit() else _WORD_VALUES[word]


def recounted(question: str, short: str | None, sentences: Sequence[str]) -> tuple[int, str] | None:
    """(index into `sentences`, the size of the list answering "How many <noun> …?") where `short` counts
    otherwise (see the module docstring), else None."""
    asked = HOW_MANY.search(question)
    said = _count(short) if short else None
    if asked is None or said is None:
        return None
    noun = asked.group("noun")
    others = content_words(question[asked.end():])
    found = {(i, size) for i, sentence in enumerate(sentences)
             if (size := list_after(noun, sentence)) is not None
             and len(words_found(others, sentence)) >= MIN_SHARED}
    sizes = {size for _, size in found}
    if len(sizes) != 1 or said in sizes:
        return None
    index = min(i for i, _ in found)
    return index, str(next(iter(sizes)))
