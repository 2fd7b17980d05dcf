"""`ArchiveStore`: the Chroma vector store and the SQLite manifest behind one class.

The manifest is the commit record. Writing articles first adds their new
vectors to Chroma, then replaces their manifest rows (and drops the articles
they supersede) in one SQLite transaction, which also records the keyword
index's changes in the manifest's outbox; then the outbox is drained into the
tantivy keyword index (index/keyword_outbox.py) and the old vectors deleted. Searches
(index/store_search.py) hydrate hits from the manifest in one query and ignore
vector ids it does not know, so readers see either the old or the new version
of an article, never both and never half. An interruption leaves
at most orphan vectors; a `dirty` marker in the folder says so, and the next
write (or `newsdesk doctor`) sweeps them.

A rebuild swaps another folder in under this one (see `index/swap.py`): every
read first checks the folder's generation token and reopens in place when it
changed, so whoever holds this object (the answerer, the app) follows the swap.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path
from typing import Callable, Iterable, Sequence, TypeVar

from chromadb.errors import InternalError as ChromaInternalError
from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode
from llama_index.vector_stores.chroma import ChromaVectorStore

from index.article import Article, ArticleRef
from index.chunking import Chunk
from index.chroma_client import EMBEDDED, ChromaLocation
from index.keyword_index import TITLE_WEIGHT, KeywordIndex
from index.keyword_outbox import build as build_keywords, drain as drain_keywords
from index.keyword_outbox import needs_build, pending_count
from index.lock import IndexBusy, WriteLock
from index.manifest import ArticleRow, Manifest
from index.provenance import read_stamp
from index.swap import SwapGuard, ensure_generation, read_generation
from index.statements import StoredStatement, all_statements
from index.store_records import ChunkHit, StoreFilter, StoreStats
from index.store_search import StoreSearch
from index.syndication import SyndicationGroups

MANIFEST_FILE = "manifest.sqlite"
KEYWORD_DIR = "keywords"  # the tantivy keyword index, inside the store folder (swapped, exported, sized with it)
DIRTY_FILE = "dirty"  # present while vectors may have outrun the manifest (crash => orphans to sweep)
# Chroma persists its HNSW index (and only then may purge its embeddings_queue
# log) every `sync_threshold` vector writes; with its default of 1000 the log of
# a 90-chunk archive held 457 vectors after 12 updates of every article (3.5 MB
# chroma.sqlite3), with 100 it holds 1 (2.0 MB). New stores only: Chroma keeps
# an existing collection's setting, so older stores get it at their next rebuild or compaction.
UNATTRIBUTED = "unknown"  # the name `outlets()` counts articles without an outlet under (qa.query.UNKNOWN_OUTLET)
HNSW_SYNC_THRESHOLD = 100
ID_PAGE = 5000  # ids per Chroma get/delete call when sweeping (bounded memory and SQL variables)
T = TypeVar("T")


class ArchiveStore:
    """Everything indexed under one folder: Chroma vectors, SQLite manifest, tantivy keyword index.

    Thread-safe for readers; writers must hold the folder's `WriteLock` and
    call `ensure_current()` after taking it.
    """

    def __init__(self, path: Path, chroma: ChromaLocation = EMBEDDED) -> None:
        self.path = Path(path)
        self.chroma = chroma  # embedded in `path/chroma`, or a server (collections per generation)
        self.guard = SwapGuard(self.path)
        self._reopen_lock = threading.Lock()
        self._keywords_lock = threading.Lock()
        self._summaries: dict[str, tuple[str, object]] = {}  # name -> (store version, value); see _summary
        self._search = StoreSearch(self)  # reads the handles `_open` sets, at every search
        with self.guard.reading():
            self._open()
            behind = self.keywords_behind()
        if behind and not WriteLock.holds(self.path):
            self._catch_up_keywords()

    @property
    def _version(self) -> str:
        return f"{self.generation}:{self._writes}"

    def _open(self) -> None:
        retired = self.path.with_name(self.path.name + ".old")
        if not self.path.exists() and (retired / MANIFEST_FILE).exists():
            try:  # a rebuild died between its two renames: the old store is still whole
                os.rename(retired, self.path)
            except OSError:
                pass  # another process put it back first
        self.path.mkdir(parents=True, exist_ok=True)
        generation = ensure_generation(self.path)
        self.manifest = Manifest(self.path / MANIFEST_FILE)
        self.keywords = KeywordIndex(self.path / KEYWORD_DIR)
        self._writes = self.manifest.writes()
        # Groups are written under the WriteLock, like the manifest, so they use its write connection.
        self.syndication = SyndicationGroups(self.manifest.writer)
        self._client = self.chroma.open(self.path, f"{generation}:{self._writes}")
        # embedding_function=None: Chroma must never embed with its default model.
        self.collection = self._client.get_or_create_collection(
            self.chroma.collection_name(generation), embedding_function=None,
            metadata={"hnsw:space": "cosine", "hnsw:sync_threshold": HNSW_SYNC_THRESHOLD})
        self.vector_store = ChromaVectorStore(chroma_collection=self.collection)
        # Last: a reader that sees the new generation must find the new handles.
        self.generation = generation

    def close(self) -> None:
        """Release the SQLite connections and this object's share of the folder's Chroma system."""
        self._close(swapped=False)

    def _close(self, swapped: bool) -> None:
        self.manifest.close()
        self.chroma.release(self._client, self.path, self._version, swapped=swapped)

    def _stale(self) -> bool:
        return read_generation(self.path) != self.generation or self.manifest.writes() != self._writes

    def ensure_current(self, force: bool = False) -> bool:
        """Reopen in place if a rebuild swapped another folder in or another process wrote; True when it did.

        The reopen excludes every read (of all processes) for its duration, so
        no thread is left holding the handles it closes.
        """
        reopened = self._reopen(force)
        if self.keywords_behind():
            if WriteLock.holds(self.path):
                self.sync_keywords()
            elif reopened:
                self._catch_up_keywords()
        return reopened

    def _catch_up_keywords(self) -> None:
        """A reader found the keyword index behind the manifest: a store from before it, a copy without
        one, or a writer that died between the manifest's commit and tantivy's. It catches up itself
        if nobody is writing (taking the write lock for that); otherwise the writer does when it takes
        the store over (`ensure_current`), and its count of writes makes this process reopen. Until
        then keyword search misses what the index lacks (hits are always hydrated from the manifest)."""
        try:
            with WriteLock(self.path):
                self.ensure_current()
        except IndexBusy:
            pass

    def _reopen(self, force: bool) -> bool:
        if not force:
            with self.guard.reading():  # another thread may be reopening: its handles are closed meanwhile
                if not self._stale():
                    return False
        with self._reopen_lock, self.guard.swapping():
            if not force and not self._stale():
                return False
            self._close(swapped=True)
            self._open()
            return True

    def keywords_behind(self) -> bool:
        """True when the keyword index lags the manifest: changes wait in the outbox, or it must be
        built (a store from before it, an import or compaction's copy)."""
        return needs_build(self.manifest.db, self.keywords) or pending_count(self.manifest.db) > 0

    def sync_keywords(self, rebuild: bool = False) -> int:
        """Bring the keyword index up to the manifest (callers hold the WriteLock): build it from the
        chunks when it must be (or `rebuild`), else drain the outbox; returns the changes applied.

        Runs with every read of every process held off, like a vector write, so no reader
        opens the index while tantivy replaces its files.
        """
        with self.guard.swapping(), self._keywords_lock:
            if rebuild or needs_build(self.manifest.writer, self.keywords):
                built = build_keywords(self.manifest.writer, self.keywords)
                self.manifest.count_write()  # other processes reopen and see the new index
                self._saw_own_write()
                return built
            return drain_keywords(self.manifest.writer, self.keywords)

    def _saw_own_write(self) -> None:
        """This process's Chroma system applied the write it just committed: no reopen for it."""
        old = self._version
        self._writes = self.manifest.writes()
        self.chroma.saw_own_write(self.path, old, self._version)

    def _summary(self, name: str, fn: Callable[[], T]) -> T:
        """`fn()` once per store version (generation + committed writes); callers are inside `_read`.

        Outlets, date span and undated ids are scans of the articles table that every
        question reads; they change only with a write, which changes the version.
        """
        version = self._version
        cached = self._summaries.get(name)
        if cached is not None and cached[0] == version:
            return cached[1]  # type: ignore[return-value]
        value = fn()
        self._summaries[name] = (version, value)
        return value

    def _read(self, fn: Callable[[], T]) -> T:
        """Run a read under the swap guard, on the store as it is now at `path`."""
        if self.guard.held():  # a read inside a read: the outer one checked
            return fn()
        while True:
            with self.guard.reading():
                if not self._stale():
                    return fn()
            self.ensure_current()  # outside the read: it waits for every read to finish

    def swap_in(self, fresh_dir: Path) -> None:
        """Make the complete store at `fresh_dir` the one at `path`; callers hold the WriteLock.

        Reads of every process finish first and wait out the two renames; each
        then sees the new generation and reopens (see index/swap.py).
        """
        retired = self.path.with_name(self.path.name + ".old")
        remove_store(retired, self.chroma)
        with self.guard.swapping():
            os.rename(self.path, retired)
            os.rename(fresh_dir, self.path)
        remove_store(retired, self.chroma)  # on a server: the retired generation's collection too
        remove_store(fresh_dir, self.chroma)  # the folder is live now; this drops the guard files beside its old name
        self.ensure_current()

    @classmethod
    def reopen(cls, path: Path, chroma: ChromaLocation = EMBEDDED) -> "ArchiveStore":
        """A new object on a store whose folder was replaced (kept for callers that want one)."""
        return cls(path, chroma)

    # -- writing (callers hold the WriteLock) ----------------------------
    def put_article(self, article: Article, chunks: list[Chunk], vectors: Sequence[Sequence[float]]) -> None:
        """Store an article's chunks and vectors, replacing any earlier version."""
        self.put_articles([(article, chunks, vectors)])

    def put_articles(self, batch: Sequence[tuple[Article, list[Chunk], Sequence[Sequence[float]]]],
                     retire: Iterable[str] = ()) -> list[str]:
        """Store new versions of articles and drop the `retire`d ones, atomically for readers.

        Returns the retired ids that were stored. New vectors first (unknown to
        the manifest, so invisible), then one manifest transaction, then the old
        vectors go; an interruption leaves only orphan vectors behind.
        """
        for article, chunks, vectors in batch:
            if len(chunks) != len(vectors):
                raise ValueError(f"one vector per chunk is required ({article.id})")
        retire = [a for a in dict.fromkeys(retire) if a not in {art.id for art, _, _ in batch}]
        with self.guard.swapping():  # no read of any process overlaps the vector writes
            return self._put_articles(batch, retire)

    def _put_articles(self, batch: Sequence[tuple[Article, list[Chunk], Sequence[Sequence[float]]]],
                      retire: list[str]) -> list[str]:
        old = set(self.manifest.chunk_ids_of([a.id for a, _, _ in batch] + retire))
        nodes = [self._node(a, c, v) for a, chunks, vectors in batch for c, v in zip(chunks, vectors)]
        new_ids = [n.node_id for n in nodes]
        self.mark_dirty()
        present = self._present(new_ids)  # left by an interrupted run: same id, same content
        nodes = [n for n in nodes if n.node_id not in present]
        if nodes:
            self.vector_store.add(nodes)
        try:
            removed = self.manifest.replace([(a, c) for a, c, _ in batch], retire)
        finally:  # one tantivy commit for the batch, even when interrupted right after the manifest's
            self.sync_keywords()
        # After the manifest's commit: an interruption here leaves an article ungrouped
        # until the next ingest's backfill, never grouped but absent.
        self.syndication.add_all((article.id, article.body, article.source) for article, _, _ in batch)
        for article_id in removed:
            self.syndication.remove(article_id)
        self.delete_vectors(sorted(old - set(new_ids)))
        self._saw_own_write()
        self.clear_dirty()
        return removed

    def delete_article(self, article_id: str) -> bool:
        """Remove an article from every index; True if it was there (manifest first, then vectors)."""
        with self.guard.swapping():  # no read of any process overlaps the vector delete
            self.mark_dirty()
            try:
                gone = self.manifest.delete(article_id)
            finally:
                self.sync_keywords()
            self.vector_store.delete(ref_doc_id=article_id)
            self.syndication.remove(article_id)
            self._saw_own_write()
            self.clear_dirty()
        return gone

    def delete_vectors(self, ids: Sequence[str]) -> None:
        """Delete vectors by chunk id (in pages)."""
        for at in range(0, len(ids), ID_PAGE):
            self.collection.delete(ids=list(ids[at:at + ID_PAGE]))

    def vector_ids(self) -> list[str]:
        """Every chunk id Chroma holds (orphans included)."""
        ids: list[str] = []
        while True:
            page = self.collection.get(include=[], limit=ID_PAGE, offset=len(ids))["ids"]
            ids += page
            if len(page) < ID_PAGE:
                return ids

    def _present(self, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for at in range(0, len(ids), ID_PAGE):
            found.update(self.collection.get(ids=list(ids[at:at + ID_PAGE]), include=[])["ids"])
        return found

    @property
    def is_dirty(self) -> bool:
        """True when an earlier write was interrupted and orphan vectors may exist."""
        return (self.path / DIRTY_FILE).exists()

    def mark_dirty(self) -> None:
        """Record that vectors are about to change ahead of the manifest."""
        (self.path / DIRTY_FILE).touch()

    def clear_dirty(self) -> None:
        """The vectors and the manifest agree again."""
        (self.path / DIRTY_FILE).unlink(missing_ok=True)

    def sweep_orphans(self) -> int:
        """Delete vectors whose chunk ids the manifest does not know; returns how many."""
        with self.guard.swapping():
            known = self.manifest.chunk_ids()
            orphans = [i for i in self.vector_ids() if i not in known]
            self.delete_vectors(orphans)
            self.clear_dirty()
        return len(orphans)

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

    # -- searching (index/store_search.py) --------------------------------
    def dense_search(self, vector: Sequence[float], k: int, where: StoreFilter | None = None) -> list[ChunkHit]:
        """The `k` chunks nearest to `vector` (cosine similarity as score)."""
        return self._read(lambda: self._search.dense_search(vector, k, where))

    def keyword_search(self, text: str, k: int, where: StoreFilter | None = None, *,
                       title_weight: float = TITLE_WEIGHT) -> list[ChunkHit]:
        """The `k` best BM25 matches for the content words of `text` (accent-folded; headline
        matches weigh `title_weight` times body matches)."""
        return self._read(lambda: self._search.keyword_search(text, k, where, title_weight))

    def copies_of(self, article_ids: Iterable[str]) -> dict[str, tuple[str, tuple[ArticleRef, ...]]]:
        """Syndication group and other copies of each grouped article (read under the swap guard)."""
        ids = list(article_ids)
        return self._read(lambda: self.syndication.copies_of(ids))

    def vectors(self, chunk_ids: Sequence[str]) -> dict[str, list[float]]:
        """Stored vectors by chunk id (ids Chroma does not hold are left out)."""
        def get() -> dict[str, list[float]]:
            got = self.collection.get(ids=list(chunk_ids), include=["embeddings"])
            embeddings = got.get("embeddings")
            return {} if embeddings is None else dict(zip(got["ids"], embeddings))
        if not chunk_ids:
            return {}
        try:
            return self._read(get)
        except ChromaInternalError:
            # Another process committed these chunks after this read checked the store's version:
            # Chroma's metadata has them, this process's HNSW index not yet ("Error finding id").
            self.ensure_current(force=True)
            return self._read(get)

    # -- reporting -------------------------------------------------------
    def article(self, article_id: str) -> ArticleRow | None:
        """One stored article with its body."""
        return self._read(lambda: self.manifest.article(article_id))

    def articles(self, limit: int | None = None) -> list[ArticleRow]:
        """Stored articles, newest first."""
        return self._read(lambda: self.manifest.articles(limit))

    def statements(self) -> list[StoredStatement]:
        """Every attributed statement with its article (index/statements.py), read under the swap guard."""
        return self._read(lambda: all_statements(self.manifest.db))

    def statements_of(self, article_ids: Sequence[str]) -> list[StoredStatement]:
        """The attributed statements of the articles `article_ids` names (an answer's own articles)."""
        return self._read(lambda: all_statements(self.manifest.db, article_ids))

    def find_articles(self, words: Sequence[str], offset: int, limit: int) -> tuple[int, list[ArticleRow]]:
        """(matches, one page of them newest first) for the Archive tab's search (`Manifest.find_articles`)."""
        return self._read(lambda: self.manifest.find_articles(words, offset, limit))

    def outlets(self) -> dict[str, int]:
        """Outlet -> article count, for the question parser: articles without an outlet are counted under
        "unknown" (`qa.query.UNKNOWN_OUTLET`, never offered as an outlet), so an archive of undated,
        unattributed `.txt` files is not taken for an empty one. What the app lists is `stats().sources`,
        which leaves them out."""
        def read() -> dict[str, int]:
            named, unattributed = self.manifest.outlets(), self.manifest.unattributed()
            return {**named, UNATTRIBUTED: unattributed} if unattributed else named
        return dict(self._read(lambda: self._summary("outlets", read)))

    def date_span(self) -> tuple[str | None, str | None]:
        """The first and last publication dates in the archive (None when no article is dated)."""
        return self._read(lambda: self._summary("date_span", self._date_span))

    def _date_span(self) -> tuple[str | None, str | None]:
        _, _, first, last = self.manifest.counts()
        return (first[:10] if first else None), (last[:10] if last else None)

    def stats(self) -> StoreStats:
        """Counts, outlets, date range, months, size on disk (of the folder: a server's vectors are
        not in it), where the vectors are and the embedder that wrote them."""
        return self._read(self._stats)

    def _stats(self) -> StoreStats:
        articles, chunks, first, last = self.manifest.counts()
        size = sum(_file_size(p) for p in self.path.rglob("*"))
        groups, grouped = self.syndication.counts()
        return StoreStats(articles, chunks, self.manifest.outlets(), first, last, size,
                          self.manifest.duplicate_count(), self.manifest.months(), groups, grouped,
                          self.collection.count(), self.chroma.describe(self.path), read_stamp(self.manifest.db),
                          self.manifest.unattributed())


def remove_store(path: Path, chroma: ChromaLocation = EMBEDDED) -> None:
    """Delete a store folder and the lock/guard files beside it (rebuild leftovers), and on a
    Chroma server the collection of the folder's generation."""
    path = Path(path)
    chroma.drop(path)
    shutil.rmtree(path, ignore_errors=True)
    for suffix in (".lock", ".readers", ".gate"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size if path.is_file() else 0
    except FileNotFoundError:  # a marker or journal removed while we counted
        return 0
