"""Archive-wide summaries (outlets, date span, undated ids) are read once per store version, not per question.

At scale each was a scan of the articles table on every question (`NewsQA.retrieve`
reads outlets and the date span; the as-of cut-off reads the undated ids), and the
cut-off turned every dense search into a filtered Chroma query even when no article
is dated after it.
"""

from __future__ import annotations

import numpy as np

from index.article import Article
from index.chunking import Chunk
from index.lock import WriteLock
from index.store import ArchiveStore
from index.store_records import StoreFilter


def put(store: ArchiveStore, n: int, source: str | None, published: str | None, word: str) -> None:
    article = Article(id=f"a{n}", title=f"Story {n} {word}", body=f"The {word} story number {n}.", path="x.jsonl",
                      published=published, source=source)
    vector = np.zeros(384, dtype=np.float32)
    vector[n] = 1.0
    with WriteLock(store.path):
        store.put_article(article, [Chunk(f"a{n}#c-0", article.id, 0, article.body, 0, len(article.body))], [vector])


def statements(store: ArchiveStore, fn) -> list[str]:
    """The SQL statements the manifest ran while `fn` ran."""
    seen: list[str] = []
    store.manifest.db.set_trace_callback(seen.append)
    try:
        fn()
    finally:
        store.manifest.db.set_trace_callback(None)
    return seen


def article_scans(store: ArchiveStore, fn) -> list[str]:
    return [s for s in statements(store, fn) if "FROM articles" in s and "IN (" not in s]


def test_outlets_and_date_span_are_read_once_per_version_and_follow_writes(tmp_path):
    store = ArchiveStore(tmp_path / "store")
    put(store, 1, "BBC", "2017-03-01", "storm")
    put(store, 2, "TASS", "2017-03-05", "harbour")
    assert store.outlets() == {"BBC": 1, "TASS": 1} and store.date_span() == ("2017-03-01", "2017-03-05")
    assert article_scans(store, lambda: (store.outlets(), store.date_span(), store.outlets())) == []
    put(store, 3, "CNN", "2017-04-01", "river")  # this process's write
    assert store.outlets()["CNN"] == 1 and store.date_span()[1] == "2017-04-01"
    other = ArchiveStore(tmp_path / "store")  # another writer's commit is seen too
    put(other, 4, "DW", "2017-05-01", "market")
    assert store.outlets()["DW"] == 1 and store.date_span()[1] == "2017-05-01"
    other.close()
    store.close()


def test_an_as_of_cut_off_after_the_last_date_searches_unfiltered_and_an_earlier_one_still_cuts(tmp_path):
    store = ArchiveStore(tmp_path / "store")
    for n, (source, published) in enumerate([("BBC", "2017-03-01"), ("TASS", "2017-03-05"), ("DW", None)], 1):
        put(store, n, source, published, "storm")
    query = np.full(384, 0.05, dtype=np.float32)
    plain = [h.chunk_id for h in store.dense_search(query, 5)]
    filtered: list[object] = []
    original = store._search._dense_query
    store._search._dense_query = lambda vector, k, filters: filtered.append(filters) or original(vector, k, filters)
    late = [h.chunk_id for h in store.dense_search(query, 5, StoreFilter(published_by="2017-06-01"))]
    assert sorted(late) == sorted(plain) and filtered == []  # one unfiltered query, nothing dropped
    early = {h.chunk_id for h in store.dense_search(query, 5, StoreFilter(published_by="2017-03-02"))}
    assert early == {"a1#c-0", "a3#c-0"}  # the 5 March article is cut off, the undated one kept
    assert article_scans(store, lambda: store.dense_search(query, 5, StoreFilter(published_by="2017-03-02"))) == []
    store.close()


def test_the_vector_count_is_read_once_per_version_and_an_empty_store_still_finds_nothing(tmp_path):
    store = ArchiveStore(tmp_path / "store")
    query = np.full(384, 0.05, dtype=np.float32)
    assert store.dense_search(query, 5) == []
    counted: list[int] = []
    original = store.collection.count
    store.collection.count = lambda: counted.append(1) or original()
    assert store.dense_search(query, 5) == [] and counted == []  # the empty store's count, kept
    put(store, 1, "BBC", "2017-03-01", "storm")  # a write: a new version, the count read again
    assert [h.chunk_id for h in store.dense_search(query, 5)] == ["a1#c-0"]
    assert [h.chunk_id for h in store.dense_search(query, 5, StoreFilter(sources=("BBC",)))] == ["a1#c-0"]
    assert counted == [1]
    store.close()
