"""Time-aware ranking and the retrieval switches: the as-of cut-off (real store on
disk), name matching, and the presets the eval's `--retriever` compares."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from index.article import ArticleRef
from index.chunking import Chunker
from index.lock import WriteLock
from index.pipeline import Indexer
from qa.settings import Settings
from index.store import KEYWORD_DIR, ArchiveStore
from index.store_records import StoreFilter
from qa.query import understand
from qa.retrieval import (NAME_WEIGHT, PRESETS, HybridRetriever, Passage, RetrievalConfig, name_coverage,
                          question_names)

ARTICLES = {  # file -> (headline, date or "", body)
    "before.txt": ("Harbour bridge opens in Portvale", "2022-06-10",
                   "The new harbour bridge in Portvale opened to traffic on Friday after four years of work."),
    "after.txt": ("Harbour bridge closes in Portvale", "2022-07-20",
                  "The harbour bridge in Portvale closed again for repairs to its cables."),
    "undated.txt": ("Harbour bridge history of Portvale", "",
                    "The harbour bridge in Portvale was first proposed by engineers decades ago."),
}


def build_store(tmp_path: Path, embedder) -> ArchiveStore:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, (title, published, body) in ARTICLES.items():
        dated = f"Date: {published}\n" if published else ""
        (docs / name).write_text(f"{title}\n{dated}\n{body}\n", encoding="utf-8")
    store = ArchiveStore(tmp_path / "store")
    settings = Settings()
    report = Indexer(store, embedder, Chunker(embedder.tokenize, settings.chunk_tokens, settings.chunk_overlap),
                     quiet=True).ingest([docs])
    assert report.failed == [] and report.added == 3
    return store


def titles(passages) -> set[str]:
    return {p.title for p in passages}


def test_as_of_cuts_later_articles_and_keeps_undated(tmp_path, fake_embedder):
    store = build_store(tmp_path, fake_embedder)
    cut = StoreFilter(published_by="2022-07-01")
    dense = store.dense_search(fake_embedder.encode(["harbour bridge Portvale"])[0], 10, cut)
    keyword = store.keyword_search("harbour bridge Portvale", 10, cut)
    for hits in (dense, keyword):
        assert {h.title for h in hits} == {"Harbour bridge opens in Portvale", "Harbour bridge history of Portvale"}
    everything = store.keyword_search("harbour bridge Portvale", 10, StoreFilter(published_by="2022-12-31"))
    assert len({h.title for h in everything}) == 3


def test_as_of_cut_off_reaches_the_hybrid_retriever(tmp_path, fake_embedder):
    store = build_store(tmp_path, fake_embedder)
    retriever = HybridRetriever(store, fake_embedder)
    for as_of, expected_after in ((date(2022, 7, 1), False), (date(2022, 7, 20), True)):
        query = understand("harbour bridge Portvale", outlets=list(store.outlets()), as_of=as_of, k=10)
        got = titles(retriever.retrieve(query))
        assert ("Harbour bridge closes in Portvale" in got) is expected_after
        assert "Harbour bridge history of Portvale" in got  # undated stays eligible


def test_until_still_drops_undated_but_as_of_does_not(tmp_path, fake_embedder):
    store = build_store(tmp_path, fake_embedder)
    hits = store.keyword_search("harbour bridge", 10, StoreFilter(until="2022-07-01", published_by="2022-07-01"))
    assert {h.title for h in hits} == {"Harbour bridge opens in Portvale"}


def test_question_dates_switch_drops_only_dates_read_from_the_question(fake_embedder, tmp_path):
    store = build_store(tmp_path, fake_embedder)
    query = understand("What happened to the bridge in July 2022?", outlets=list(store.outlets()),
                       as_of=date(2022, 9, 1), span=("2022-06-10", "2022-07-20"))
    assert query.dates_from_question and query.since == "2022-07-01"
    assert query.store_filter(question_dates=False) == StoreFilter(published_by="2022-09-01")
    given = understand("bridge", outlets=list(store.outlets()), as_of=date(2022, 9, 1), since="2022-07-01")
    assert not given.dates_from_question
    assert given.store_filter(question_dates=False).since == "2022-07-01"  # explicit filters always apply


# -- names ------------------------------------------------------------------------
def test_question_names_fold_accents_and_strip_possessives():
    names = question_names("What did Recep Tayyip Erdoğan's government say about Kurdistan?")
    assert ["recep", "tayyip", "erdogan"] in names and ["kurdistan"] in names
    assert all(w not in ("what", "did") for name in names for w in name)


def test_name_coverage_counts_each_names_words():
    names = question_names("Did Erdogan visit Kurdistan?")
    assert name_coverage(names, "President Erdoğan’s visit to Kurdistan") == 1.0
    assert name_coverage(names, "A visit to Kurdistan") == 0.5
    assert name_coverage(names, "Nothing relevant") == 0.0
    assert name_coverage([], "Erdogan") == 0.0


class TwoPassageStore:
    """Two chunks the fused ranking cannot tell apart: the same rank in both lists' mirror image."""

    def __init__(self, embedder) -> None:
        self.texts = {"x#0": "The minister visited the flooded region on Monday",
                      "y#0": "Minister Okonkwo visited the flooded region on Monday"}
        self.stored = dict(zip(self.texts, embedder.encode(list(self.texts.values()))))

    def vectors(self, chunk_ids):
        return {i: self.stored[i] for i in chunk_ids}

    def copies_of(self, article_ids):
        return {}  # no syndicated copies here

    def date_span(self):
        return ("2022-01-01", "2022-01-01")  # one day: no question here is about current events

    def _hits(self, order):
        from index.store_records import ChunkHit
        return [ChunkHit(c, ArticleRef(c[0], f"headline {c[0]}", "S", "2022-01-01", None),
                         self.texts[c], 0, len(self.texts[c]), 1.0) for c in order]

    def dense_search(self, vector, k, where=None):
        return self._hits(["x#0", "y#0"])

    def keyword_search(self, text, k, where=None, **kw):
        return self._hits(["y#0", "x#0"])


