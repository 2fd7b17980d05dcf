"""What an interrupted write leaves behind, and what cleans it up (issue 13, item 8).

Real Chroma + SQLite stores on disk and real files; the fake embedder keeps it fast.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from index.manifest import Manifest
from index.store import HNSW_SYNC_THRESHOLD
from tests.index.archive_files import make_indexer
from tests.index.archive_files import write_articles as write_files

# No URLs: ids are hashes of headline and text, so an edit gives the article a new id
# and its old version must be retired (the case that showed 67 "articles" of 60).
ARTICLES = {
    f"story{i}.txt": f"Story number {i} headline\n\n" + " ".join(
        f"Sentence {j} of story {i} tells about topic{i} and place{j}." for j in range(12))
    for i in range(6)
}


def write_articles(folder: Path, articles: dict[str, str] = ARTICLES) -> Path:
    return write_files(folder, articles)


def interrupt_after_manifest_commit(monkeypatch) -> None:
    """Ctrl-C right after the manifest transaction that stores new versions commits."""
    for name in ("put", "replace"):
        original = getattr(Manifest, name, None)
        if original is None:
            continue

        def commit_then_interrupt(self, *args, _original=original, **kwargs):
            _original(self, *args, **kwargs)
            raise KeyboardInterrupt
        monkeypatch.setattr(Manifest, name, commit_then_interrupt)


def edit(docs: Path, name: str, extra: str) -> None:
    path = docs / name
    path.write_text(path.read_text(encoding="utf-8") + f" {extra}", encoding="utf-8")


def test_interrupted_update_shows_one_version_and_orphans_are_swept(tmp_path, fake_embedder, monkeypatch):
    docs = write_articles(tmp_path / "docs")
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    indexer.ingest([docs])
    store = indexer.store
    edit(docs, "story3.txt", "An added closing sentence about the harbour.")

    with monkeypatch.context() as patch:
        interrupt_after_manifest_commit(patch)
        with pytest.raises(KeyboardInterrupt):
            indexer.ingest([docs])
    assert store.stats().articles == 6, "old and new versions of the edited article are both visible"
    hits = store.keyword_search("story 3 harbour topic3", 10)
    assert len({h.article_id for h in hits if h.title == "Story number 3 headline"}) == 1

    # The sequence: an interrupted ingest followed by an edit leaves no orphan vectors.
    edit(docs, "story1.txt", "A correction was appended.")
    report = indexer.ingest([docs])
    assert (report.updated, report.added, report.failed) == (1, 0, [])
    assert store.stats().articles == 6
    assert store.collection.count() == store.stats().chunks


def test_doctor_removes_orphan_vectors_and_rebuild_leftovers(tmp_path, fake_embedder, monkeypatch, capsys):
    from ui.cli import main

    docs = write_articles(tmp_path / "docs")
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    indexer.ingest([docs])
    edit(docs, "story2.txt", "Late news.")
    with monkeypatch.context() as patch:
        interrupt_after_manifest_commit(patch)
        with pytest.raises(KeyboardInterrupt):
            indexer.ingest([docs])
    chunks = indexer.store.stats().chunks
    orphans = indexer.store.collection.count() - chunks
    assert orphans > 0
    (tmp_path / "store.rebuild").mkdir()  # a rebuild killed before its swap
    (tmp_path / "store.rebuild.lock").touch()
    indexer.store.close()

    assert main(["doctor", "--json", "--store", str(tmp_path / "store")]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["orphan_vectors_removed"] == orphans
    assert (found["articles"], found["chunks"], found["vectors"]) == (6, chunks, chunks)
    assert sorted(Path(p).name for p in found["leftovers_removed"]) == ["store.rebuild", "store.rebuild.lock"]
    assert not (tmp_path / "store.rebuild").exists()

    assert main(["doctor", "--json", "--store", str(tmp_path / "store")]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["orphan_vectors_removed"], again["leftovers_removed"]) == (0, [])


def store_bytes(store_dir: Path) -> int:
    return sum(p.stat().st_size for p in store_dir.rglob("*") if p.is_file())


def test_repeated_updates_do_not_grow_the_store(tmp_path, fake_embedder):
    """Updating the same articles again and again keeps the store near its first size.

    Two things grew it: Chroma's log (`embeddings_queue`, purged only after the
    HNSW index is persisted, see HNSW_SYNC_THRESHOLD) and the HNSW index's dead
    slots (reclaimed by compaction, see index/compaction.py).
    """
    many = {f"s{i:02d}.txt": f"Headline {i}\n\n" + " ".join(f"Word{i} sentence {j} here." for j in range(40))
            for i in range(30)}
    docs = write_articles(tmp_path / "docs", many)
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    indexer.ingest([docs])
    store = indexer.store
    first, chunks, sizes = store_bytes(store.path), store.stats().chunks, []
    for round_ in range(18):
        for name in many:
            edit(docs, name, f"Update {round_}.")
        assert indexer.ingest([docs]).updated == len(many)
        sizes.append(store_bytes(store.path))
    with sqlite3.connect(store.path / "chroma" / "chroma.sqlite3") as db:
        (logged,) = db.execute("SELECT COUNT(*) FROM embeddings_queue").fetchone()
    print(f"{chunks} chunks: {first / 2**20:.2f} MB after the first ingest; after each of 18 updates of every "
          f"article: {' '.join(f'{b / 2**20:.2f}' for b in sizes)} MB; {logged} rows in Chroma's log")
    assert store.collection.count() == store.stats().chunks
    assert logged <= HNSW_SYNC_THRESHOLD + chunks
    assert max(sizes) < 2.5 * first
