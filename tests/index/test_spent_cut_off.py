"""An as-of cut-off on or after the archive's last date drops nothing, so searches leave it out.

Every question carries the cut-off (as of today, or the bench's last date). Kept, it made each
keyword search a filtered one (twice the rows from tantivy, a join with the articles) and added a
`published_ts` condition to every outlet's Chroma query (35 -> 11 ms p50 without it, 10k chunks).
The results must be those of the filtered searches.
"""

from __future__ import annotations

import numpy as np

from index.store import ArchiveStore
from index.store_records import StoreFilter
from tests.index.test_store_summaries import put, statements

LATE = StoreFilter(published_by="2017-06-01")


def cut_off_sql(seen: list[str]) -> list[str]:
    return [s for s in seen if "a.ts IS NULL OR a.ts <=" in s]


def fill(store: ArchiveStore, undated: bool) -> None:
    rows = [("BBC", "2017-03-01"), ("TASS", "2017-03-05"), ("BBC", "2017-04-01"), ("DW", "2017-02-01")]
    for n, (source, published) in enumerate(rows + ([("BBC", None)] if undated else []), 1):
        put(store, n, source, published, "storm")


def test_keyword_search_leaves_a_spent_cut_off_out_and_finds_the_same(tmp_path):
    store = ArchiveStore(tmp_path / "store")
    fill(store, undated=True)
    plain = [h.chunk_id for h in store.keyword_search("storm story", 3)]
    seen = statements(store, lambda: store.keyword_search("storm story", 3, LATE))
    assert cut_off_sql(seen) == []
    assert [h.chunk_id for h in store.keyword_search("storm story", 3, LATE)] == plain
    bbc = StoreFilter(sources=("BBC",))
    assert ([h.chunk_id for h in store.keyword_search("storm story", 5, StoreFilter(sources=("BBC",),
                                                                                    published_by="2017-06-01"))]
            == [h.chunk_id for h in store.keyword_search("storm story", 5, bbc)])
    early = StoreFilter(published_by="2017-03-02")  # cuts off two articles: still applied
    assert cut_off_sql(statements(store, lambda: store.keyword_search("storm story", 3, early)))
    assert {h.article_id for h in store.keyword_search("storm story", 5, early)} == {"a1", "a4", "a5"}
    store.close()


def test_an_outlets_dense_search_leaves_a_spent_cut_off_out_unless_undated_articles_need_it(tmp_path):
    query = np.full(384, 0.05, dtype=np.float32)
    by_outlet = StoreFilter(sources=("BBC",), published_by="2017-06-01")
    for undated in (False, True):
        store = ArchiveStore(tmp_path / f"store-{undated}")
        fill(store, undated)
        seen = statements(store, lambda: store.dense_search(query, 2, by_outlet))
        assert bool(cut_off_sql(seen)) == undated  # the undated BBC article is merged by the cut-off's path
        found = {h.article_id for h in store.dense_search(query, 5, by_outlet)}
        assert found == ({"a1", "a3", "a5"} if undated else {"a1", "a3"})
        ranged = StoreFilter(since="2017-03-01", published_by="2017-06-01")  # a range: undated never pass
        assert cut_off_sql(statements(store, lambda: store.dense_search(query, 2, ranged))) == []
        assert {h.article_id for h in store.dense_search(query, 5, ranged)} == {"a1", "a2", "a3"}
        store.close()
