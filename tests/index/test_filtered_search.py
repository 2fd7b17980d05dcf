"""Dense search under a filter by post-filtering unfiltered neighbours (index/filtered_search.py)."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from index.article import Article, date_timestamp
from index.chunking import Chunk
from index.filtered_search import MAX_FETCH, MIN_FETCH, ArchiveShape, fetch_size
from index.lock import WriteLock
from index.store import ArchiveStore
from index.store_records import StoreFilter

OUTLETS = ("TASS", "BBC", "DW", "RTÉ")


def test_share_counts_dates_undated_and_outlets():
    stamps = tuple(sorted(date_timestamp(f"2017-0{m}-01") for m in (1, 2, 3, 4)))
    shape = ArchiveShape(stamps, undated=1, outlets={"TASS": 4, "BBC": 1})
    assert shape.share(StoreFilter(published_by="2017-02-15")) == pytest.approx(3 / 5)  # two dated + undated
    assert shape.share(StoreFilter(until="2017-02-15")) == pytest.approx(2 / 5)  # a range drops undated
    assert shape.share(StoreFilter(since="2017-02-01", until="2017-03-01")) == pytest.approx(2 / 5)
    assert shape.share(StoreFilter(sources=("BBC",))) == pytest.approx(1 / 5)
    assert shape.share(StoreFilter(published_by="2016-01-01", sources=("TASS",))) == pytest.approx(1 / 5 * 4 / 5)
    assert ArchiveShape((), 0).share(StoreFilter(sources=("BBC",))) == 0.0


def test_fetch_size_grows_as_the_filter_narrows_and_gives_up_when_chroma_is_cheaper():
    assert fetch_size(30, 1.0) == MIN_FETCH  # a floor: small HNSW searches miss true neighbours
    assert fetch_size(30, 0.1) <= MAX_FETCH < fetch_size(30, 0.1) * 2  # 600; at 0.05 it would be 1,200
    assert fetch_size(30, 0.1) == 600
    assert fetch_size(30, 0.01) is None  # 6,000 neighbours: filter in Chroma
    assert fetch_size(30, 0.0) is None
    assert fetch_size(30, 30 * 2 / MAX_FETCH) == MAX_FETCH


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A real store of 80 articles × 4 chunks over 80 days and four outlets, ten undated, random vectors."""
    rng = np.random.default_rng(3)
    store = ArchiveStore(tmp_path_factory.mktemp("filtered") / "store")
    batch = []
    for i in range(80):
        published = None if i % 8 == 0 else (date(2017, 1, 1) + timedelta(days=i)).isoformat()
        body = " ".join(f"Sentence {j} of article {i}." for j in range(4))
        article = Article(f"a{i:02d}", f"Headline {i}", body, f"a{i}.txt", published, OUTLETS[i % 4])
        spans, at = [], 0
        for j in range(4):
            end = body.index(".", at) + 1
            spans.append((at, end))
            at = end + 1
        chunks = [Chunk(f"{article.id}#{article.content_hash[:8]}-{n}", article.id, n, body[s:e], s, e)
                  for n, (s, e) in enumerate(spans)]
        vectors = rng.normal(size=(4, 16))
        batch.append((article, chunks, (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).tolist()))
    with WriteLock(store.path):
        store.put_articles(batch)
    yield store
    store.close()


FILTERS = [StoreFilter(published_by="2017-02-10"), StoreFilter(published_by="2017-01-05"),
           StoreFilter(since="2017-02-01"), StoreFilter(since="2017-01-20", until="2017-02-20"),
           StoreFilter(sources=("BBC",)), StoreFilter(sources=("TASS", "RTÉ"), published_by="2017-03-01"),
           StoreFilter(published_by="2017-02-10", sources=("DW",))]


