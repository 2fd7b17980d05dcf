"""Citations you can trust: renumbering, exact quotes and a support check.

After generation every answer sentence is checked against the passages it
cites, lexically (its content words and every number must be there) and by
embedding similarity to the best passage sentence. Unsupported sentences are
flagged, not hidden. Each cited source carries the passage sentence that best
supports the answer, as exact character offsets into the article body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from index.embedding import Embedder
from qa.evidence import content_words, split_sentences
from qa.retrieval import Passage

_MARKER = re.compile(r"\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# Thresholds chosen by hand on the fixture and demo archives: paraphrases of a
# passage sentence score >= 0.6 cosine with MiniLM, unrelated claims < 0.4.
MIN_LEXICAL = 0.5        # share of the sentence's content words found in the cited passages
MIN_COSINE = 0.55        # MiniLM cosine to the best sentence of the cited passages
MIN_LEXICAL_WITH_COSINE = 0.3
AUTO_CITE_LEXICAL = 0.7  # an uncited sentence this well supported gets its citation added


@dataclass(frozen=True)
class Citation:
    """A numbered source of an answer with the exact quote supporting it."""

    n: int
    article_id: str
    title: str
    source: str | None
    published: str | None
    url: str | None
    passage: str
    passage_start: int
    quote: str
    quote_start: int
    quote_end: int
    supported: bool


@dataclass(frozen=True)
class AnswerSentence:
    """One sentence of the answer with the sources it cites (final numbering)."""

    text: str
    citations: tuple[int, ...]
    supported: bool


@dataclass(frozen=True)
class _Check:
    supported: bool
    passage: int | None
    span: tuple[int, int] | None  # local to the passage text
    lexical: float
    cosine: float


def parse_markers(text: str) -> list[int]:
    """Citation numbers in order of appearance ([1], [1, 2], [1][3])."""
    return [int(n) for m in _MARKER.finditer(text) for n in re.split(r"[,;]", m.group(1))]


def strip_markers(text: str) -> str:
    """`text` without citation markers."""
    return re.sub(r"\s+([.,;:!?])", r"\1", _MARKER.sub("", text)).strip()


class SupportChecker:
    """Checks answer sentences against passages (lexical + MiniLM similarity)."""

    def __init__(self, passages: Sequence[Passage], embedder: Embedder) -> None:
        self.passages = list(passages)
        self.embedder = embedder
        self.sentences = [(pi, s, e) for pi, p in enumerate(self.passages) for s, e in split_sentences(p.text)]
        texts = [self.passages[pi].text[s:e] for pi, s, e in self.sentences]
        self.vectors = embedder.encode(texts) if texts else np.zeros((0, 384), dtype=np.float32)
        self.words = [content_words(t) for t in texts]

    def check(self, sentence: str, cited: Sequence[int]) -> _Check:
        """Support of `sentence` by the passages with 0-based indexes `cited`."""
        claim = strip_markers(sentence)
        words = content_words(claim)
        rows = [i for i, (pi, _, _) in enumerate(self.sentences) if pi in set(cited)]
        if not rows or not words:
            return _Check(False, None, None, 0.0, 0.0)
        vector = self.embedder.encode([claim])[0]
        cosines = self.vectors[rows] @ vector
        pool = set().union(*(self.words[i] for i in rows))
        lexical = len(words & pool) / len(words)
        numbers_ok = all(any(num in self.passages[pi].text for pi in cited) for num in _NUMBER.findall(claim))
        best = int(np.argmax(cosines + 0.5 * np.array([len(words & self.words[i]) / len(words) for i in rows])))
        row = rows[best]
        cosine = float(cosines.max())
        supported = numbers_ok and (lexical >= MIN_LEXICAL or (cosine >= MIN_COSINE and lexical >= MIN_LEXICAL_WITH_COSINE))
        pi, s, e = self.sentences[row]
        return _Check(supported, pi, (s, e), lexical, cosine)

    def best_source(self, sentence: str) -> _Check:
        """The single passage that best supports an uncited sentence."""
        checks = [self.check(sentence, [i]) for i in range(len(self.passages))]
        return max(checks, key=lambda c: (c.supported, c.lexical + c.cosine), default=_Check(False, None, None, 0, 0))


def verify_answer(raw: str, passages: Sequence[Passage], embedder: Embedder
                  ) -> tuple[str, list[AnswerSentence], list[Citation]]:
    """Renumber citations, attach quotes and flag unsupported sentences.

    `passages` are numbered 1..n as the model saw them. Markers out of range
    are dropped; the cited sources are renumbered 1.. in order of first
    citation and only those are returned.
    """
    checker = SupportChecker(passages, embedder)
    spans = split_sentences(raw.strip())
    text = raw.strip()
    renumber: dict[int, int] = {}
    best_quote: dict[int, tuple[float, tuple[int, int], bool]] = {}
    sentences: list[AnswerSentence] = []
    for s, e in spans:
        sentence = text[s:e]
        cited = [n - 1 for n in dict.fromkeys(parse_markers(sentence)) if 1 <= n <= len(passages)]
        bare = strip_markers(sentence)
        if not bare or len(content_words(bare)) == 0 and not cited:
            continue
        check = checker.check(sentence, cited) if cited else _Check(False, None, None, 0.0, 0.0)
        if not cited:
            guess = checker.best_source(sentence)
            if guess.supported and guess.lexical >= AUTO_CITE_LEXICAL and guess.passage is not None:
                cited, check = [guess.passage], guess
        for pi in cited:
            renumber.setdefault(pi, len(renumber) + 1)
        if check.passage is not None and check.span is not None:
            score = check.lexical + check.cosine
            old = best_quote.get(check.passage)
            if old is None or score > old[0]:
                best_quote[check.passage] = (score, check.span, check.supported)
        numbers = tuple(renumber[pi] for pi in cited)
        marks = "".join(f"[{n}]" for n in numbers)
        sentences.append(AnswerSentence(f"{bare} {marks}".strip() if marks else bare, numbers, check.supported))
    citations = []
    for pi, n in sorted(renumber.items(), key=lambda kv: kv[1]):
        p = passages[pi]
        if pi in best_quote:
            _, (qs, qe), _ = best_quote[pi]
        else:
            qs, qe = split_sentences(p.text)[0] if p.text else (0, 0)
        supported = any(sent.supported for sent in sentences if n in sent.citations)
        citations.append(Citation(n, p.article_id, p.title, p.source, p.published, p.url, p.text, p.start,
                                  p.text[qs:qe], p.start + qs, p.start + qe, supported))
    return " ".join(s.text for s in sentences), sentences, citations
