"""How many things a sentence lists: "France, Germany, Qatar, Saudi Arabia, Turkey, the United Kingdom and
the United States of America" is seven.

News often enumerates what a question counts: "How many governments signed the joint statement?" is
answered by the statement's list of seven, never by the word "seven". The model counts it ("7"), and the
short-answer check (qa/short_answer.py) must then see the count in the list, not look for a "7" (held-out
s7-06 was withheld as "not in the cited passages"). A list is read from its commas: short items between
them (a name, or "the" and a name), the item before the first comma (its last words), and a last
"X and Y" (two items) or ", and Y" (one). Lists of three or more only; "A and B" says two of anything.
"""

from __future__ import annotations

import re

MIN_ITEMS = 3
MAX_ITEM_WORDS = 4
_PRONOUNS = frozenset("we i you he she they it this that these those".split())
# A middle item: a name ("Germany", "Saudi Arabia") or a determiner and a name ("the United Kingdom").
_ITEM = re.compile(r"^(?:(?:the|a|an)\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*$")
# The last segment: "the United Kingdom and the United States …" (two items) or "and Idlib …" (one).
_LAST_PAIR = re.compile(r"^((?:(?:the|a|an)\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*)\s+and\s+\S")
_LAST_ONE = re.compile(r"^and\s+\S")


def list_sizes(sentence: str) -> set[int]:
    """The number of items of every list of three or more things in `sentence`."""
    segments = [s.strip(" “”\"‘’'()") for s in re.split(r",\s+", sentence)]
    sizes: set[int] = set()
    start = 1
    while start < len(segments):
        middle = start
        while middle < len(segments) and _is_item(segments[middle]) and not _LAST_PAIR.match(segments[middle]):
            middle += 1
        last = segments[middle] if middle < len(segments) else ""
        first_ok = segments[start - 1] and segments[start - 1].split()[-1].lower() not in _PRONOUNS
        items = 1 + (middle - start)
        if first_ok and _LAST_PAIR.match(last):
            items += 2
        elif first_ok and _LAST_ONE.match(last):
            items += 1
        else:
            items = 0
        if items >= MIN_ITEMS:
            sizes.add(items)
        start = middle + 1
    return sizes


def _is_item(segment: str) -> bool:
    return bool(segment) and len(segment.split()) <= MAX_ITEM_WORDS and bool(_ITEM.match(segment)) \
        and segment.split()[0].lower() not in _PRONOUNS


# Words between the asked noun and the list's first comma: "governments of France," is 2.
REACH = 6


def list_after(noun: str, sentence: str) -> int | None:
    """The size of the one list of three or more that follows `noun` in `sentence` within `REACH` words."""
    sizes: set[int] = set()
    for m in re.finditer(rf"\b{re.escape(noun)}\b", sentence, re.IGNORECASE):
        clause = re.split(r"[:;]", sentence[m.start():], maxsplit=1)[0]
        if "," not in clause or len(clause[:clause.index(",")].split()) > REACH + 1:
            continue
        sizes |= {n for n in list_sizes(clause) if n >= 3}
    return next(iter(sizes)) if len(sizes) == 1 else None
