"""The manifest's outbox to the tantivy keyword index: crash recovery, other processes, migration
(index/keyword_outbox.py, index/store.py)."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from index.article import Article
from index.chunking import Chunk
from index.keyword_outbox import has_legacy_index, pending_count
from index.lock import WriteLock
from index.store import KEYWORD_DIR, ArchiveStore

REPO = Path(__file__).resolve().parents[2]


def _article(n: int, title: str, body: str):
    article = Article(f"a{n}", title, body, f"a{n}.txt", f"2020-01-{n + 1:02d}", "Wire")
    chunk = Chunk(f"{article.id}#{article.content_hash[:8]}-0", article.id, 0, body, 0, len(body))
    vector = np.random.default_rng(n).normal(size=8)
    return article, [chunk], [(vector / np.linalg.norm(vector)).tolist()]


ARTICLES = [(0, "Harbour reopens", "Ships sail from the harbour again."),
            (1, "Ferry strike", "The ferry crews strike over pay."),
            (2, "Ankara talks", "Davutoğlu met the envoy.")]


def _store(path: Path) -> ArchiveStore:
    store = ArchiveStore(path)
    with WriteLock(store.path):
        store.ensure_current()
        store.put_articles([_article(*a) for a in ARTICLES])
    return store


def _found(store: ArchiveStore, question: str) -> list[str]:
    return [h.article_id for h in store.keyword_search(question, 5)]


def test_a_write_leaves_the_outbox_empty_and_the_index_equal_to_the_manifest(tmp_path):
    store = _store(tmp_path / "store")
    assert pending_count(store.manifest.db) == 0 and store.keywords.count() == 3
    assert _found(store, "Davutoglu") == ["a2"]
    with WriteLock(store.path):
        assert store.delete_article("a1")
    assert store.keywords.count() == 2 and _found(store, "ferry") == [] and pending_count(store.manifest.db) == 0
    store.close()


def test_a_crash_between_tantivys_commit_and_clearing_the_outbox_is_applied_again_cleanly(tmp_path, monkeypatch):
    store = _store(tmp_path / "store")
    monkeypatch.setattr("index.keyword_outbox._clear", lambda db, drained: (_ for _ in ()).throw(SystemExit(9)))
    with WriteLock(store.path), pytest.raises(SystemExit):
        store.put_articles([_article(1, "Ferry strike ends", "The ferry crews went back to work.")])
    assert pending_count(store.manifest.db) == 2  # the old chunk's delete and the new one's insert
    assert store.keywords.count() == 3  # tantivy committed them already
    store.close()
    monkeypatch.undo()

    reopened = ArchiveStore(tmp_path / "store")
    with WriteLock(reopened.path):
        reopened.ensure_current()  # the next writer drains what was left
    assert pending_count(reopened.manifest.db) == 0 and reopened.keywords.count() == 3
    assert _found(reopened, "ferry crews work") == ["a1"] and _found(reopened, "pay") == []
    reopened.close()


READER = """
import json, sys
sys.path.insert(0, sys.argv[2])
from index.store import ArchiveStore
store = ArchiveStore(sys.argv[1])
for line in sys.stdin:
    print(json.dumps([h.article_id for h in store.keyword_search(line.strip(), 5)]), flush=True)
