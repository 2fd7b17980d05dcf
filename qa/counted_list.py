"""A question that counts what it asks for ("Which two justices …?") answered with the list a sentence gives.

The model lists names its own way, and not always the right ones. Asked "Which two Supreme Court justices
did Neil Gorsuch clerk for?", it wrote "Justice David B. Sentelle, Justice Byron White, Justice Anthony
Kennedy" over "He clerked for Judge David B. Sentelle … and then for Justices Byron White and Anthony
Kennedy" (demo-002: three names, one of them a judge, withheld as a sentence of its own); asked "Who were
seen as the two leading contenders to succeed Enda Kenny …?", it wrote "Simon Coveney and Martin Heydon"
over "the two leading contenders to replace Mr Kenny, Simon Coveney and Mr Varadkar" (demo-021: Heydon
comes from another sentence). In both, a shown sentence writes a closed list ("A and B", "A, B and C") of
exactly as many names as the question counts, and most of them are the model's.

`counted_list` returns that list as the sentence writes it when:
- the question counts ("which two", "the three", "what four", "which 3": 2 to 6) and the model's short answer lists at
  least two names;
- a shown sentence has a closed list of names of that many items, all the model's names (matched by their
  last word: "Justice Byron White" is the sentence's "Byron White", "Leo Varadkar" its "Mr Varadkar"), or all
  but one of them — and then the sentence must also say the count or the counted noun ("contenders"), so a
  list that only shares one name with the model's is never taken for the answer by chance.
A title heading the list that is the counted noun is left out ("Justices Byron White and Anthony Kennedy"
→ "Byron White and Anthony Kennedy").

A list of single lower-case words is taken when it has as many words as the question counts and each of the
model's words begins as one of them (`PREFIX` letters): asked "What three qualities did Lavrov say everyone
wants a future Syria to have?", the model wrote "democracy, unity, secular" over "We all want Syria to be
democratic, united and secular" (blind s31-11, flagged). The model's words as written are left to
`qa/list_span.py`.

When none of the model's items is in any shown list (blind s43-06: "Syria, Turkey, and the U.S" for "Which
three places did the … joint statement say the Russian Air Force had attacked?", over "the attacks by the
Russian Air Force on Hama, Homs and Idlib"; s43-20: "respect, cooperation, and stability" over "We all want
Syria to be democratic, united and secular"), the one list of as many items that a shown sentence writes right
after the question's own words is taken (`_list_after_asked_words`): at least `MIN_LEAD` of the question's
content words within `LEAD` words before it, and no other such list of another wording. A list of lower-case
words must have at least three ("trade and investment" is how news writes one thing).
"""

from __future__ import annotations

import re
from typing import Sequence

from index.text import WORD, content_words, fold
from qa.abstain import words_found
from qa.counted_question import COUNTS, NAME_LIST, WORD_ITEM, WORD_LIST, asked_count, asks_for_list
from qa.list_span import list_items
from qa.short_answer import short_answer_supported

# Letters a model's word shares with the sentence's to be the same word in another form: "unity" and
# "united" share four, "democracy" and "democratic" seven (blind s31-11); every word of the list must.
PREFIX = 4
# The words before a list read for the question's own words, and how many of them it must hold: s43-06's
# "the attacks by the Russian Air Force on" holds four (attack, russian, air, force), s43-20's "We all want
# Syria to be" two (want, syria).
LEAD = 8
MIN_LEAD = 2


def _last_word(item: str) -> str:
    return fold(item.split()[-1]).strip(".'’").lower() if item.split() else ""


def _counted_noun(counted: str) -> set[str]:
    """The counted noun's stem: the last word of the run of content words right after the count."""
    words = re.findall(r"[\w'’-]+", counted)
    run: list[str] = []
    for word in words:
        if not content_words(word) or (run and word.islower() and word.endswith("ed")):  # "newspapers carried"
            break
        run.append(word)
    return content_words(run[-1]) if run else set()


