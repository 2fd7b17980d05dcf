"""The answering part of a short answer the model wrote as a clause around the question's words.

Kept from abstaining (qa/abstain.py, `model_may_abstain`), the 1.5B model sometimes restates the
question around its answer: "John Kerry met with Russian Foreign Minister Sergei Lavrov" for "Whom had
John Kerry just met when he announced …?". No passage holds that clause (the article says "…, Kerry
said after meeting Russian Foreign Minister Sergei Lavrov"), so the check flagged it and the restated
rule turned a right answer away. The answer is what is left once the question's own words are taken
off both ends: "Russian Foreign Minister Sergei Lavrov".

That rest stands as the short answer only when a sentence the model was shown holds it word for word,
and the passage of that sentence names every name the clause took from the question (a person by
surname): "NATO and its allies responded by holding talks with officials in Moscow" for "How did NATO
and its allies respond …?" leaves "holding talks with officials in Moscow", which a sentence may hold,
but of the Pentagon, in a passage that never names NATO.
"""

from __future__ import annotations

import re
from typing import Sequence

import lemminflect

from index.text import STOPWORDS, content_words, fold
from qa.asked_action import verb_lemmas
from qa.short_answer import occurs_in

# A restatement: at least this many words, of which at least this many of the question's content words
# (the 12 short answers on record with a core, 2026-12-05: "3 days", "31-33 seats" are no restatement).
MIN_WORDS = 4
MIN_RESTATED = 2
_WORD = re.compile(r"[\w'’.-]*\w")
_POSSESSIVE = re.compile(r"['’]s?$")


def _asked_stems(question: str) -> set[str]:
    return content_words(question) | content_words(" ".join(verb_lemmas(question)))


def _is_asked(word: str, asked: set[str]) -> bool:
    """True for a function word, or a word the question holds in some form ("met" for "met", "told"
    for "tell", "Russia's" for "Russia")."""
    bare = fold(_POSSESSIVE.sub("", word))
    if not bare or bare in STOPWORDS:
        return True
    stems = content_words(bare) | content_words(" ".join(verb_lemmas(bare)))
    return bool(stems) and bool(stems & asked)


def question_free_core(question: str, short: str) -> tuple[str, list[str]] | None:
    """(the short answer without the question's words at its two ends, the names taken off: the last
    word of each run of capitalised words, "Kerry" of "John Kerry"); None when the short answer restates
    nothing (fewer than `MIN_WORDS` words, or fewer than `MIN_RESTATED` of the question's content words
    taken off: "3 days" is a count and its unit), or when what is left is no answer on its own."""
    matches = list(_WORD.finditer(short))
    words, spans = [m[0] for m in matches], [m.span() for m in matches]
    if len(words) < MIN_WORDS:
        return None
    asked = _asked_stems(question)
    start, end = 0, len(words)
    while start < end and _is_asked(words[start], asked):
        start += 1
    while end > start and _is_asked(words[end - 1], asked):
        end -= 1
    taken = words[:start] + words[end:]
    if start == end or sum(fold(w) not in STOPWORDS for w in taken) < MIN_RESTATED:
        return None
    core = short[spans[start][0]:spans[end - 1][1]]
    if not _stands_alone(words[start:end]) or _cuts_a_name(words, start, end):
        return None
    return core, _surnames(words[:start]) + _surnames(words[end:])


def _cuts_a_name(words: list[str], start: int, end: int) -> bool:
    """True when the kept words [start, end) begin or end inside a run of capitalised words: "John" is left of
    "John Kerry spoke to his Russian counterpart" for "who did kerry speak to …?" (held-out s64-02), a first name
    of the very person the question names, no answer."""
    def name_word(i: int, proper: bool = False) -> bool:
        # taken off, a title ("Foreign Minister" before "Sergei Lavrov") is no part of the name: a proper name only
        return 0 <= i < len(words) and words[i][:1].isupper() and fold(words[i]) not in STOPWORDS \
            and not (proper and lemminflect.getAllLemmas(fold(words[i]).lower()))
    return (name_word(end - 1) and name_word(end, True)) or (name_word(start) and name_word(start - 1, True))


def _stands_alone(words: list[str]) -> bool:
    # A name, a number or two words of meaning: "ideas" left of "Kerry and Lavrov developed ideas to push
    # forward the political process" names only the kind of thing asked for ("What specific proposals …?").
    content = [w for w in words if fold(w) not in STOPWORDS]
    return any(w[:1].isupper() or any(c.isdigit() for c in w) for w in content) or len(content) >= 2


def _surnames(words: list[str]) -> list[str]:
    runs: list[list[str]] = [[]]
    for word in words:
        if word[:1].isupper() and fold(word) not in STOPWORDS:
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    return [run[-1] for run in runs if run]


def answering_residue(question: str, short: str, shown: Sequence[tuple[str, str]]) -> str | None:
    """The part of a restated short answer that answers `question` (see the module docstring), or None.

    `shown` holds (sentence, its passage's text) for every sentence the model was shown.
    """
    found = question_free_core(question, short)
    if found is None:
        return None
    core, names = found
    # the clause the model tacked on after a comma is no part of the answer: "… on its Foreign Ministry's website,
    # using an Arabic acronym for the jihadist organization" (s19-08 with stemmed keyword search) answers "where"
    # with the website; that clause comes from another sentence, so no shown sentence holds the whole rest
    first, _, rest = (part.strip() for part in core.partition(","))
    tacked = rest[:1].islower() and len(rest.split()) >= 3 and rest.split()[0] not in ("and", "or")  # no list's items
    candidates = [core] + ([first] if tacked and _stands_alone(first.split()) else [])
    for candidate in candidates:
        for sentence, passage in shown:
            if occurs_in(candidate, sentence) and all(_named_in(name, passage) for name in names):
                return candidate
    return None


def _named_in(name: str, text: str) -> bool:
    return bool(content_words(_POSSESSIVE.sub("", name)) <= content_words(text))
