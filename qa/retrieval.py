"""Hybrid retrieval: dense (Chroma + MiniLM) and keyword (tantivy BM25) fused by RRF.

All three parts are llama-index `BaseRetriever`s returning `NodeWithScore`,
so they plug into llama-index engines. Hand-written, and why:

- `DenseRetriever` / `KeywordRetriever` wrap `ArchiveStore` searches rather than
  `VectorIndexRetriever`: the store drops vectors its manifest has not committed
  (see index/store.py) and llama-index has no retriever over our tantivy keyword index.
- `RRFRetriever` instead of `QueryFusionRetriever(mode="reciprocal_rerank")`:
  the latter resolves an LLM from the global `Settings` even with
  `num_queries=1`, keys nodes by content hash (so it cannot keep two identical
  syndicated chunks apart, nor tell us which collapsed), ranks from 0 instead of
  1, and drops each retriever's rank and score — and the dense cosine is what
  abstention calibrates on.
- `HybridRetriever` adds what news needs on top: at most two chunks per
  article, identical passages and syndicated copies (index/syndication.py)
  collapsed, per-outlet retrieval so that "TASS and the BBC" returns both
  outlets (copies are collapsed within each outlet's search, so both stay),
  and (a switch, off by default) a bonus for passages naming the question's
  people, places and organisations. Each addition is a switch of
  `RetrievalConfig`, so the eval can measure it against the plain baselines
  (`PRESETS`: dense, keyword, rrf, newsdesk).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Mapping, Sequence

import numpy as np
from llama_index.core.callbacks import CallbackManager
from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import BaseNode, NodeWithScore, QueryBundle, TextNode

from index.article import ArticleRef, RefersToArticle
from index.embedding import Embedder
from index.store import ArchiveStore
from index.store_records import ChunkHit, StoreFilter
from index.text import fold
from qa.article_diversity import diversify
from qa.query import Query, key_entities
from qa.ranking_heads import keep_heads
from qa.recency import RECENCY_KEEPS_FIRST, RECENCY_WEIGHT, is_current_events, recency_anchor, recency_bonus
from qa.rerank import SentenceRerank
from qa.retrieval_config import PRESETS, RetrievalConfig  # noqa: F401 - PRESETS re-exported

RRF_K = 60  # the constant from Cormack, Clarke & Büttcher (SIGIR 2009); robust across collections
DENSE, KEYWORD = "dense", "keyword"
# A passage naming every name of the question gains what a rank-20 vote adds in RRF (1/80):
# enough to break near-ties between fused neighbours, not to lift a passage from the tail.
NAME_WEIGHT = 1.0 / (RRF_K + 20)
_POSSESSIVE = re.compile(r"['’]s?\b")
_TOKEN = re.compile(r"\w+")


def question_names(text: str) -> list[list[str]]:
    """The question's names (capitalised phrases) as folded word lists, possessives stripped."""
    names = []
    for name in key_entities(text):
        words = _TOKEN.findall(fold(_POSSESSIVE.sub("", name)))
        if words:
            names.append(words)
    return names


def name_coverage(names: Sequence[Sequence[str]], text: str) -> float:
    """Mean over names of the share of each name's words found in `text` (accent-folded); 0 without names."""
    if not names:
        return 0.0
    words = set(_TOKEN.findall(fold(_POSSESSIVE.sub("", text))))
    return sum(sum(w in words for w in name) / len(name) for name in names) / len(names)


@dataclass(frozen=True)
class Passage(RefersToArticle):
    """A retrieved chunk of an article; `text == article.body[start:end]`."""

    chunk_id: str
    ref: ArticleRef
    text: str
    start: int
    end: int
    score: float  # fused RRF score, higher is better
    dense_score: float | None = None  # cosine similarity of this chunk to the query
    keyword_rank: int | None = None  # 1-based rank in the keyword list, None if absent
    dense_rank: int | None = None
    also_in: tuple[ArticleRef, ...] = ()  # the other outlets' syndicated copies of this article

    def to_json(self) -> dict:
        """The passage as JSON: chunk id, the article's five fields, text, offsets, scores and copies."""
        return {"chunk_id": self.chunk_id, **self.ref.to_json(), "text": self.text, "start": self.start,
                "end": self.end, "score": self.score, "dense_score": self.dense_score,
                "keyword_rank": self.keyword_rank, "dense_rank": self.dense_rank,
                "also_in": [copy.to_json() for copy in self.also_in]}