def _without_title(span: str, noun: set[str]) -> str:
    """`span` without a leading title that is the counted noun ("Justices Byron White and …" → "Byron White
    and …" for "which two justices"), and without the sentence's closing full stop."""
    first, _, rest = span.partition(" ")
    if rest and content_words(first) & noun and first[:1].isupper():
        span = rest
    return span[:-1] if span.endswith(".") and not re.search(r"\b[A-Z]\.$", span) else span


def _same_word(mine: str, theirs: str) -> bool:
    a, b = fold(mine).lower(), fold(theirs).lower()
    return a == b or (min(len(a), len(b)) >= PREFIX and a[:PREFIX] == b[:PREFIX])


def _word_list(size: int, mine: list[str], sentences: Sequence[str]) -> tuple[int, str] | None:
    """(index, span) of the first list of `size` single lower-case words in `sentences` each of which is one
    of the model's words in another form (`mine`, single words too); None when there is none."""
    if len(mine) != size or not all(re.fullmatch(WORD_ITEM, item) for item in mine):
        return None
    for index, sentence in enumerate(sentences):
        for match in WORD_LIST.finditer(sentence):
            items = list_items(match.group(0))
            if len(items) == size and all(any(_same_word(m, t) for t in items) for m in mine) \
                    and all(any(_same_word(m, t) for m in mine) for t in items):
                return index, match.group(0)
    return None


def counted_list(asked: str, short: str, sentences: Sequence[str]) -> tuple[int, str] | None:
    """(index into `sentences`, the list as that sentence writes it) answering a counting question whose
    model short answer lists other names or writes them otherwise; None when no sentence gives one."""
    count = asked_count(asked)
    mine = list_items(short)
    if count is None or len(mine) < 2:
        return None
    if not all(item[:1].isupper() for item in mine):
        found = _word_list(COUNTS[count[0]], [item.lower() for item in mine], sentences) \
            or _list_after_asked_words(asked, short, sentences)
        return found if found and found[1] != short else None
    count_word, counted = count
    size, noun = COUNTS[count_word], _counted_noun(counted)
    last_words = {_last_word(item) for item in mine}
    best: tuple[int, int, str] | None = None  # (matched names, sentence index, span)
    for index, sentence in enumerate(sentences):
        for match in NAME_LIST.finditer(sentence):
            items = list_items(match.group(0))
            if len(items) != size:
                continue
            matched = sum(_last_word(item) in last_words for item in items)
            said = re.search(rf"\b{count_word}\b", sentence, re.IGNORECASE) or noun & content_words(sentence)
            if matched == size or (matched == size - 1 and matched >= 1 and said):
                span = _without_title(match.group(0), noun)
                if best is None or matched > best[0]:
                    best = (matched, index, span)
    if best is None:
        found = _list_after_asked_words(asked, short, sentences)
        return found if found and found[1] != short else None
    if best[2] == short:
        return None
    return best[1], best[2]


def _list_after_asked_words(asked: str, short: str, sentences: Sequence[str]) -> tuple[int, str] | None:
    """(index, span) of the one list of as many items as `asked` counts that a sentence writes right after the
    question's own words, when the model's `short` list is in no sentence at all; else None."""
    count = asked_count(asked)
    if count is None or not asks_for_list(asked) or short_answer_supported(short, list(sentences)):
        return None
    size, noun = COUNTS[count[0]], _counted_noun(count[1])
    wanted = content_words(asked) - noun - content_words(count[0])
    found: list[tuple[int, str]] = []
    for index, sentence in enumerate(sentences):
        for pattern in (NAME_LIST, WORD_LIST) if size >= 3 else (NAME_LIST,):
            for match in pattern.finditer(sentence):
                if len(list_items(match.group(0))) != size:
                    continue
                lead = " ".join(WORD.findall(sentence[:match.start()])[-LEAD:])
                if len(words_found(wanted, lead)) >= MIN_LEAD:
                    found.append((index, _without_title(match.group(0), noun)))
    return found[0] if found and len({fold(span).lower() for _, span in found}) == 1 else None
