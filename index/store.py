"""`ArchiveStore`: the Chroma vector store and the SQLite manifest behind one class.

The manifest is the commit record. Writing an article first replaces its
vectors in Chroma and then, in one SQLite transaction, its manifest rows and
keyword index. An interruption between the two leaves vectors whose chunk ids
the manifest does not know; searches ignore them and the next ingest of that
article replaces them, so a crash never leaves a half-visible article.
"""

from __future__ import annotations

import math
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import chromadb
from chromadb.config import Settings as ChromaSettings
from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode
from llama_index.core.vector_stores.types import (
    FilterCondition, FilterOperator, MetadataFilter, MetadataFilters, VectorStoreQuery,
)
from llama_index.vector_stores.chroma import ChromaVectorStore

from index.article import Article, date_timestamp
from index.chunking import Chunk
from index.manifest import TITLE_WEIGHT, ArticleRow, Manifest

COLLECTION = "newsdesk_chunks"
MANIFEST_FILE = "manifest.sqlite"


@dataclass(frozen=True)
class StoreFilter:
    """Restricts a search to a date range (inclusive ISO dates) and/or outlets.

    `published_by` is the as-of cut-off: nothing dated after it, but unlike
    `until` it keeps undated articles (we cannot tell they are later).
    """

    since: str | None = None
    until: str | None = None
    sources: tuple[str, ...] = ()
    published_by: str | None = None

    def is_empty(self) -> bool:
        """True when nothing is restricted."""
        return not (self.since or self.until or self.sources or self.published_by)


@dataclass(frozen=True)
class ChunkHit:
    """A chunk found by a search, with its article's metadata and a score."""

    chunk_id: str
    article_id: str
    text: str
    start: int
    end: int
    score: float
    title: str
    source: str | None
    published: str | None
    url: str | None


@dataclass
class StoreStats:
    """What `newsdesk stats` reports."""

    articles: int
    chunks: int
    sources: dict[str, int]
    first_date: str | None
    last_date: str | None
    bytes: int
    duplicates: int = 0
    months: dict[str, int] = field(default_factory=dict)


def chroma_client(path: Path) -> chromadb.ClientAPI:
    """A persistent Chroma client with telemetry off."""
    return chromadb.PersistentClient(
        path=str(path), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False))


