"""Evidence selection: the few sentences of the retrieved passages that matter.

Prompt reading dominates time to first token on a 2-core CPU (~95 tokens/s),
so the model sees only the best-supported sentences (with a neighbour each
side for context) instead of whole chunks. Every kept sentence is a real span
of the article body, so citations can point at it exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from index.embedding import Embedder
from index.manifest import STOPWORDS, fold
from qa.retrieval import Passage

_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "st", "jr",
                  "sr", "vs", "etc", "inc", "ltd", "co", "corp", "no", "jan", "feb", "mar", "apr", "jun", "jul",
                  "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m"}
# A sentence ends at . ! ? (plus closing quotes and any citation markers like [2])
# before a capitalised word, or at a paragraph break.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)]*(?:\s*\[\d{1,3}(?:\s*[,;]\s*\d{1,3})*\])*(?=\s+[\"'“‘(]?[A-Z0-9])|\n\s*\n")
_WORD = re.compile(r"\w+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of `text`, stripped of surrounding space.

    Abbreviations (U.S., Oct. 2, Mr.), initials and decimals do not end a sentence.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        before = text[start:match.start() + 1]
        word = re.search(r"([\w.]+)\.$", before.rstrip("\"'”’)]"))
        if word and text[match.start()] == ".":
            token = word.group(1).lower().rstrip(".")
            if token in _ABBREVIATIONS or len(token) == 1:
                continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def content_words(text: str) -> set[str]:
    """Accent-folded words that carry meaning (no stopwords)."""
    return {w for w in _WORD.findall(fold(text)) if w not in STOPWORDS and len(w) > 1}


@dataclass(frozen=True)
class Evidence:
    """The selected sentences of one passage, as text and as article-body spans."""

    passage: Passage
    text: str
    spans: tuple[tuple[int, int], ...]
    score: float


def select_evidence(question: str, passages: Sequence[Passage], embedder: Embedder, *,
                    max_sentences: int = 10, neighbours: int = 1, every_passage: bool = True) -> list[Evidence]:
    """The best sentences overall, in passage order.

    With `every_passage` each passage keeps at least its best sentence;
    without it, passages none of whose sentences made the cut are left out.
    """
    if not passages:
        return []
    sentences = [(pi, s, e) for pi, p in enumerate(passages) for s, e in split_sentences(p.text)]
    texts = [passages[pi].text[s:e] for pi, s, e in sentences]
    vectors = embedder.encode([question] + texts)
    similarity = vectors[1:] @ vectors[0]
    q_words = content_words(question)
    overlap = np.array([len(q_words & content_words(t)) / max(1, len(q_words)) for t in texts])
    scores = similarity + 0.3 * overlap
    chosen: set[int] = set()
    for pi in range(len(passages) if every_passage else 0):
        own = [i for i, (p, _, _) in enumerate(sentences) if p == pi]
        if own:
            chosen.add(max(own, key=lambda i: scores[i]))
    for i in np.argsort(-scores):
        if len(chosen) >= max_sentences:
            break
        chosen.add(int(i))
    expanded = set()
    for i in chosen:
        for j in range(i - neighbours, i + neighbours + 1):
            if 0 <= j < len(sentences) and sentences[j][0] == sentences[i][0]:
                expanded.add(j)
    out = []
    for pi, passage in enumerate(passages):
        idx = sorted(i for i in expanded if sentences[i][0] == pi)
        if not idx:
            continue
        spans, parts, prev = [], [], None
        for i in idx:
            _, s, e = sentences[i]
            if prev is not None and i == prev + 1 and spans:
                spans[-1] = (spans[-1][0], passage.start + e)
                parts[-1] = passage.text[spans[-1][0] - passage.start:e]
            else:
                spans.append((passage.start + s, passage.start + e))
                parts.append(passage.text[s:e])
            prev = i
        best = max((float(scores[i]) for i in idx), default=0.0)
        out.append(Evidence(passage, " … ".join(parts), tuple(spans), best))
    return out
