"""Outlet, date and author given at ingest for files that lack them (issue 11, item 4), the headlines
an ingest reports, its in-file progress, and undated/unattributed articles never counted as an outlet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.chunking import Chunker
from index.defaults import ArticleDefaults, BadDefault
from index.pipeline import ARTICLE_STEP, Indexer
from index.store import ArchiveStore

SAMPLE = ("Turkey and Russia hold talks in Moscow\n\nFeridun Sinirlioğlu held talks with Russian officials in "
          "Moscow on Oct. 1 about the situation in Syria, the ministry said.")


def make_indexer(store_dir: Path, embedder) -> Indexer:
    return Indexer(ArchiveStore(store_dir), embedder, Chunker(embedder.tokenize, chunk_tokens=64, overlap=8),
                   quiet=True)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


HURRIYET = ArticleDefaults.parse("Hürriyet Daily News", "2015-10-03", "Staff writer")


def test_defaults_fill_a_bare_text_file(tmp_path, fake_embedder):
    path = write(tmp_path / "docs", "talks.txt", SAMPLE)
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    report = indexer.ingest([path], defaults=HURRIYET)
    assert report.added == 1 and report.added_titles == ["Turkey and Russia hold talks in Moscow"]
    row = indexer.store.articles()[0]
    assert (row.source, row.published, row.author) == ("Hürriyet Daily News", "2015-10-03", "Staff writer")
    stats = indexer.store.stats()
    assert stats.sources == {"Hürriyet Daily News": 1} and stats.first_date == "2015-10-03"


def test_a_files_own_metadata_wins(tmp_path, fake_embedder):
    own = write(tmp_path / "docs", "own.txt", "Budget passed\nDate: 2017-02-01\nSource: RTÉ\n\n"
                                              "The Irish parliament passed the budget after a long debate.")
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    indexer.ingest([own], defaults=HURRIYET)
    row = indexer.store.articles()[0]
    assert (row.source, row.published, row.author) == ("RTÉ", "2017-02-01", "Staff writer")


def test_defaults_survive_a_plain_reingest_and_a_rebuild(tmp_path, fake_embedder):
    path = write(tmp_path / "docs", "talks.txt", SAMPLE)
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    indexer.ingest([path], defaults=HURRIYET)
    again = indexer.ingest([tmp_path / "docs"])  # no options this time: nothing indexed is lost
    assert (again.unchanged, again.updated) == (1, 0)
    assert indexer.store.articles()[0].source == "Hürriyet Daily News"
    indexer.rebuild()
    row = indexer.store.articles()[0]
    assert (row.source, row.published) == ("Hürriyet Daily News", "2015-10-03")


def test_new_defaults_update_the_article(tmp_path, fake_embedder):
    path = write(tmp_path / "docs", "talks.txt", SAMPLE)
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    indexer.ingest([path])
    report = indexer.ingest([path], defaults=ArticleDefaults.parse(published="2015-10-03"))
    assert report.updated_titles == ["Turkey and Russia hold talks in Moscow"] and report.added_titles == []
    assert indexer.store.articles()[0].published == "2015-10-03"
    assert len(indexer.store.articles()) == 1  # same id: the date does not make a second article


@pytest.mark.parametrize("bad", ["3 Oct 2015", "2015-13-01", "2015-02-30", "yesterday"])
def test_a_bad_date_is_one_clear_error(bad):
    with pytest.raises(BadDefault) as err:
        ArticleDefaults.parse("X", bad)
    assert bad in str(err.value) and "2015-10-03" in str(err.value) and "\n" not in str(err.value)


def test_undated_unattributed_articles_are_not_an_outlet(tmp_path, fake_embedder):
    docs = tmp_path / "docs"
    write(docs, "bare.txt", SAMPLE)
    write(docs, "rte.txt", "Budget passed\nSource: RTÉ\n\nThe Irish parliament passed the budget.")
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    indexer.ingest([docs])
    stats = indexer.store.stats()
    assert stats.sources == {"RTÉ": 1} and stats.unattributed == 1 and stats.articles == 2
    # The question parser still sees the archive as non-empty (it never offers "unknown" as an outlet).
    assert indexer.store.outlets() == {"RTÉ": 1, "unknown": 1}
    assert stats.first_date is None  # undated stays undated


def test_progress_inside_a_big_file(tmp_path, fake_embedder):
    lines = [json.dumps({"title": f"Story {i}", "text": f"Body of story number {i} about the harbour bridge."})
             for i in range(60)]
    path = write(tmp_path / "docs", "big.jsonl", "\n".join(lines) + "\n")
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    seen = []
    report = indexer.ingest([path], article_progress=lambda done, total, name, n: seen.append((done, total, n)))
    assert report.added == 60 and len(report.added_titles) == 60
    assert seen[0] == (0, 1, 0) and (0, 1, ARTICLE_STEP) in seen and (0, 1, 2 * ARTICLE_STEP) in seen