def hit_node(hit: ChunkHit) -> NodeWithScore:
    """A store hit as a llama-index node (metadata carries the article's five fields)."""
    node = TextNode(id_=hit.chunk_id, text=hit.text, start_char_idx=hit.start, end_char_idx=hit.end,
                    metadata=hit.ref.to_json())
    return NodeWithScore(node=node, score=hit.score)


class DenseRetriever(BaseRetriever):
    """Nearest chunks by MiniLM cosine similarity, within a `StoreFilter`.

    Uses `query_bundle.embedding` when set, so one query vector serves many searches.
    """

    def __init__(self, store: ArchiveStore, embedder: Embedder, top_k: int = 30,
                 where: StoreFilter | None = None) -> None:
        super().__init__(callback_manager=CallbackManager([]))
        self.store, self.embedder, self.top_k, self.where = store, embedder, top_k, where

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        vector = query_bundle.embedding or self.embedder.encode([query_bundle.query_str])[0].tolist()
        return [hit_node(h) for h in self.store.dense_search(vector, self.top_k, self.where)]


class KeywordRetriever(BaseRetriever):
    """BM25 matches of the question's content words (accent-folded, tantivy)."""

    def __init__(self, store: ArchiveStore, top_k: int = 30, where: StoreFilter | None = None,
                 title_weight: float | None = None) -> None:
        super().__init__(callback_manager=CallbackManager([]))
        self.store, self.top_k, self.where, self.title_weight = store, top_k, where, title_weight

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        weight = {} if self.title_weight is None else {"title_weight": self.title_weight}
        return [hit_node(h) for h in self.store.keyword_search(query_bundle.query_str, self.top_k, self.where,
                                                               **weight)]


