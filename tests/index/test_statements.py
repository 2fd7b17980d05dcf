"""Attributed statements recorded in the manifest at ingest, and stores from before the table (index/statements.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from index.chunking import Chunker
from index.pipeline import Indexer
from index.store import ArchiveStore

SAMPLE = ("Anti-ISIL coalition slams Russia\nDate: 2015-10-02\nSource: Hurriyet Daily News\n\n"
          "Turkish Prime Minister Ahmet Davutoğlu accused Russia on Oct. 2 of targeting moderate rebels.\n\n"
          "“The outcome is very worrisome,” Davutoğlu was quoted as saying in several Turkish dailies.\n\n"
          "Russia does not consider the Free Syrian Army a terrorist group, Lavrov said Oct. 1.\n")
STORM = "Storm hits coast\n\nA winter storm closed schools along the coast of Maine on Tuesday.\n"


def make_indexer(store_dir: Path, embedder) -> Indexer:
    return Indexer(ArchiveStore(store_dir), embedder, Chunker(embedder.tokenize, chunk_tokens=64, overlap=8),
                   quiet=True)


def rows(store_dir: Path) -> list[tuple]:
    with sqlite3.connect(store_dir / "manifest.sqlite") as db:
        return db.execute("SELECT name, kind, start, \"end\" FROM statements ORDER BY start").fetchall()


def test_ingest_records_statements_and_remove_forgets_them(tmp_path, fake_embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "sample.txt").write_text(SAMPLE, encoding="utf-8")
    (docs / "storm.txt").write_text(STORM, encoding="utf-8")
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    indexer.ingest([docs])
    stored = indexer.store.statements()
    # the accusation "of targeting moderate rebels" is a statement (a verb of judging; issue 14, round 4)
    assert [(s.statement.name, s.statement.kind) for s in stored] == [("Ahmet Davutoğlu", "reported"),
                                                                      ("Ahmet Davutoğlu", "quote"),
                                                                      ("Lavrov", "reported")]
    body = indexer.store.article(stored[1].ref.article_id).body
    assert body[stored[1].statement.start:stored[1].statement.end] == "The outcome is very worrisome"
    assert stored[0].ref.published == "2015-10-02" and stored[0].ref.source == "Hurriyet Daily News"
    assert len(rows(tmp_path / "store")) == 3
    indexer.remove_path(docs / "sample.txt")
    assert indexer.store.statements() == [] and rows(tmp_path / "store") == []


def test_a_store_from_before_the_table_still_answers_and_is_filled_by_the_next_ingest(tmp_path, fake_embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "sample.txt").write_text(SAMPLE, encoding="utf-8")
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    indexer.ingest([docs])
    indexer.store.close()
    with sqlite3.connect(tmp_path / "store" / "manifest.sqlite") as db:  # the store as an older version wrote it
        db.executescript("DROP TABLE statements; DROP TABLE statement_scans;")
    reopened = make_indexer(tmp_path / "store", fake_embedder)
    assert [s.statement.name for s in reopened.store.statements()] == ["Ahmet Davutoğlu", "Ahmet Davutoğlu", "Lavrov"]
    assert rows(tmp_path / "store") == []  # read on the fly: a reader writes nothing
    (docs / "storm.txt").write_text(STORM, encoding="utf-8")
    reopened.ingest([docs / "storm.txt"])  # any ingest records the older articles' statements
    assert [r[0] for r in rows(tmp_path / "store")] == ["Ahmet Davutoğlu", "Ahmet Davutoğlu", "Lavrov"]
    assert [s.statement.name for s in reopened.store.statements()] == ["Ahmet Davutoğlu", "Ahmet Davutoğlu", "Lavrov"]


def test_statements_of_reads_only_the_articles_named(tmp_path, fake_embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "sample.txt").write_text(SAMPLE, encoding="utf-8")
    (docs / "quote.txt").write_text("Storm hits coast\n\n“Schools will stay closed,” Mayor Janet Mills said on Tuesday.\n", encoding="utf-8")
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    indexer.ingest([docs])
    by_article = {s.ref.title: s.ref.article_id for s in indexer.store.statements()}
    assert set(by_article) == {"Anti-ISIL coalition slams Russia", "Storm hits coast"}
    storm = indexer.store.statements_of([by_article["Storm hits coast"]])
    assert [(s.statement.text, s.ref.title) for s in storm] == [("Schools will stay closed", "Storm hits coast")]
    assert indexer.store.statements_of([]) == [] and indexer.store.statements_of(["nowhere"]) == []