def test_passage_naming_the_question_names_outranks_an_equal_one(fake_embedder):
    store = TwoPassageStore(fake_embedder)
    query = understand("Which region did Okonkwo visit?", outlets=["S"], as_of=date(2022, 2, 1), k=2)
    plain = HybridRetriever(store, fake_embedder, config=PRESETS["rrf"]).retrieve(query)
    assert [p.article_id for p in plain] == ["x", "y"]  # a tie: the first list's order wins
    # the product's fusion plus names, with the keyword ranking's weight of the plain fusion
    config = RetrievalConfig(names=True, keyword_weight=1.0)
    named = HybridRetriever(store, fake_embedder, config=config).retrieve(query)
    assert [p.article_id for p in named] == ["y", "x"]
    assert named[0].score - plain[0].score == pytest.approx(NAME_WEIGHT)


def test_presets_switch_searches_and_additions(fake_embedder):
    assert not PRESETS["dense"].keyword and not PRESETS["keyword"].dense
    assert PRESETS["rrf"].per_article is None and not PRESETS["rrf"].title_weight
    assert PRESETS["newsdesk"] == RetrievalConfig()
    with pytest.raises(ValueError):
        RetrievalConfig(dense=False, keyword=False)
    store = TwoPassageStore(fake_embedder)
    query = understand("minister region", outlets=["S"], as_of=date(2022, 2, 1), k=2)
    only_keyword = HybridRetriever(store, fake_embedder, config=PRESETS["keyword"]).retrieve(query)
    assert [p.article_id for p in only_keyword] == ["y", "x"]
    assert all(p.dense_rank is None for p in only_keyword)


# -- headline field -------------------------------------------------------------------
def test_headline_match_outweighs_the_same_words_in_body_text(tmp_path, fake_embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "head.txt").write_text("Volcano erupts near Portvale\nDate: 2022-05-01\n\nAsh covered the roads and "
                                   "farms for miles around the town on Sunday morning.\n", encoding="utf-8")
    (docs / "body.txt").write_text("Farm prices rise in the region\nDate: 2022-05-01\n\nA volcano near Portvale "
                                   "was mentioned by farmers as prices rose on Sunday morning.\n", encoding="utf-8")
    store = ArchiveStore(tmp_path / "store")
    s = Settings()
    Indexer(store, fake_embedder, Chunker(fake_embedder.tokenize, s.chunk_tokens, s.chunk_overlap),
            quiet=True).ingest([docs])
    weighted = store.keyword_search("volcano Portvale", 2)
    assert weighted[0].title == "Volcano erupts near Portvale"
    assert weighted[0].score > weighted[1].score
    equal = store.keyword_search("volcano Portvale", 2, title_weight=1.0)
    assert weighted[0].score / weighted[1].score > equal[0].score / equal[1].score  # the weight is what moved it
    # the headline is searchable on its own: a word only it holds finds its article
    assert [h.title for h in store.keyword_search("erupts", 5)] == ["Volcano erupts near Portvale"]


def test_a_store_made_before_the_tantivy_index_is_migrated_in_place(tmp_path, fake_embedder):
    store = build_store(tmp_path, fake_embedder)
    store.manifest.db.executescript("DROP TRIGGER keyword_pending_ai; DROP TRIGGER keyword_pending_ad; "
                                    "DROP TABLE keyword_pending;")  # what an older store looks like
    store.close()
    shutil.rmtree(tmp_path / "store" / KEYWORD_DIR)
    reopened = ArchiveStore(tmp_path / "store")
    (chunks,) = reopened.manifest.db.execute("SELECT count(*) FROM chunks").fetchone()
    assert chunks == reopened.keywords.count() == 3
    hits = reopened.keyword_search("harbour bridge history", 3)
    assert hits and hits[0].title == "Harbour bridge history of Portvale"
    with WriteLock(reopened.path):
        reopened.delete_article(hits[0].article_id)  # deletes keep the new index in step
    assert reopened.keywords.count() == 2
