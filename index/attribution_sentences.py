"""The sentences attribution reads: `index.text.split_sentences`, cut where an embedded tweet ends,
without the dateline that may open the article.

Scraped news keeps an embedded tweet as plain text, signed "— Name (@handle) Month D, YYYY" and
followed by the article's next sentence with no full stop between them ("… (@ConorMcMorrow)
February 16, 2017 Independent Senator Gerard Craughwell has also joined …"). The signature ends a
sentence: what follows opens one, with its own subject (who a later "he" is) and its own verb.

A dateline ("Avila Park, Dublin, Ireland --In a wooden shed …", "WASHINGTON — …") names where the
story was filed: read as a sentence's opening name, "Avila Park" became who every later "he says"
was (Al Jazeera 1486, `tests/fixtures/attribution/held_out_6.jsonl`). It is no sentence's part.
"""

from __future__ import annotations

import re

from index.datelines import dateline_end
from index.text import split_sentences

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# "(@ConorMcMorrow) February 16, 2017": the handle and the date that close an embedded tweet.
_TWEET_SIGNATURE = re.compile(rf"\(@\w{{1,30}}\)\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\s+(?=\S)")


def attribution_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of `text`: `split_sentences`, each also cut after a tweet's signature;
    a dateline opening a paragraph is left out of its sentence."""
    spans = split_sentences(text)
    for i, (start, end) in enumerate(spans):
        if start == 0 or text[start - 1] == "\n":
            story = dateline_end(text, start, end)  # the detector takes the spaces after the dateline too
            if start < story < end:
                spans[i] = (story, end)
    if "(@" not in text:  # most articles embed no tweet (speed)
        return spans
    out = []
    for start, end in spans:
        for m in _TWEET_SIGNATURE.finditer(text, start, end):
            cut = m.end()
            head_end = cut
            while head_end > start and text[head_end - 1].isspace():
                head_end -= 1
            out.append((start, head_end))
            start = cut
        out.append((start, end))
    return out
