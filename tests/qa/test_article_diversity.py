"""Per-article diversity of the fused ranking (qa/article_diversity.py) and its `--retriever`
switch: unit tests on passages, then the product's retriever over a real store on disk
(fake embedder)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from index.article import ArticleRef
from index.chunking import Chunker
from index.pipeline import Indexer
from index.store import ArchiveStore
from qa.article_diversity import diversify
from qa.query import understand
from qa.retrieval import HybridRetriever, Passage
from qa.retrieval_config import RetrievalConfig, parse_retriever


def passage(article: str, n: int, score: float) -> Passage:
    ref = ArticleRef(article_id=article, title=f"title {article}", published="2022-06-01", source="X", url=None)
    return Passage(chunk_id=f"{article}#{n}", ref=ref, text=f"{article} chunk {n}", start=0, end=1, score=score)


def ids(passages) -> list[str]:
    return [p.chunk_id for p in passages]


def test_near_tie_goes_to_the_other_article():
    ranked = [passage("a", 0, 0.050), passage("a", 1, 0.049), passage("b", 0, 0.048)]
    got = diversify(ranked, 0.95)
    assert ids(got) == ["a#0", "b#0", "a#1"]  # a's second chunk counts 0.049 * 0.95 < 0.048
    assert got[2].score == pytest.approx(0.049 * 0.95) and got[0].score == 0.050


def test_a_clear_lead_keeps_its_place():
    ranked = [passage("a", 0, 0.050), passage("a", 1, 0.045), passage("b", 0, 0.030)]
    assert ids(diversify(ranked, 0.95)) == ["a#0", "a#1", "b#0"]


def test_third_chunk_pays_twice_and_scores_stay_sorted():
    ranked = [passage("a", 0, 0.050), passage("a", 1, 0.048), passage("a", 2, 0.047), passage("b", 0, 0.044),
              passage("c", 0, 0.020)]
    got = diversify(ranked, 0.95)
    # a#2 counts 0.047 * 0.95^2 = 0.0424 < b's 0.044; a#1 counts 0.0456 > 0.044
    assert ids(got) == ["a#0", "a#1", "b#0", "a#2", "c#0"]
    assert [p.score for p in got] == sorted((p.score for p in got), reverse=True)
    assert sorted(ids(got)) == sorted(ids(ranked))  # nothing lost, nothing added


def test_decay_one_keeps_order_and_ties_keep_incoming_order():
    ranked = [passage("a", 0, 0.05), passage("a", 1, 0.04), passage("b", 0, 0.04), passage("c", 0, 0.04)]
    assert diversify(ranked, 1.0) == ranked
    tied = [passage("b", 0, 0.04), passage("c", 0, 0.04)]
    assert ids(diversify(tied, 0.95)) == ["b#0", "c#0"]
    assert diversify([], 0.95) == []


@pytest.mark.parametrize("decay", [0.0, -0.5, 1.5])
def test_decay_outside_zero_one_is_refused(decay):
    with pytest.raises(ValueError, match="decay"):
        diversify([passage("a", 0, 0.05)], decay)


def test_switch_spelling():
    assert parse_retriever("newsdesk+diverse").diversity is True
    assert parse_retriever("newsdesk-diverse").diversity is False
    assert parse_retriever("rrf").diversity is False  # the plain baselines stay plain
    assert parse_retriever("newsdesk+diverse+kw=3").keyword_weight == 3.0
    with pytest.raises(ValueError):
        RetrievalConfig(diversity_decay=0.0)


# -- the retriever over a real store on disk ------------------------------------------------------
LONG_TITLE = "Kelvale river festival regatta"
OTHER_TITLES = ("Kelvale regatta winner", "Festival boats in Kelvale")
LONG = ("The river festival in Kelvale drew boats from every town on the coast. " * 3).strip()


def build(tmp_path: Path, embedder) -> ArchiveStore:
    docs = tmp_path / "docs"
    docs.mkdir()
    # One long article whose many chunks all match the question, and two short ones that match it a little less.
    body = "\n\n".join(f"Part {i}. The Kelvale river festival regatta results, heat {i}: {LONG}" for i in range(12))
    (docs / "long.txt").write_text(f"Kelvale river festival regatta\nDate: 2022-06-01\n\n{body}\n", encoding="utf-8")
    (docs / "other1.txt").write_text("Kelvale regatta winner\nDate: 2022-06-02\n\nThe Kelvale river regatta was "
                                     "won by the crew from Dunmore, who finished ahead of twelve boats.\n",
                                     encoding="utf-8")
    (docs / "other2.txt").write_text("Festival boats in Kelvale\nDate: 2022-06-03\n\nThe Kelvale festival boats "
                                     "were judged by the harbour master, Ann Colley.\n", encoding="utf-8")
    store = ArchiveStore(tmp_path / "store")
    report = Indexer(store, embedder, Chunker(embedder.tokenize, 60, 0), quiet=True).ingest([docs])
    assert report.failed == [] and report.added == 3
    return store


def test_diverse_retriever_brings_other_articles_up(tmp_path, fake_embedder):
    store = build(tmp_path, fake_embedder)
    assert store.stats().chunks >= 10
    query = understand("Kelvale river festival regatta", outlets=list(store.outlets()), as_of=date(2022, 7, 1), k=10)
    plain = HybridRetriever(store, fake_embedder, config=parse_retriever("newsdesk-diverse")).retrieve(query)
    diverse = HybridRetriever(store, fake_embedder, config=parse_retriever("newsdesk+diverse")).retrieve(query)

    # Plain fusion: the long article's 12 chunks fill the top 10. With the switch its 4th chunk counts
    # 0.95^3 of its score and the other two articles come in.
    assert {p.title for p in plain} == {LONG_TITLE}, [p.title for p in plain]
    assert set(OTHER_TITLES) <= {p.title for p in diverse[:5]}
    assert [p.score for p in diverse] == sorted((p.score for p in diverse), reverse=True)
    assert diverse[0] == plain[0]  # the best passage stays first, its score untouched
