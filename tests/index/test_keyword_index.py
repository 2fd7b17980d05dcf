"""The tantivy keyword index on its own (index/keyword_index.py)."""

from __future__ import annotations

import pytest

from index.keyword_index import KeywordIndex, query_words
from index.text import fold


def _text(title: str, body: str) -> str:
    """A manifest `search_text`: folded headline, newline, folded body."""
    return f"{fold(title)}\n{fold(body)}"


@pytest.fixture
def index(tmp_path):
    index = KeywordIndex(tmp_path / "keywords")
    index.apply((), [(1, _text("Ferry strike ends", "The ferry crews went back to work on Monday.")),
                     (2, _text("Budget vote", "Parliament passed the budget; the ferry subsidy stays.")),
                     (3, _text("Ankara talks", "Ahmet Davutoğlu met the envoy in Ankara."))])
    return index


def test_a_folder_without_an_index_finds_nothing_and_is_not_created_by_reading(tmp_path):
    index = KeywordIndex(tmp_path / "keywords")
    assert not index.exists and index.count() == 0
    assert index.search("ferry", 5) == []
    assert not (tmp_path / "keywords").exists()


def test_added_chunks_are_found_by_rowid_best_first(index):
    assert index.count() == 3
    hits = index.search("ferry strike", 5)
    assert [rowid for rowid, _ in hits] == [1, 2]
    assert hits[0][1] > hits[1][1] > 0


def test_a_deleted_chunk_is_gone_and_a_rowid_added_again_holds_only_its_new_text(index):
    index.apply([2], [])
    assert index.count() == 2 and [r for r, _ in index.search("budget", 5)] == []
    index.apply([1], [(1, _text("Harbour reopens", "Ships sail again."))])
    assert index.count() == 2
    assert index.search("ferry", 5) == []
    assert [r for r, _ in index.search("harbour", 5)] == [1]


def test_applying_the_same_change_twice_leaves_one_document(index):
    change = ([3], [(3, _text("Ankara talks", "Davutoglu met the envoy again."))])
    index.apply(*change)
    index.apply(*change)
    assert index.count() == 3 and len(index.search("envoy", 5)) == 1


def test_a_headline_match_weighs_title_weight_times_a_body_match(tmp_path):
    index = KeywordIndex(tmp_path / "keywords")
    same = "volcano eruption ash cloud over the island village"
    index.apply((), [(1, _text("Island news", same)), (2, _text("Volcano news", same.replace("volcano", "lava")))])
    assert [r for r, _ in index.search("volcano", 2)] == [2, 1]  # the headline's one match beats the body's
    weighted, plain = index.search("volcano", 2), index.search("volcano", 2, title_weight=1.0)
    assert dict(weighted)[2] > dict(plain)[2]
    with pytest.raises(ValueError, match="title_weight"):
        index.search("volcano", 2, title_weight=0.1)


def test_a_headline_match_adds_to_the_term_frequency_like_fts5_not_a_second_idf(tmp_path):
    # FTS5's bm25(2.0, 1.0) counts a headline match as two more occurrences in one document; the
    # first tantivy version boosted a separate title field, which made one headline match outweigh
    # three body matches. Here the body saying "quake" three times must beat a headline saying it once.
    index = KeywordIndex(tmp_path / "keywords")
    filler = " ".join(f"word{i}" for i in range(30))
    index.apply((), [(1, _text("Quake hits coast", f"{filler} damage reported")),
                     (2, _text("Coast news", f"quake {filler} quake damage quake reported")),
                     *[(n, _text(f"Other {n}", f"{filler} nothing here")) for n in range(3, 20)]])
    assert [r for r, _ in index.search("quake", 2)] == [2, 1]


def test_an_index_of_an_older_layout_counts_as_absent_and_is_rebuilt_by_the_writer(tmp_path):
    import tantivy
    folder = tmp_path / "keywords"
    folder.mkdir()
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("rowid", stored=True, indexed=True, fast=True)
    builder.add_text_field("title")
    tantivy.Index(builder.build(), path=str(folder), reuse=True)
    index = KeywordIndex(folder)
    assert not index.exists and index.search("ferry", 5) == []
    index.apply((), [(1, _text("Ferry strike ends", "Crews back at work."))], everything=True)
    assert index.exists and [r for r, _ in index.search("ferry", 5)] == [1]


def test_accents_fold_both_ways(index):
    assert [r for r, _ in index.search("Davutoglu", 5)] == [3]
    assert [r for r, _ in index.search("Davutoğlu", 5)] == [3]


@pytest.mark.parametrize("question", ["What's the ferry's fate?", "ferry: strike", 'the "ferry" title:strike',
                                      "ferry AND OR NOT strike*", "(ferry) [strike] {ends} -ferry +strike ~2 ^3",
                                      "ferry\\strike'", "ferry_strike"])
def test_punctuation_in_a_question_never_breaks_the_query(index, question):
    assert [r for r, _ in index.search(question, 5)][:1] == [1]


@pytest.mark.parametrize("question", ["Has the crew worked?", "striking ferries"])
def test_a_word_finds_the_other_forms_of_its_stem(index, question):
    # blind s57-10: "estimate" found no passage writing "estimates" before the index stemmed its words
    assert [r for r, _ in index.search(question, 5)][:1] == [1]


def test_the_stemmed_layout_replaces_an_unstemmed_index_of_the_same_fields(tmp_path):
    import tantivy
    folder = tmp_path / "keywords"
    folder.mkdir()
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("rowid", stored=True, indexed=True, fast=True)
    for field in ("plain", "weighted"):
        builder.add_text_field(field, index_option="freq")  # the layout before stemming
    tantivy.Index(builder.build(), path=str(folder), reuse=True)
    index = KeywordIndex(folder)
    assert not index.exists  # counted as absent, so the writer rebuilds it from the manifest
    index.apply((), [(1, _text("Ferry strike ends", "Crews back at work."))], everything=True)
    assert [r for r, _ in index.search("strikes", 5)] == [1]


def test_a_question_without_content_words_finds_nothing(index):
    assert query_words("What is it?") == []
    assert index.search("What is it?", 5) == [] and index.search("", 5) == [] and index.search("?!:'\"", 5) == []


def test_equal_scores_come_in_rowid_order_across_the_cut(tmp_path):
    index = KeywordIndex(tmp_path / "keywords")
    index.apply((), [(rowid, _text("Same", "the same storm text")) for rowid in (40, 7, 23, 5, 31, 12)])
    assert [r for r, _ in index.search("storm", 3)] == [5, 7, 12]
    assert [r for r, _ in index.search("storm", 6)] == [5, 7, 12, 23, 31, 40]


def test_a_reader_sees_a_writers_commit_after_reload(index):
    reader = KeywordIndex(index.folder)
    index.apply((), [(9, _text("Late news", "A late ferry."))])
    index.apply([2], [])
    reader.reload()
    assert reader.count() == 3 and {r for r, _ in reader.search("ferry", 5)} == {1, 9}
