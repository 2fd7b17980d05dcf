"""A question's misspelt words, read as the passages found for it spell them.

People type fast: "what is the name of the russian foreign minister kerry had a joint apperance with?"
(held-out s65-07). Dense retrieval still found the sentence "… Kerry told reporters at a joint appearance with
Lavrov", but every rule that reads an answer off a sentence by the question's words — here what "with" takes
after "appearance" (qa/stranded_preposition.py) — missed it, and the model's echo of Kerry was withheld. The same
question spelt right is answered "Lavrov".

A word is mended only when all of these hold, so a real word or a name is never "corrected":
- no English dictionary form is known for it (lemminflect's lexicon, installed with the answer checks),
- the passages do not write it (accents folded), no word of its stem, and no word it extends or that extends
  it ("russian" beside "Russia"),
- it has at least `MIN_LENGTH` letters, and exactly one passage word lies within `MAX_EDITS` edits of it
  (a letter left out, added, changed, or two swapped) with the same first letter.
What was read is said in the answer's notes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

import lemminflect

from index.text import content_words, fold
from qa.query import Query

# Shorter words are too often a name's other spelling ("Raqa" for "Raqqa") or another word.
MIN_LENGTH = 6
# Edits allowed: one up to 8 letters, two from 9 letters on.
MAX_EDITS = {6: 1, 7: 1, 8: 1}
LONG_EDITS = 2
_WORD = re.compile(r"[^\W\d_]+")


def mended_spelling(question: str, texts: Sequence[str]) -> tuple[str, list[tuple[str, str]]]:
    """`question` with each misspelt word written as `texts` write it (see the module docstring), and the
    (typed, read) pairs."""
    vocabulary = {fold(w).lower() for text in texts for w in _WORD.findall(text)}
    stems = content_words(" ".join(vocabulary))
    changes: list[tuple[str, str]] = []

    def mend(match: re.Match[str]) -> str:
        typed = match.group(0)
        word = fold(typed).lower()
        if len(word) < MIN_LENGTH or word in vocabulary or content_words(word) <= stems \
                or lemminflect.getAllLemmas(word):
            return typed
        limit = MAX_EDITS.get(len(word), LONG_EDITS)
        close = [v for v in vocabulary if v[:1] == word[:1] and abs(len(v) - len(word)) <= limit
                 and _edits(word, v, limit) <= limit]
        if any(v.startswith(word) or word.startswith(v) for v in close):
            return typed  # another form of a passage word: "russian" beside "Russia"
        if len(close) != 1:
            return typed
        read = close[0]
        changes.append((typed, read))
        return read[:1].upper() + read[1:] if typed[:1].isupper() else read
    return _WORD.sub(mend, question), changes


def mended_query(query: Query, texts: Sequence[str]) -> Query:
    """`query` with its question's misspelt words read as `texts` write them, the question as typed kept in
    `typed` and a note of each word read; `query` itself when nothing is misspelt."""
    original, changes = mended_spelling(query.original, texts)
    if not changes:
        return query
    text, _ = mended_spelling(query.text, texts)
    notes = tuple(f"spelling: read “{typed}” as “{read}”" for typed, read in changes)
    return replace(query, text=text, original=original, typed=query.typed or query.original,
                   notes=query.notes + notes)


def _edits(a: str, b: str, limit: int) -> int:
    """Edit distance of `a` and `b` counting a swap of two neighbouring letters as one (optimal string
    alignment); any value above `limit` means "more than `limit`"."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        previous2, previous = previous, row
    return previous[-1]
