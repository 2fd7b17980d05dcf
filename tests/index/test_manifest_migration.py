"""Stores written by older versions open, lose what is no longer used, and keep searching."""

from __future__ import annotations

import sqlite3

from index.article import make_article
from index.chunking import Chunk
from index.keyword_index import KeywordIndex
from index.keyword_outbox import drain
from index.manifest import SCHEMA, Manifest

# The second FTS5 table (and its triggers) of stores made before 2026-12-02.
OLD_KEYWORD_INDEX = """
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
    search_text, content='chunks', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS chunks_ai AFTER INSERT ON chunks BEGIN
    INSERT INTO chunks_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER IF NOT EXISTS chunks_ad AFTER DELETE ON chunks BEGIN
    INSERT INTO chunks_fts(chunks_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
"""


def _article(url: str, body: str):
    article = make_article(title="Dam spillway", body=body, path="/a.jsonl", url=url)
    return article, [Chunk(f"{article.id}#0", article.id, 0, body, 0, len(body))]


def _found(manifest: Manifest, keywords: KeywordIndex, question: str) -> set[str]:
    """Articles the keyword index finds once the manifest's outbox is drained into it."""
    drain(manifest.writer, keywords)
    ids = manifest.chunk_ids_at([rowid for rowid, _ in keywords.search(question, 5)])
    return {cid.split("#")[0] for cid in ids.values()}


def _schema_objects(db: sqlite3.Connection) -> set[str]:
    return {name for (name,) in db.execute("SELECT name FROM sqlite_master")}


def test_the_unused_keyword_table_of_an_old_store_is_dropped_and_search_still_works(tmp_path):
    path = tmp_path / "manifest.sqlite"
    old = sqlite3.connect(path)
    old.executescript(SCHEMA + OLD_KEYWORD_INDEX)
    old.close()
    old_store = Manifest(path)  # opened once by the current code, still holding the old table's rows
    old_store.writer.executescript(OLD_KEYWORD_INDEX)
    old_store.put(*_article("http://x/1", "Engineers inspected the Oroville spillway on Monday."))
    assert "chunks_fts" in _schema_objects(old_store.db)
    old_store.close()

    manifest = Manifest(path)
    assert not {"chunks_fts", "chunks_ai", "chunks_ad"} & _schema_objects(manifest.db)
    manifest.put(*_article("http://x/2", "The Oroville reservoir rose after the storms."))
    keywords = KeywordIndex(tmp_path / "keywords")
    assert _found(manifest, keywords, "Oroville") == {"http://x/1", "http://x/2"}
    assert manifest.delete("http://x/1")
    assert _found(manifest, keywords, "Oroville") == {"http://x/2"}
    manifest.close()


def test_a_new_store_never_has_the_unused_table(tmp_path):
    manifest = Manifest(tmp_path / "manifest.sqlite")
    manifest.put(*_article("http://x/1", "Engineers inspected the Oroville spillway on Monday."))
    assert "chunks_fts" not in _schema_objects(manifest.db)
    assert _found(manifest, KeywordIndex(tmp_path / "keywords"), "spillway") == {"http://x/1"}
    manifest.close()