@pytest.mark.parametrize("where", FILTERS, ids=str)
def test_post_filtered_search_finds_what_the_filtered_query_finds(store, where, monkeypatch):
    rng = np.random.default_rng(11)
    for _ in range(8):
        vector = rng.normal(size=16)
        vector = (vector / np.linalg.norm(vector)).tolist()
        fast = store.dense_search(vector, 10, where)
        with monkeypatch.context() as m:
            m.setattr("index.store_search.fetch_size", lambda k, share: None)  # Chroma's own filtered query
            reference = store.dense_search(vector, 10, where)
        assert [h.chunk_id for h in fast] == [h.chunk_id for h in reference]
        assert [h.score for h in fast] == pytest.approx([h.score for h in reference], abs=1e-5)


def test_the_common_case_never_asks_chroma_to_filter(store, monkeypatch):
    asked: list[object] = []
    real_query = store.collection.query
    monkeypatch.setattr(store.collection, "query", lambda **kw: asked.append(kw.get("where")) or real_query(**kw))
    hits = store.dense_search([1.0] + [0.0] * 15, 10, StoreFilter(published_by="2017-02-10"))
    assert len(hits) == 10 and all(h.ref.published is None or h.ref.published <= "2017-02-10" for h in hits)
    assert asked and all(w is None for w in asked)


def test_an_unfiltered_search_asks_the_graph_for_enough_neighbours(store, monkeypatch):
    asked: list[int] = []
    real_query = store.collection.query
    monkeypatch.setattr(store.collection, "query", lambda **kw: asked.append(kw["n_results"]) or real_query(**kw))
    assert len(store.dense_search([1.0] + [0.0] * 15, 5)) == 5
    assert asked == [MIN_FETCH]


def _passes(row, where) -> bool:
    """The filter's meaning, in Python (undated articles pass only the as-of cut-off)."""
    if where is None:
        return True
    published = row.ref.published
    if where.sources and row.ref.source not in where.sources:
        return False
    if (where.since or where.until) and published is None:
        return False
    return ((not where.since or published >= where.since) and (not where.until or published <= where.until)
            and (not where.published_by or published is None or published <= where.published_by))


def _brute_force(store, question, k, where):
    """Rank every match, then filter in Python: the slow reference a filtered keyword search must equal."""
    everything = store.keywords.search(question, 100_000)
    ids = store.manifest.chunk_ids_at([rowid for rowid, _ in everything])
    articles = {row.id: row for row in store.manifest.articles()}
    kept = [ids[rowid] for rowid, _ in everything if _passes(articles[ids[rowid].split("#")[0]], where)]
    return kept[:k]


QUESTIONS = ["sentence 3 of article 17", "article 42", "sentence 1", "article 5 article 50 sentence 2"]


@pytest.mark.parametrize("where", [None] + FILTERS, ids=str)
def test_keyword_search_under_a_filter_is_the_brute_force_ranking_filtered(store, where):
    for question in QUESTIONS:
        hits = store.keyword_search(question, 10, where)
        assert [h.chunk_id for h in hits] == _brute_force(store, question, 10, where)
        assert len(hits) == 10


def test_a_narrow_keyword_filter_fetches_more_until_k_pass(store, monkeypatch):
    where = StoreFilter(sources=("BBC",), published_by="2017-01-10")
    monkeypatch.setattr("index.store_search.OVERFETCH", 0.001)  # start from 2k rows: far too few pass
    asked: list[int] = []
    real_search = store.keywords.search
    monkeypatch.setattr(store.keywords, "search", lambda text, k, *a: asked.append(k) or real_search(text, k, *a))
    hits = store.keyword_search("sentence", 8, where)
    fetched = list(asked)
    assert [h.chunk_id for h in hits] == _brute_force(store, "sentence", 8, where)
    assert len(hits) == 8 and fetched[0] == 16 and len(fetched) > 1
    assert fetched == [16 * 2 ** n for n in range(len(fetched))]
    asked.clear()
    assert store.keyword_search("sentence", 8, StoreFilter(sources=("Nobody",))) == []
    assert asked[-1] > len(real_search("sentence", 100_000))  # matches exhausted, not looped forever
