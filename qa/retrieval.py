"""Hybrid retrieval: dense (Chroma + MiniLM) and keyword (FTS5) fused by RRF.

The two searches are llama-index retrievers (`BaseRetriever`), so they plug
into llama-index engines; the fusion is hand-written because
`QueryFusionRetriever` cannot do what news needs on top of it: at most two
chunks per article, identical passages (syndicated copies) collapsed, and
per-outlet retrieval so that "TASS and the BBC" returns both outlets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from index.embedding import Embedder
from index.store import ArchiveStore, ChunkHit, StoreFilter
from qa.query import Query

RRF_K = 60  # the constant from Cormack et al. (2009); robust across collections


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk of an article; `text == article.body[start:end]`."""

    chunk_id: str
    article_id: str
    title: str
    source: str | None
    published: str | None
    url: str | None
    text: str
    start: int
    end: int
    score: float
    dense_score: float | None = None
    keyword_rank: int | None = None
    dense_rank: int | None = None


def _node(hit: ChunkHit) -> NodeWithScore:
    node = TextNode(id_=hit.chunk_id, text=hit.text, start_char_idx=hit.start, end_char_idx=hit.end,
                    metadata={"article_id": hit.article_id, "title": hit.title, "source": hit.source,
                              "published": hit.published, "url": hit.url})
    return NodeWithScore(node=node, score=hit.score)


class DenseRetriever(BaseRetriever):
    """Nearest chunks by MiniLM cosine similarity, within a `StoreFilter`."""

    def __init__(self, store: ArchiveStore, embedder: Embedder, top_k: int = 30,
                 where: StoreFilter | None = None) -> None:
        super().__init__()
        self.store, self.embedder, self.top_k, self.where = store, embedder, top_k, where

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        vector = query_bundle.embedding or self.embedder.encode([query_bundle.query_str])[0].tolist()
        return [_node(h) for h in self.store.dense_search(vector, self.top_k, self.where)]


class KeywordRetriever(BaseRetriever):
    """BM25 matches of the question's content words (accent-folded FTS5)."""

    def __init__(self, store: ArchiveStore, top_k: int = 30, where: StoreFilter | None = None) -> None:
        super().__init__()
        self.store, self.top_k, self.where = store, top_k, where

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        return [_node(h) for h in self.store.keyword_search(query_bundle.query_str, self.top_k, self.where)]


def rrf(rankings: Sequence[Sequence[str]], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal rank fusion: id -> sum over rankings of 1 / (k + rank)."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, 1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return scores


def cap_per_article(passages: Sequence[Passage], per_article: int, limit: int) -> list[Passage]:
    """Best-first passages with at most `per_article` per article and no repeated text."""
    kept: list[Passage] = []
    per: dict[str, int] = {}
    texts: set[str] = set()
    for p in passages:
        key = " ".join(p.text.split()).casefold()
        if per.get(p.article_id, 0) >= per_article or key in texts:
            continue
        kept.append(p)
        per[p.article_id] = per.get(p.article_id, 0) + 1
        texts.add(key)
        if len(kept) >= limit:
            break
    return kept


class HybridRetriever:
    """Dense + keyword retrieval fused by RRF, news-aware (outlets, dates, caps)."""

    def __init__(self, store: ArchiveStore, embedder: Embedder, *, candidates: int = 30,
                 per_article: int = 2) -> None:
        if candidates < 1 or per_article < 1:
            raise ValueError("candidates and per_article must be positive")
        self.store, self.embedder = store, embedder
        self.candidates, self.per_article = candidates, per_article

    def retrieve(self, query: Query) -> list[Passage]:
        """At most `query.k` passages, best first."""
        vector = self.embedder.encode([query.text])[0]
        if len(query.sources) > 1:
            # One retrieval per named outlet, interleaved, so each is represented.
            per_outlet = [self._fused(query.text, vector, StoreFilter(query.since, query.until, (s,)), query.k)
                          for s in query.sources]
            merged = [p for group in _interleave(per_outlet) for p in group]
            return cap_per_article(merged, self.per_article, query.k)
        return cap_per_article(self._fused(query.text, vector, query.store_filter(), query.k),
                               self.per_article, query.k)

    def _fused(self, text: str, vector: np.ndarray, where: StoreFilter, k: int) -> list[Passage]:
        bundle = QueryBundle(query_str=text, embedding=vector.tolist())
        dense = DenseRetriever(self.store, self.embedder, self.candidates, where).retrieve(bundle)
        keyword = KeywordRetriever(self.store, self.candidates, where).retrieve(bundle)
        dense_ids = [n.node.node_id for n in dense]
        keyword_ids = [n.node.node_id for n in keyword]
        fused = rrf([dense_ids, keyword_ids])
        nodes = {n.node.node_id: n for n in keyword + dense}
        cosine = {n.node.node_id: float(n.score or 0.0) for n in dense}
        missing = [i for i in fused if i not in cosine]
        cosine.update(self._cosines(missing, vector))
        ranked = sorted(fused, key=lambda i: -fused[i])
        out = []
        for cid in ranked:
            node = nodes[cid].node
            meta = node.metadata
            out.append(Passage(
                chunk_id=cid, article_id=meta["article_id"], title=meta["title"], source=meta.get("source"),
                published=meta.get("published"), url=meta.get("url"), text=node.get_content(),
                start=node.start_char_idx or 0, end=node.end_char_idx or 0, score=fused[cid],
                dense_score=cosine.get(cid),
                keyword_rank=keyword_ids.index(cid) + 1 if cid in keyword_ids else None,
                dense_rank=dense_ids.index(cid) + 1 if cid in dense_ids else None))
        return out

    def _cosines(self, chunk_ids: list[str], vector: np.ndarray) -> dict[str, float]:
        """Cosine similarity of stored chunk vectors to the query (for keyword-only hits)."""
        if not chunk_ids:
            return {}
        got = self.store.collection.get(ids=chunk_ids, include=["embeddings"])
        return {cid: float(np.dot(np.asarray(emb, dtype=np.float32), vector))
                for cid, emb in zip(got["ids"], got["embeddings"])}


def _interleave(groups: list[list[Passage]]) -> list[list[Passage]]:
    """Round-robin rows: [[g0[0], g1[0], …], [g0[1], g1[1], …], …]."""
    rows = []
    for i in range(max((len(g) for g in groups), default=0)):
        rows.append([g[i] for g in groups if i < len(g)])
    return rows
