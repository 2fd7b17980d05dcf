"""The store's two searches, dense (Chroma) and keyword (tantivy), and the hydration of their hits.

`ArchiveStore` (index/store.py) holds one `StoreSearch` and calls it inside its
reads, under the swap guard. Both searches return chunk ids with scores and
hydrate them from the manifest in one query, dropping ids it does not know
(vectors an interrupted write left ahead of the manifest's commit). A dense
search under a filter first looks among unfiltered neighbours
(index/filtered_search.py) and falls back on Chroma's filtered query; a
filtered keyword search ranks unfiltered and keeps what the manifest says
passes, fetching more until `k` do.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import replace
from typing import TYPE_CHECKING, Callable, Protocol, Sequence, TypeVar

from llama_index.core.vector_stores.types import (
    FilterCondition, FilterOperator, MetadataFilter, MetadataFilters, VectorStoreQuery,
)
from llama_index.vector_stores.chroma import ChromaVectorStore

from index.article import date_timestamp
from index.filtered_search import MIN_FETCH, OVERFETCH, ArchiveShape, fetch_size
from index.keyword_index import KeywordIndex
from index.manifest import Manifest
from index.store_records import ChunkHit, StoreFilter, where_sql

if TYPE_CHECKING:  # annotations only
    from chromadb import Collection

T = TypeVar("T")


class SearchedStore(Protocol):
    """What the searches use of `ArchiveStore`: its handles, looked up at every search since a
    reopen replaces them, and its cache of summaries per store version."""

    manifest: Manifest
    keywords: KeywordIndex
    collection: Collection
    vector_store: ChromaVectorStore

    def _summary(self, name: str, fn: Callable[[], T]) -> T: ...

    def _date_span(self) -> tuple[str | None, str | None]: ...


class StoreSearch:
    """Dense and keyword search over one store's chunks; callers are inside the store's read."""

    def __init__(self, store: SearchedStore) -> None:
        # Weak: the store holds this object, and a strong reference back would keep a store nobody
        # closed (and its SQLite connections) alive until the garbage collector's next pass.
        self.store: SearchedStore = weakref.proxy(store)

    def dense_search(self, vector: Sequence[float], k: int, where: StoreFilter | None) -> list[ChunkHit]:
        """`ArchiveStore.dense_search` inside the store's read: unfiltered neighbours, filtered among
        them, or Chroma's filtered query (with the undated articles an as-of cut-off keeps)."""
        # Chroma's count() cost as much as the unfiltered query itself (2.2 vs 2.0 ms p50 at 10k chunks);
        # the count changes only with a write, which changes the store's version.
        if self.store._summary("vector_count", self.store.collection.count) == 0:
            return []
        if where and self._cut_off_spent(where):
            # Nothing is dated after the cut-off, so it drops nothing: without it an as-of question
            # searches unfiltered, and an outlet's or a date range's Chroma query evaluates one
            # condition fewer per record (35 -> 11 ms p50 for one outlet at 10k chunks). With outlets
            # alone and undated articles it stays: the cut-off's query merges the undated ones separately.
            if not (where.since or where.until or where.sources):
                where = None
            elif where.since or where.until or not self.store._summary("undated_ids", self.store.manifest.undated_ids):
                where = replace(where, published_by=None)
        if where is None or where.is_empty():
            # Asking for k alone searches the HNSW graph with ef = k, which misses true neighbours
            # (see filtered_search.MIN_FETCH): ask for more, keep the k best.
            return self._hydrate(self._nearest(vector, max(k, MIN_FETCH))[:k])
        post_filtered = self._post_filtered(vector, k, where)
        if post_filtered is not None:
            return self._hydrate(post_filtered)
        scored = self._dense_query(vector, k, self._metadata_filters(where))
        if where and where.published_by and not (where.since or where.until):
            # Chroma's `published_ts <= cut-off` drops undated chunks (they have no such key):
            # search the undated articles separately and merge by cosine.
            undated = self.store._summary("undated_ids", self.store.manifest.undated_ids)
            if undated:
                extra = [MetadataFilter(key="article_id", value=undated, operator=FilterOperator.IN)]
                if where.sources:
                    extra.append(MetadataFilter(key="source", value=list(where.sources), operator=FilterOperator.IN))
                scored = sorted(scored + self._dense_query(vector, k, MetadataFilters(
                    filters=extra, condition=FilterCondition.AND)), key=lambda s: -s[1])[:k]
        return self._hydrate(scored)

    def _cut_off_spent(self, where: StoreFilter) -> bool:
        """True when `where` has an as-of cut-off on or after the archive's last date (or nothing is
        dated): it then keeps every article the rest of `where` keeps."""
        if not where.published_by:
            return False
        last = self.store._summary("date_span", self.store._date_span)[1]
        return last is None or last <= where.published_by[:10]

    def _nearest(self, vector: Sequence[float], n: int) -> list[tuple[str, float]]:
        """(chunk id, cosine) of the `n` nearest chunks, unfiltered. Ids and distances only: the
        manifest has the texts, and asking Chroma for documents and metadata cost 3-10x the search."""
        result = self.store.collection.query(query_embeddings=[list(map(float, vector))], n_results=n,
                                             include=["distances"])
        # Chroma's cosine space reports distance = 1 - cosine.
        return [(cid, 1.0 - float(d)) for cid, d in zip(result["ids"][0], result["distances"][0])]

    def _shape(self) -> ArchiveShape:
        """How the articles spread over dates and outlets (cached per store version)."""
        return self.store._summary("shape", lambda: ArchiveShape(
            tuple(self.store.manifest.article_timestamps()), len(self.store.manifest.undated_ids()),
            self.store.manifest.outlets()))

    def _post_filtered(self, vector: Sequence[float], k: int, where: StoreFilter) -> list[tuple[str, float]] | None:
        """The `k` nearest chunks passing `where`, found among unfiltered neighbours
        (index/filtered_search.py); None when too few of them pass (then Chroma filters)."""
        n = fetch_size(k, self._shape().share(where))
        if n is None:
            return None
        nearest = self._nearest(vector, n)
        passing = self.store.manifest.chunks_passing([cid for cid, _ in nearest], *where_sql(where))
        kept = [(cid, score) for cid, score in nearest if cid in passing]
        # Fewer than n neighbours: the whole collection was seen, so the passing ones are all there are.
        return kept[:k] if len(kept) >= k or len(nearest) < n else None

    def _dense_query(self, vector: Sequence[float], k: int, filters: MetadataFilters | None
                     ) -> list[tuple[str, float]]:
        """(chunk id, cosine) of the `k` nearest chunks passing `filters`."""
        query = VectorStoreQuery(query_embedding=list(map(float, vector)), similarity_top_k=k, filters=filters)
        result = self.store.vector_store.query(query)
        # llama-index reports exp(-distance); with Chroma's cosine space the
        # distance is 1 - cosine, so this recovers the cosine similarity.
        return [(cid, 1.0 + math.log(max(sim, 1e-12)))
                for cid, sim in zip(result.ids or [], result.similarities or [])]

    def keyword_search(self, text: str, k: int, where: StoreFilter | None, title_weight: float) -> list[ChunkHit]:
        """`ArchiveStore.keyword_search` inside the store's read: tantivy's ranking, filtered by the manifest."""
        if where and self._cut_off_spent(where):  # the SQL filter is exact, so leaving a no-op out is too
            where = replace(where, published_by=None)
        sql, params = where_sql(where)
        if not sql:
            scored = self.store.keywords.search(text, k, title_weight)
            ids = self.store.manifest.chunk_ids_at([rowid for rowid, _ in scored])
            return self._hydrate([(ids[rowid], score) for rowid, score in scored if rowid in ids])
        # Filtered: rank unfiltered, keep what the manifest says passes, and fetch twice as many while
        # fewer than k pass and tantivy has more. The ranking is a prefix of the full one (ties by
        # rowid), so the first k passing are exactly the filtered search's k best.
        share = self._shape().share(where)
        fetch = max(2 * k, math.ceil(k / share * OVERFETCH)) if share > 0 else 2 * k
        while True:
            scored = self.store.keywords.search(text, fetch, title_weight)
            ids = self.store.manifest.chunk_ids_at([rowid for rowid, _ in scored], sql, params)
            kept = [(ids[rowid], score) for rowid, score in scored if rowid in ids]
            if len(kept) >= k or len(scored) < fetch:
                return self._hydrate(kept[:k])
            fetch *= 2

    @staticmethod
    def _metadata_filters(where: StoreFilter | None) -> MetadataFilters | None:
        """`where` as Chroma metadata filters (None when it restricts nothing)."""
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
        """Attach manifest text/metadata (one query, so one committed version); drops ids it does not know."""
        rows = self.store.manifest.chunk_hits(cid for cid, _ in scored)
        return [ChunkHit(cid, *rows[cid], float(score)) for cid, score in scored if cid in rows]