class ArchiveStore:
    """Everything indexed under one folder: Chroma vectors + SQLite manifest/keywords."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.manifest = Manifest(self.path / MANIFEST_FILE)
        self._client = chroma_client(self.path / "chroma")
        # embedding_function=None: Chroma must never embed with its default model.
        self.collection = self._client.get_or_create_collection(
            COLLECTION, embedding_function=None, metadata={"hnsw:space": "cosine"})
        self.vector_store = ChromaVectorStore(chroma_collection=self.collection)

    def close(self) -> None:
        """Release the SQLite connection (Chroma has no explicit close)."""
        self.manifest.close()

    @classmethod
    def reopen(cls, path: Path) -> "ArchiveStore":
        """Open a store whose folder was replaced (after a rebuild swap).

        Chroma caches one client per path; the cache must be cleared or the
        new store would be served from the old, deleted files.
        """
        from chromadb.api.shared_system_client import SharedSystemClient

        SharedSystemClient.clear_system_cache()
        return cls(path)

    # -- writing ---------------------------------------------------------
    def put_article(self, article: Article, chunks: list[Chunk], vectors: Sequence[Sequence[float]]) -> None:
        """Store an article's chunks and vectors, replacing any earlier version."""
        if len(chunks) != len(vectors):
            raise ValueError("one vector per chunk is required")
        self.vector_store.delete(ref_doc_id=article.id)
        nodes = [self._node(article, c, v) for c, v in zip(chunks, vectors)]
        if nodes:
            self.vector_store.add(nodes)
        self.manifest.put(article, chunks)

    def delete_article(self, article_id: str) -> bool:
        """Remove an article from every index; True if it was there."""
        self.vector_store.delete(ref_doc_id=article_id)
        return self.manifest.delete(article_id)

    @staticmethod
    def _node(article: Article, chunk: Chunk, vector: Sequence[float]) -> TextNode:
        meta: dict[str, object] = {"article_id": article.id, "title": article.title, "n": chunk.n,
                                   "start": chunk.start, "end": chunk.end}
        for key, value in (("source", article.source), ("url", article.url), ("published", article.published),
                           ("published_ts", article.timestamp)):
            if value is not None:  # Chroma metadata cannot hold None
                meta[key] = value
        node = TextNode(id_=chunk.id, text=chunk.text, metadata=meta, embedding=list(map(float, vector)),
                        start_char_idx=chunk.start, end_char_idx=chunk.end)
        node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=article.id)
        return node

    # -- searching -------------------------------------------------------
    def dense_search(self, vector: Sequence[float], k: int, where: StoreFilter | None = None) -> list[ChunkHit]:
        """The `k` chunks nearest to `vector` (cosine similarity as score)."""
        if self.collection.count() == 0:
            return []
        scored = self._dense_query(vector, k, self._metadata_filters(where))
        if where and where.published_by and not (where.since or where.until):
            # Chroma's `published_ts <= cut-off` drops undated chunks (they have no such key):
            # search the undated articles separately and merge by cosine.
            undated = self.manifest.undated_ids()
            if undated:
                extra = [MetadataFilter(key="article_id", value=undated, operator=FilterOperator.IN)]
                if where.sources:
                    extra.append(MetadataFilter(key="source", value=list(where.sources), operator=FilterOperator.IN))
                scored = sorted(scored + self._dense_query(vector, k, MetadataFilters(
                    filters=extra, condition=FilterCondition.AND)), key=lambda s: -s[1])[:k]
        return self._hydrate(scored)

    def _dense_query(self, vector: Sequence[float], k: int, filters: MetadataFilters | None
                     ) -> list[tuple[str, float]]:
        """(chunk id, cosine) of the `k` nearest chunks passing `filters`."""
        query = VectorStoreQuery(query_embedding=list(map(float, vector)), similarity_top_k=k, filters=filters)
        result = self.vector_store.query(query)
        # llama-index reports exp(-distance); with Chroma's cosine space the
        # distance is 1 - cosine, so this recovers the cosine similarity.
        return [(cid, 1.0 + math.log(max(sim, 1e-12)))
                for cid, sim in zip(result.ids or [], result.similarities or [])]

    def keyword_search(self, text: str, k: int, where: StoreFilter | None = None, *,
                       title_weight: float = TITLE_WEIGHT) -> list[ChunkHit]:
        """The `k` best BM25 matches for the content words of `text` (accent-folded; headline
        matches weigh `title_weight` times body matches)."""
        sql, params = "", []
        if where and where.since:
            sql += " AND a.ts >= ?"
            params.append(date_timestamp(where.since))
        if where and where.until:
            sql += " AND a.ts <= ?"
            params.append(date_timestamp(where.until))
        if where and where.published_by:
            sql += " AND (a.ts IS NULL OR a.ts <= ?)"
            params.append(date_timestamp(where.published_by))
        if where and where.sources:
            sql += f" AND a.source IN ({','.join('?' * len(where.sources))})"
            params += list(where.sources)
        return self._hydrate(self.manifest.keyword_search(text, k, sql, tuple(params), title_weight=title_weight))

    @staticmethod
    def _metadata_filters(where: StoreFilter | None) -> MetadataFilters | None:
        if where is None or where.is_empty():
            return None
        filters: list[MetadataFilter] = []
        if where.since:
            filters.append(MetadataFilter(key="published_ts", value=date_timestamp(where.since), operator=FilterOperator.GTE))
        if where.until:
            filters.append(MetadataFilter(key="published_ts", value=date_timestamp(where.until), operator=FilterOperator.LTE))
        if where.published_by:
            filters.append(MetadataFilter(key="published_ts", value=date_timestamp(where.published_by),
                                          operator=FilterOperator.LTE))
        if where.sources:
            filters.append(MetadataFilter(key="source", value=list(where.sources), operator=FilterOperator.IN))
        return MetadataFilters(filters=filters, condition=FilterCondition.AND)

    def _hydrate(self, scored: list[tuple[str, float]]) -> list[ChunkHit]:
        """Attach manifest text/metadata; drops ids the manifest does not know."""
        rows = self.manifest.chunk_rows(cid for cid, _ in scored)
        articles: dict[str, ArticleRow | None] = {}
        hits = []
        for cid, score in scored:
            row = rows.get(cid)
            if row is None:
                continue
            article_id, _n, start, end, text = row
            if article_id not in articles:
                articles[article_id] = self.manifest.article(article_id)
            art = articles[article_id]
            if art is None:
                continue
            hits.append(ChunkHit(cid, article_id, text, start, end, float(score), art.title, art.source,
                                 art.published, art.url))
        return hits

    # -- reporting -------------------------------------------------------
    def article(self, article_id: str) -> ArticleRow | None:
        """One stored article with its body."""
        return self.manifest.article(article_id)

    def outlets(self) -> dict[str, int]:
        """Outlet -> article count."""
        return self.manifest.outlets()

    def date_span(self) -> tuple[str | None, str | None]:
        """The first and last publication dates in the archive (None when no article is dated)."""
        _, _, first, last = self.manifest.counts()
        return (first[:10] if first else None), (last[:10] if last else None)

    def stats(self) -> StoreStats:
        """Counts, outlets, date range, months and size on disk."""
        articles, chunks, first, last = self.manifest.counts()
        size = sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())
        return StoreStats(articles, chunks, self.manifest.outlets(), first, last, size,
                          self.manifest.duplicate_count(), self.manifest.months())


def remove_store(path: Path) -> None:
    """Delete a store folder entirely (used for abandoned rebuilds)."""
    shutil.rmtree(path, ignore_errors=True)
