"""The manifest's outbox to the keyword index: the manifest stays the commit record.

Triggers on `chunks` note every inserted or deleted chunk's rowid in
`keyword_pending`, inside the manifest's own transaction, so a committed
article always has its keyword change recorded. Whoever holds the store's
write lock then drains the outbox into tantivy (index/keyword_index.py): it
deletes each pending rowid from the index and adds the chunk now at that rowid
(if any), commits tantivy once for the whole batch, and only then deletes the
drained rows. A crash between tantivy's commit and that delete leaves the rows
pending; the next drain applies them again, which changes nothing (delete by
rowid, then add).

A store made before the tantivy index kept an FTS5 table, `chunk_fields`, filled
by triggers; the writer that first opens it builds the tantivy index from
`chunks`, drops the table and its triggers and gives its pages back (`build`).
"""

from __future__ import annotations

import sqlite3
from typing import Iterator

from tqdm import tqdm

from index.keyword_index import KeywordIndex

OUTBOX_SCHEMA = """
CREATE TABLE IF NOT EXISTS keyword_pending (rowid INTEGER PRIMARY KEY, op TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS keyword_pending_ai AFTER INSERT ON chunks BEGIN
    INSERT OR REPLACE INTO keyword_pending VALUES (new.rowid, 'insert');
END;
CREATE TRIGGER IF NOT EXISTS keyword_pending_ad AFTER DELETE ON chunks BEGIN
    INSERT OR REPLACE INTO keyword_pending VALUES (old.rowid, 'delete');
END;
"""
LEGACY_TABLE = "chunk_fields"  # the FTS5 keyword index of stores made before tantivy
_DROP_LEGACY = """
DROP TRIGGER IF EXISTS chunk_fields_ai;
DROP TRIGGER IF EXISTS chunk_fields_ad;
DROP TABLE IF EXISTS chunk_fields;
"""
PAGE = 500  # rowids per SQL `IN (...)`


def has_legacy_index(db: sqlite3.Connection) -> bool:
    """True when the manifest still holds the FTS5 keyword table of a store made before tantivy."""
    return db.execute("SELECT 1 FROM sqlite_master WHERE name=?", (LEGACY_TABLE,)).fetchone() is not None


def pending_count(db: sqlite3.Connection) -> int:
    """How many chunk changes wait for the keyword index."""
    return db.execute("SELECT COUNT(*) FROM keyword_pending").fetchone()[0]


def needs_build(db: sqlite3.Connection, keywords: KeywordIndex) -> bool:
    """True when the keyword index must be built from the chunks: a store from before it (FTS5), or a
    folder without one whose manifest holds chunks (an import, a compaction's copy, a deleted index)."""
    if has_legacy_index(db):
        return True
    return not keywords.exists and db.execute("SELECT 1 FROM chunks LIMIT 1").fetchone() is not None


def drain(db: sqlite3.Connection, keywords: KeywordIndex) -> int:
    """Apply the pending changes to the keyword index in one commit, then clear them; how many.

    `db` is the manifest's write connection; the caller holds the store's write lock.
    """
    pending = db.execute("SELECT rowid, op FROM keyword_pending ORDER BY rowid").fetchall()
    if not pending:
        keywords.create()
        return 0
    rowids = [r for r, _ in pending]
    keywords.apply(rowids, _search_texts(db, rowids))
    _clear(db, pending)
    return len(pending)


def _clear(db: sqlite3.Connection, drained: list[tuple[int, str]]) -> None:
    """Forget the outbox rows tantivy now holds (after its commit)."""
    with db:
        db.executemany("DELETE FROM keyword_pending WHERE rowid=? AND op=?", drained)


def build(db: sqlite3.Connection, keywords: KeywordIndex) -> int:
    """Rebuild the keyword index from every chunk of the manifest (one commit), then clear the outbox
    and drop a store's old FTS5 table; returns the chunks indexed. The caller holds the write lock."""
    legacy = has_legacy_index(db)
    (total,) = db.execute("SELECT COUNT(*) FROM chunks").fetchone()
    rows = db.execute("SELECT rowid, search_text FROM chunks ORDER BY rowid")
    with tqdm(total=total, unit="chunk", desc="building the keyword index from the manifest",
              disable=None, dynamic_ncols=True, leave=False) as bar:
        keywords.apply((), _counted(rows, bar), everything=True)
    # One transaction: a crash before it leaves the old table, and the next writer builds again.
    db.executescript("BEGIN; DELETE FROM keyword_pending;" + _DROP_LEGACY + "COMMIT;")
    if legacy:
        # The dropped FTS5 table leaves its pages free inside the file (11,386 of 44,371 pages, 47 MB, on
        # the 30,539-chunk RealTimeQA store); give them back once. Readers are held off by the caller.
        db.execute("VACUUM")
    return total


def _counted(rows: sqlite3.Cursor, bar: tqdm) -> Iterator[tuple[int, str]]:
    for n, row in enumerate(rows, start=1):
        yield row
        if n % 10_000 == 0:
            bar.update(10_000)
    bar.update(bar.total - bar.n if bar.total else 0)


def _search_texts(db: sqlite3.Connection, rowids: list[int]) -> list[tuple[int, str]]:
    """(rowid, search_text) of those of `rowids` that are chunks now."""
    out: list[tuple[int, str]] = []
    for at in range(0, len(rowids), PAGE):
        part = rowids[at:at + PAGE]
        out += db.execute(f"SELECT rowid, search_text FROM chunks WHERE rowid IN ({','.join('?' * len(part))})",
                          part).fetchall()
    return out
