"""The rerank stage: a deeper fused pool rescored by its best sentence.

A chunk is ~200 tokens of mixed sentences, so its single vector (and its BM25
score) blurs the one sentence that answers a news-quiz question. The
`SentenceRerank` postprocessor scores each candidate by its best sentence —
MiniLM cosine to the question plus the share of the question's content words
that sentence holds, the same score evidence selection (qa/evidence.py) uses
to choose what the model reads — and fuses that ranking with the pool's own
fused order by weighted reciprocal rank fusion.

It is a llama-index `BaseNodePostprocessor`, so any llama-index reranker can
take its place in `HybridRetriever` (qa/retrieval.py), and it can be used in
llama-index query engines as `node_postprocessors=[SentenceRerank(embedder)]`.
Sentence vectors are cached per chunk id (chunks are immutable: a changed
article gets new chunk ids), so a passage seen again costs no encoding.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, List, Optional, Protocol, Sequence

import numpy as np
from llama_index.core.postprocessor.types import BaseNodePostprocessor
from llama_index.core.schema import NodeWithScore, QueryBundle
from pydantic import PrivateAttr

from index.text import content_words, split_sentences

RRF_K = 60  # the usual RRF constant (Cormack et al. 2009), as in qa/retrieval.py
# Same weight as evidence selection's keyword bonus (qa/evidence.py KEYWORD_WEIGHT, calibrated on
# RealTimeQA sentences), so the rerank lifts exactly the sentences the model would be shown.
KEYWORD_WEIGHT = 0.3
CACHE_CHUNKS = 20_000  # sentence matrices kept (~8 sentences x 384 floats each: ~250 MB at most)


class Encoder(Protocol):
    """What the rerank needs of an embedder: unit vectors for texts, one row each."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def best_sentence_scores(question: str, question_vector: np.ndarray, sentences: Sequence[Sequence[str]],
                         vectors: Sequence[np.ndarray]) -> list[float]:
    """Per passage: the best over its sentences of cosine + KEYWORD_WEIGHT x question-word share (-inf if none)."""
    q_words = content_words(question)
    out = []
    for texts, matrix in zip(sentences, vectors):
        if not len(texts):
            out.append(float("-inf"))
            continue
        overlap = np.array([len(q_words & content_words(t)) / max(1, len(q_words)) for t in texts])
        out.append(float(np.max(matrix @ question_vector + KEYWORD_WEIGHT * overlap)))
    return out


class SentenceRerank(BaseNodePostprocessor):
    """Reorders nodes by weighted RRF of their incoming order and their best sentence's score.

    `sentence_weight` and `fused_weight` weigh the two rankings (see
    qa/retrieval_config.py for the values the README's table chose);
    `top_n` nodes are returned, each scored by the fused value.
    """

    top_n: int = 10
    sentence_weight: float = 1.0
    fused_weight: float = 1.0
    _encoder: Any = PrivateAttr()
    _cache: "OrderedDict[str, tuple[list[str], np.ndarray]]" = PrivateAttr()

    def __init__(self, encoder: Encoder, *, top_n: int = 10, sentence_weight: float = 1.0,
                 fused_weight: float = 1.0) -> None:
        if top_n < 1 or sentence_weight < 0 or fused_weight < 0:
            raise ValueError("top_n must be positive and weights non-negative")
        super().__init__(top_n=top_n, sentence_weight=sentence_weight, fused_weight=fused_weight)
        self._encoder = encoder
        self._cache = OrderedDict()

    @classmethod
    def class_name(cls) -> str:
        """The name llama-index serialises this component under."""
        return "SentenceRerank"

    def _sentences(self, nodes: Sequence[NodeWithScore]) -> list[tuple[list[str], np.ndarray]]:
        """Sentence texts and vectors per node: cached ones reused, the rest encoded in one batch."""
        missing: dict[str, list[str]] = {}
        for n in nodes:
            key = n.node.node_id
            if key in self._cache:
                self._cache.move_to_end(key)
            elif key not in missing:
                text = n.node.get_content()
                missing[key] = [text[s:e] for s, e in split_sentences(text)]
        flat = [t for texts in missing.values() for t in texts]
        encoded = np.asarray(self._encoder.encode(flat), dtype=np.float32) if flat else np.zeros((0, 1), np.float32)
        row = 0
        for key, texts in missing.items():
            self._cache[key] = (texts, encoded[row:row + len(texts)])
            row += len(texts)
        while len(self._cache) > CACHE_CHUNKS:
            self._cache.popitem(last=False)
        return [self._cache[n.node.node_id] for n in nodes]

    def _postprocess_nodes(self, nodes: List[NodeWithScore],
                           query_bundle: Optional[QueryBundle] = None) -> List[NodeWithScore]:
        if query_bundle is None:
            raise ValueError("SentenceRerank needs the query")
        if not nodes:
            return []
        question = query_bundle.query_str
        vector = (np.asarray(query_bundle.embedding, dtype=np.float32) if query_bundle.embedding
                  else np.asarray(self._encoder.encode([question])[0], dtype=np.float32))
        found = self._sentences(nodes)
        best = best_sentence_scores(question, vector, [t for t, _ in found], [v for _, v in found])
        by_sentence = sorted(range(len(nodes)), key=lambda i: -best[i])  # stable: ties keep the fused order
        sentence_rank = {i: r for r, i in enumerate(by_sentence, 1)}
        fused = [self.fused_weight / (RRF_K + i + 1) + self.sentence_weight / (RRF_K + sentence_rank[i])
                 for i in range(len(nodes))]
        order = sorted(range(len(nodes)), key=lambda i: -fused[i])
        out = []
        for i in order[:self.top_n]:
            nodes[i].node.metadata["sentence_score"] = best[i]
            out.append(NodeWithScore(node=nodes[i].node, score=fused[i]))
        return out