"""


def test_a_reader_process_sees_a_writers_commit_and_never_writes(tmp_path):
    store = _store(tmp_path / "store")
    reader = subprocess.Popen([sys.executable, "-c", READER, str(store.path), str(REPO)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    try:
        def ask(question: str) -> list[str]:
            reader.stdin.write(question + "\n")
            reader.stdin.flush()
            return json.loads(reader.stdout.readline())

        assert ask("volcano") == [] and ask("harbour") == ["a0"]
        with WriteLock(store.path):
            store.put_articles([_article(3, "Volcano erupts", "Ash from the volcano closed the harbour.")])
        assert ask("volcano") == ["a3"] and set(ask("harbour")) == {"a0", "a3"}
        with WriteLock(store.path):
            store.delete_article("a3")
        assert ask("volcano") == []
    finally:
        reader.stdin.close()
        reader.wait(timeout=60)
    assert reader.returncode == 0
    store.close()


def _make_it_an_fts5_store(path: Path) -> None:
    """What a store made before tantivy looks like: an FTS5 table and its triggers, no tantivy folder."""
    shutil.rmtree(path / KEYWORD_DIR)
    db = sqlite3.connect(path / "manifest.sqlite")
    db.executescript("""
        DROP TRIGGER keyword_pending_ai; DROP TRIGGER keyword_pending_ad; DROP TABLE keyword_pending;
        CREATE VIRTUAL TABLE chunk_fields USING fts5(title, body, tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER chunk_fields_ai AFTER INSERT ON chunks BEGIN
            INSERT INTO chunk_fields(rowid, title, body) VALUES (new.rowid, 'x', new.search_text); END;
        CREATE TRIGGER chunk_fields_ad AFTER DELETE ON chunks BEGIN
            DELETE FROM chunk_fields WHERE rowid = old.rowid; END;
        INSERT INTO chunk_fields(rowid, title, body) SELECT rowid, 'x', search_text FROM chunks;
    """)
    db.close()


def test_an_fts5_store_is_migrated_by_the_first_process_that_opens_it(tmp_path):
    _store(tmp_path / "store").close()
    _make_it_an_fts5_store(tmp_path / "store")
    store = ArchiveStore(tmp_path / "store")  # nobody writes: it takes the lock and builds the index
    assert not has_legacy_index(store.manifest.db) and store.keywords.count() == 3
    assert _found(store, "Davutoglu") == ["a2"] and _found(store, "harbour") == ["a0"]
    names = {n for (n,) in store.manifest.db.execute("SELECT name FROM sqlite_master")}
    assert not {"chunk_fields_ai", "chunk_fields_ad"} & names and "keyword_pending_ai" in names
    assert store.manifest.db.execute("PRAGMA freelist_count").fetchone()[0] == 0  # the FTS5 pages given back
    store.close()


def test_an_fts5_store_opened_while_another_process_writes_is_migrated_by_the_writer(tmp_path):
    _store(tmp_path / "store").close()
    _make_it_an_fts5_store(tmp_path / "store")
    lock = WriteLock(tmp_path / "store").path
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another writer holds the lock
    try:
        reader = ArchiveStore(tmp_path / "store")
        assert has_legacy_index(reader.manifest.db) and not reader.keywords.exists
        assert _found(reader, "harbour") == []  # nothing found until the writer builds it
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    with WriteLock(tmp_path / "store"):  # a writer opens the store under its lock, then takes it over
        writer = ArchiveStore(tmp_path / "store")
        assert has_legacy_index(writer.manifest.db)
        writer.ensure_current()
    assert not has_legacy_index(writer.manifest.db) and writer.keywords.count() == 3
    assert _found(reader, "harbour") == ["a0"]  # the writer's count of writes made the reader reopen
    reader.close()
    writer.close()


def test_a_reader_catches_up_after_a_writer_died_between_the_manifest_and_tantivy(tmp_path, monkeypatch):
    reader = _store(tmp_path / "store")
    writer = ArchiveStore(tmp_path / "store")
    with monkeypatch.context() as patch:  # the writer is killed before it drains the outbox
        patch.setattr(writer, "sync_keywords", lambda rebuild=False: 0)
        with WriteLock(writer.path):
            writer.put_articles([_article(3, "Volcano erupts", "Ash from the volcano.")])
    assert pending_count(reader.manifest.db) == 1 and reader.keywords.count() == 3
    assert _found(reader, "volcano") == ["a3"]  # the reader saw the write, took the free lock and drained
    assert pending_count(reader.manifest.db) == 0 and reader.keywords.count() == 4
    reader.close()
    writer.close()
