"""Each retriever's head kept in the fused top k (qa/ranking_heads.py) and its `--retriever`
switches: unit tests on passages, then the product's retriever over a real store on disk
(fake embedder)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from index.article import ArticleRef
from index.chunking import Chunker
from index.pipeline import Indexer
from index.store import ArchiveStore
from qa.query import understand
from qa.ranking_heads import keep_heads
from qa.retrieval import HybridRetriever, Passage
from qa.retrieval_config import RetrievalConfig, parse_retriever


def passage(name: str, score: float, keyword_rank: int | None = None) -> Passage:
    ref = ArticleRef(article_id=name, title=f"title {name}", published="2022-06-01", source="X", url=None)
    return Passage(chunk_id=name, ref=ref, text=f"{name} text", start=0, end=1, score=score,
                   keyword_rank=keyword_rank)


def ids(passages) -> list[str]:
    return [p.chunk_id for p in passages]


def is_kw_top(n: int):
    return lambda p: p.keyword_rank is not None and p.keyword_rank <= n


def test_head_item_below_k_takes_the_last_slot():
    ranked = [passage("a", 0.05), passage("b", 0.04), passage("c", 0.03), passage("d", 0.02, keyword_rank=2)]
    got = keep_heads(ranked, is_kw_top(3), 3)
    assert ids(got) == ["a", "b", "d", "c"]
    assert got[2].score == 0.03  # the displaced item's score, so the list stays sorted
    assert [p.score for p in got] == sorted((p.score for p in got), reverse=True)


def test_two_head_items_take_the_last_two_slots_in_fused_order():
    ranked = [passage("a", 0.05), passage("b", 0.04), passage("c", 0.03), passage("d", 0.02, keyword_rank=3),
              passage("e", 0.01, keyword_rank=1)]
    assert ids(keep_heads(ranked, is_kw_top(3), 3)) == ["a", "d", "e", "b", "c"]


def test_head_already_inside_k_leaves_the_order_alone():
    ranked = [passage("a", 0.05, keyword_rank=1), passage("b", 0.04), passage("c", 0.03, keyword_rank=2),
              passage("d", 0.02)]
    assert keep_heads(ranked, is_kw_top(3), 3) == ranked
    assert keep_heads(ranked, lambda p: False, 2) == ranked
    assert keep_heads([], is_kw_top(3), 10) == []


def test_nothing_added_or_lost_and_k_must_be_positive():
    ranked = [passage(str(i), 1.0 - i / 100, keyword_rank=(i if i % 4 == 0 else None)) for i in range(1, 30)]
    got = keep_heads(ranked, is_kw_top(12), 5)
    assert sorted(ids(got)) == sorted(ids(ranked))
    assert {"4", "8", "12"} <= set(ids(got[:5]))
    with pytest.raises(ValueError, match="k"):
        keep_heads(ranked, is_kw_top(3), 0)


def test_switch_spelling():
    assert parse_retriever("newsdesk+kw-head=3").keyword_head == 3
    both = parse_retriever("newsdesk+kw-head=3+dense-head=2+kw=3+diverse")
    assert (both.keyword_head, both.dense_head, both.keyword_weight, both.diversity) == (3, 2, 3.0, True)
    assert parse_retriever("newsdesk").keyword_head == 0 and parse_retriever("newsdesk").dense_head == 0
    assert parse_retriever("rrf").keyword_head == 0  # the plain baselines stay plain
    with pytest.raises(ValueError, match="head"):
        RetrievalConfig(keyword_head=-1)


# -- the retriever over a real store on disk ------------------------------------------------------
WINNER_TITLE = "Harbour notes"
QUESTION = "Which crew won the Kelvale regatta, Dunmore?"


def build(tmp_path: Path, embedder) -> ArchiveStore:
    """A long article whose ~40 chunks all resemble the question, and one notice among many others
    that holds the answer: keyword search ranks it first (the rare "Dunmore"), the dense search
    ranks it below its top 30 (most of its words are about something else)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    body = "\n\n".join(f"Part {i}. The Kelvale regatta crew results, heat {i}: boats of the Kelvale regatta crew "
                       "raced on the river." for i in range(120))
    (docs / "long.txt").write_text(f"Kelvale regatta heats\nDate: 2022-06-01\n\n{body}\n", encoding="utf-8")
    (docs / "winner.txt").write_text(
        f"{WINNER_TITLE}\nDate: 2022-06-02\n\nAmong many notices this week about parking, tides, ferries, fishing "
        "permits, the library, road works, school terms, bins, lighthouse tours, choir practice, allotments, bus "
        "timetables, a lost dog, church bells, beach huts, the council budget and the market, the Dunmore crew "
        "won the Kelvale regatta.\n", encoding="utf-8")
    store = ArchiveStore(tmp_path / "store")
    report = Indexer(store, embedder, Chunker(embedder.tokenize, 60, 0), quiet=True).ingest([docs])
    assert report.failed == [] and report.added == 2
    return store


def test_keyword_head_keeps_the_answer_in_the_top_10(tmp_path, fake_embedder):
    store = build(tmp_path, fake_embedder)
    query = understand(QUESTION, outlets=list(store.outlets()), as_of=date(2022, 7, 1), k=10)
    plain = HybridRetriever(store, fake_embedder, config=parse_retriever("newsdesk")).retrieve(query)
    kept = HybridRetriever(store, fake_embedder, config=parse_retriever("newsdesk+kw-head=3")).retrieve(query)
    keyword = HybridRetriever(store, fake_embedder, config=parse_retriever("keyword")).retrieve(query)

    assert keyword[0].title == WINNER_TITLE  # keyword search's first pick …
    assert WINNER_TITLE not in {p.title for p in plain}  # … voted out of the fused top 10 by the dense half
    assert [p.title for p in kept].index(WINNER_TITLE) == 9 and "Dunmore" in kept[9].text
    assert ids(kept[:9]) == ids(plain[:9])  # the rest of the fused order is untouched
    assert [p.score for p in kept] == sorted((p.score for p in kept), reverse=True)
