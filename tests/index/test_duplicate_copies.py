"""The same article saved in two files: indexed once, and counted as a duplicate by both
the ingest report and the store's stats, through edits, removal and rebuilds."""

from __future__ import annotations

from pathlib import Path

from index.chunking import Chunker
from index.pipeline import Indexer
from index.store import ArchiveStore

STORY = "Storm closes schools\n\nA winter storm closed schools along the coast of Maine on Tuesday."


def make_indexer(tmp_path: Path, embedder) -> Indexer:
    store = ArchiveStore(tmp_path / "store")
    return Indexer(store, embedder, Chunker(embedder.tokenize, chunk_tokens=64, overlap=8), quiet=True)


def counts(report) -> tuple[int, int, int, int]:
    return report.added, report.updated, report.unchanged, report.duplicates


def test_a_copy_in_another_file_is_counted_once_by_ingest_and_stats(tmp_path, fake_embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(STORY, encoding="utf-8")
    indexer = make_indexer(tmp_path, fake_embedder)
    indexer.ingest([docs])
    (docs / "copy.txt").write_text(STORY, encoding="utf-8")
    assert counts(indexer.ingest([docs])) == (0, 0, 1, 1)
    stats = indexer.store.stats()
    assert (stats.articles, stats.duplicates) == (1, 1)
    assert counts(indexer.ingest([docs])) == (0, 0, 2, 0)  # seen before: unchanged, not a new duplicate
    assert indexer.store.stats().duplicates == 1
    assert indexer.rebuild().articles == 1  # the copy's file is a source too
    assert indexer.store.stats().duplicates == 1


def test_copies_within_one_batch(tmp_path, fake_embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (docs / name).write_text(STORY, encoding="utf-8")
    indexer = make_indexer(tmp_path, fake_embedder)
    assert counts(indexer.ingest([docs])) == (1, 0, 0, 2)
    assert indexer.store.stats().duplicates == 2
    assert counts(indexer.ingest([docs])) == (0, 0, 3, 0)


def test_an_edited_or_removed_copy_is_no_longer_counted(tmp_path, fake_embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (docs / name).write_text(STORY, encoding="utf-8")
    indexer = make_indexer(tmp_path, fake_embedder)
    indexer.ingest([docs])
    (docs / "b.txt").write_text(STORY + " Classes resume on Thursday.", encoding="utf-8")
    assert counts(indexer.ingest([docs / "b.txt"])) == (1, 0, 0, 0)
    stats = indexer.store.stats()
    assert (stats.articles, stats.duplicates) == (2, 1)
    assert indexer.remove_path(docs / "c.txt") == []  # the article itself lives on in a.txt
    stats = indexer.store.stats()
    assert (stats.articles, stats.duplicates) == (2, 0)
    (docs / "c2.txt").write_text(STORY, encoding="utf-8")
    indexer.ingest([docs / "c2.txt"])
    assert indexer.store.stats().duplicates == 1
    [article_id] = [r.id for r in indexer.store.manifest.articles() if r.path.endswith("a.txt")]
    assert indexer.remove([article_id])[0] == [article_id]
    assert indexer.store.stats().duplicates == 0  # copies of a removed article are forgotten with it


def test_rebuild_after_a_copy_file_is_deleted_loses_nothing(tmp_path, fake_embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(STORY, encoding="utf-8")
    (docs / "copy.txt").write_text(STORY, encoding="utf-8")
    indexer = make_indexer(tmp_path, fake_embedder)
    indexer.ingest([docs])
    (docs / "copy.txt").unlink()
    report = indexer.rebuild()  # no --drop-missing needed: only a copy was in the missing file
    assert (report.articles, indexer.store.stats().duplicates) == (1, 0)