def rrf(rankings: Sequence[Sequence[str]], k: int = RRF_K,
        weights: Sequence[float] | None = None) -> dict[str, float]:
    """Reciprocal rank fusion: id -> sum over rankings of weight / (k + rank), rank from 1.

    `weights` (one per ranking, default all 1.0) is weighted RRF: a ranking with weight 2
    counts as two votes.
    """
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings)):
        for rank, item in enumerate(dict.fromkeys(ranking), 1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return scores


class RRFRetriever(BaseRetriever):
    """Runs named retrievers on one query and fuses their rankings by RRF.

    Each returned node's metadata gains `<name>_rank` (1-based) and
    `<name>_score` for every retriever that found it; ties keep the order of
    first appearance (retrievers in the order given).
    """

    def __init__(self, retrievers: Mapping[str, BaseRetriever], *, k: int = RRF_K, top_n: int | None = None,
                 weights: Mapping[str, float] | None = None) -> None:
        super().__init__(callback_manager=CallbackManager([]))
        if not retrievers:
            raise ValueError("at least one retriever is needed")
        self.retrievers, self.k, self.top_n = dict(retrievers), k, top_n
        self.weights = {name: (weights or {}).get(name, 1.0) for name in self.retrievers}

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        results = {name: r.retrieve(query_bundle) for name, r in self.retrievers.items()}
        fused = rrf([[n.node.node_id for n in nodes] for nodes in results.values()], self.k,
                    [self.weights[name] for name in results])
        nodes: dict[str, BaseNode] = {}
        for name, found in results.items():
            for rank, hit in enumerate(found, 1):
                node = nodes.setdefault(hit.node.node_id, hit.node)
                node.metadata.setdefault(f"{name}_rank", rank)
                node.metadata.setdefault(f"{name}_score", hit.score)
        order = {cid: i for i, cid in enumerate(nodes)}
        ranked = sorted(fused, key=lambda cid: (-fused[cid], order[cid]))
        return [NodeWithScore(node=nodes[cid], score=fused[cid]) for cid in ranked[:self.top_n]]


def cap_per_article(passages: Sequence[Passage], per_article: int | None, limit: int, *,
                    collapse: bool = True) -> list[Passage]:
    """Best-first passages, at most `per_article` per article (None: any number), identical texts
    collapsed (unless `collapse` is False), at most `limit`."""
    kept: list[Passage] = []
    per: dict[str, int] = {}
    texts: set[str] = set()
    for p in passages:
        key = " ".join(p.text.split()).casefold()
        if (per_article is not None and per.get(p.article_id, 0) >= per_article) or (collapse and key in texts):
            continue
        kept.append(p)
        per[p.article_id] = per.get(p.article_id, 0) + 1
        texts.add(key)
        if len(kept) >= limit:
            break
    return kept


def collapse_syndicated(passages: Sequence[Passage],
                        copies: Mapping[str, tuple[str, tuple[ArticleRef, ...]]]) -> list[Passage]:
    """One article per syndication group, its best-scoring copy, carrying the others in `also_in`.

    `copies` maps grouped article ids to (group id, the group's other articles).
    """
    kept: dict[str, str] = {}
    out = []
    for p in passages:
        if p.article_id not in copies:
            out.append(p)
            continue
        group, others = copies[p.article_id]
        if kept.setdefault(group, p.article_id) == p.article_id:
            out.append(replace(p, also_in=others))
    return out


def interleave(groups: Sequence[Sequence[Passage]]) -> list[Passage]:
    """Round-robin merge: g0[0], g1[0], …, g0[1], g1[1], … (each group stays in order)."""
    out: list[Passage] = []
    for i in range(max((len(g) for g in groups), default=0)):
        out.extend(g[i] for g in groups if i < len(g))
    return out


class HybridRetriever:
    """Dense + keyword retrieval fused by RRF, news-aware (outlets, dates, per-article cap, names).

    `config` switches each mechanism (see `PRESETS`); the default is the product.
    """

    def __init__(self, store: ArchiveStore, embedder: Embedder, *, candidates: int = 30,
                 per_article: int | None = None, config: RetrievalConfig | None = None) -> None:
        config = config or RetrievalConfig()
        if per_article is not None:
            config = replace(config, per_article=per_article)
        if candidates < 1 or (config.per_article is not None and config.per_article < 1):
            raise ValueError("candidates and per_article must be positive")
        self.store, self.embedder, self.config = store, embedder, config
        self.candidates, self.per_article = candidates, config.per_article
        # One reranker per retriever, so its sentence-vector cache serves every later question.
        self.reranker = (SentenceRerank(embedder, top_n=config.rerank_depth, sentence_weight=config.rerank_weight)
                         if config.rerank else None)

    def fusion_retriever(self, where: StoreFilter | None = None) -> RRFRetriever:
        """The llama-index retriever behind one filtered search (for use in llama-index engines)."""
        parts: dict[str, BaseRetriever] = {}
        if self.config.dense:
            parts[DENSE] = DenseRetriever(self.store, self.embedder, self.candidates, where)
        if self.config.keyword:
            parts[KEYWORD] = KeywordRetriever(self.store, self.candidates, where,
                                              None if self.config.title_weight else 1.0)
        return RRFRetriever(parts, weights={KEYWORD: self.config.keyword_weight})

    def retrieve(self, query: Query) -> list[Passage]:
        """At most `query.k` passages, best first, at most `per_article` per article.

        With several outlets (and `outlet_split`), each outlet is searched on
        its own and the results are interleaved so every named outlet is represented.
        """
        cfg = self.config
        vector = self.embedder.encode([query.search_text])[0]
        where = query.store_filter(question_dates=cfg.question_dates)
        names = question_names(query.search_text) if cfg.names else []
        span = self.store.date_span() if cfg.recency else None
        as_of = recency_anchor(query.as_of, span) if cfg.recency and is_current_events(
            query.text, dates_from_question=query.dates_from_question and cfg.question_dates, span=span) else None
        if len(query.sources) > 1 and cfg.outlet_split:
            groups = [self._search(query.search_text, vector, replace(where, sources=(source,)), names, as_of, query.k)
                      for source in query.sources]
            groups = [cap_per_article(g, self.per_article, query.k, collapse=cfg.collapse) for g in groups]
            chosen = cap_per_article(interleave(groups), self.per_article, query.k, collapse=cfg.collapse)
        else:
            chosen = cap_per_article(self._search(query.search_text, vector, where, names, as_of, query.k),
                                     self.per_article, query.k, collapse=cfg.collapse)
        # Cosines come from the stored vectors, not from the dense search's score: the Chroma
        # adapter reports exp(-distance), and keyword-only hits have no dense score at all.
        cosines = self._cosines([p.chunk_id for p in chosen], vector)
        return [replace(p, dense_score=cosines.get(p.chunk_id)) for p in chosen]

    def _search(self, text: str, vector: np.ndarray, where: StoreFilter,
                names: Sequence[Sequence[str]] = (), recent_as_of: date | None = None,
                k: int = 10) -> list[Passage]:
        """Fused passages for one filter, best first (dense_score filled in later).

        With `names`, each passage's score gains `NAME_WEIGHT` times the share
        of the question's names its headline and text contain; with
        `recent_as_of`, the recency prior of `qa.recency`; with the `diversity`
        switch, an article's later passages are discounted (`qa.article_diversity`); with
        `keyword_head` / `dense_head`, those heads are kept in the top `k` (`qa.ranking_heads`).
        """
        cfg = self.config
        bundle = QueryBundle(query_str=text, embedding=vector.tolist())
        hits = self.fusion_retriever(where).retrieve(bundle)
        if self.reranker is not None:  # the head of the pool reordered; the tail keeps its fused order
            hits = self.reranker.postprocess_nodes(hits[:cfg.rerank_depth], bundle) + hits[cfg.rerank_depth:]
        out = []
        for hit in hits:
            node, meta = hit.node, hit.node.metadata
            out.append(Passage(
                chunk_id=node.node_id, ref=ArticleRef.from_json(meta), text=node.get_content(),
                start=node.start_char_idx or 0, end=node.end_char_idx or 0,
                score=float(hit.score or 0.0), keyword_rank=meta.get(f"{KEYWORD}_rank"),
                dense_rank=meta.get(f"{DENSE}_rank")))
        if names or recent_as_of:
            recency_size = cfg.recency_votes * RECENCY_WEIGHT

            def bonus(p: Passage) -> float:
                named = NAME_WEIGHT * name_coverage(names, f"{p.title}\n{p.text}")
                recent = recency_bonus(p.published, recent_as_of, half_life_days=cfg.recency_half_life_days,
                                       weight=recency_size) if recent_as_of else 0.0
                return named + recent

            out = [replace(p, score=p.score + bonus(p)) for p in out]
            # The recency prior reorders what follows the fused first passage, never that one: moved too, it
            # put a newer page of another story first (RealTimeQA, README "The recency prior").
            head = RECENCY_KEEPS_FIRST if recent_as_of else 0
            out = out[:head] + sorted(out[head:], key=lambda p: -p.score)  # stable: ties keep the fused order
        if cfg.diversity:
            out = diversify(out, cfg.diversity_decay)
        if cfg.keyword_head or cfg.dense_head:
            kw_head, dense_head = cfg.keyword_head, cfg.dense_head
            out = keep_heads(out, lambda p: (p.keyword_rank or kw_head + 1) <= kw_head
                             or (p.dense_rank or dense_head + 1) <= dense_head, k)
        return collapse_syndicated(out, self.store.copies_of(p.article_id for p in out))

    def _cosines(self, chunk_ids: list[str], vector: np.ndarray) -> dict[str, float]:
        """Cosine similarity of the stored chunk vectors to the (unit) query vector."""
        if not chunk_ids:
            return {}
        return {cid: float(np.dot(np.asarray(emb, dtype=np.float32), vector))
                for cid, emb in self.store.vectors(chunk_ids).items()}
