"""A question typed all in lower case, with its names capitalised as the passages write them.

The checks that ask whether the cited articles mention what a question is about read its names from its
capital letters (`qa.unmentioned`). Typed in lower case — "what date is the us-russia military deconfliction
meeting set for?" (held-out s64-19, unanswerable) — a question has none, so "March 7" from a story on eastern
Ukraine that never mentions Russia was shown as the answer, unflagged; the same question capitalised is
withheld. The yes/no checks read names the same way (`qa.polarity`: what a question asks of the things it names).
`cased_as_written` gives such a question back with each word the shown passages write capitalised
inside a sentence, and never in lower case, written as they write it ("russia" → "Russia").
"""

from __future__ import annotations

import re
from typing import Sequence

from index.text import STOPWORDS

_WORD = re.compile(r"[^\W\d_]+")
# A capitalised word right after a sentence's end or an opening quotation mark may be capitalised only for that.
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\"“‘(]\s*|\n\s*)$")


def cased_as_written(question: str, texts: Sequence[str]) -> str:
    """`question` as it is unless it is typed in lower case (its first letter is); then with the words `texts` write
    capitalised inside a sentence, and never in lower case, capitalised as the texts write them. A capital inside
    does not make a question cased: "according to the joint statement, did the russian attacks on hama, homs and
    idlib target Da'esh?" (held-out s65-15) capitalised only the acronym it copied."""
    first = next((c for c in question if c.isalpha()), "")
    if first.isupper():
        return question
    lower: set[str] = set()
    forms: dict[str, str] = {}
    for text in texts:
        for match in _WORD.finditer(text):
            word = match.group(0)
            if word.islower():
                lower.add(word)
            elif word[0].isupper() and not _SENTENCE_OPENING.search(text[max(0, match.start() - 3):match.start()]):
                forms.setdefault(word.lower(), word)

    def written(match: re.Match[str]) -> str:
        word = match.group(0)
        return forms[word] if word in forms and word not in lower and word not in STOPWORDS else word
    return _WORD.sub(written, question)
