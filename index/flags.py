"""The manifest's record of instruction-like text in each article (see index/injection.py).

A table of its own, created when a store is opened, so stores written before
it existed keep opening: their articles simply have no row until they are
re-ingested, and reading falls back to scanning the stored body. Each row
records which code scanned it (`FLAG_PATTERNS_VERSION`, a fingerprint of the
injection patterns' source): rows of other code are read as unscanned, and the
next ingest scans them again (`backfill`).
"""

from __future__ import annotations

import json
import sqlite3

from index.code_fingerprint import source_fingerprint
from index.injection import CITATION, Span, instruction_spans

FLAGS_SCHEMA = """
CREATE TABLE IF NOT EXISTS instruction_flags (
    article_id TEXT PRIMARY KEY, flagged INTEGER NOT NULL, spans TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS flag_scans (article_id TEXT PRIMARY KEY, version TEXT NOT NULL);
"""
# index.injection and what it imports from index (tests/index/test_flag_versions.py keeps it complete).
FLAG_MODULES = ("index.injection", "index.injection_languages")
FLAG_PATTERNS_VERSION = source_fingerprint(FLAG_MODULES)
# Rows written by the current patterns (stores from before `flag_scans` have none: all are rescanned).
_CURRENT = "SELECT article_id FROM flag_scans WHERE version = ?"


def is_flagged(spans: list[Span]) -> bool:
    """True when some span is instruction-like (a bare citation marker alone does not flag an article)."""
    return any(s.kind != CITATION for s in spans)


def record_flags(db: sqlite3.Connection, article_id: str, body: str) -> list[Span]:
    """Scan `body` and record its spans (inside the caller's transaction); returns them."""
    spans = instruction_spans(body)
    db.execute("INSERT OR REPLACE INTO instruction_flags VALUES (?, ?, ?)",
               (article_id, int(is_flagged(spans)), json.dumps([s.to_json() for s in spans])))
    db.execute("INSERT OR REPLACE INTO flag_scans VALUES (?, ?)", (article_id, FLAG_PATTERNS_VERSION))
    return spans


def delete_flags(db: sqlite3.Connection, article_id: str) -> None:
    """Forget an article's spans (inside the caller's transaction)."""
    db.execute("DELETE FROM instruction_flags WHERE article_id=?", (article_id,))
    db.execute("DELETE FROM flag_scans WHERE article_id=?", (article_id,))


def read_flags(db: sqlite3.Connection, article_id: str) -> list[Span]:
    """An article's recorded spans; scanned from its stored body when other code recorded them (or none)."""
    row = db.execute(f"SELECT spans FROM instruction_flags WHERE article_id=? AND article_id IN ({_CURRENT})",
                     (article_id, FLAG_PATTERNS_VERSION)).fetchone()
    if row is not None:
        return [Span(**s) for s in json.loads(row[0])]
    body = db.execute("SELECT body FROM articles WHERE id=?", (article_id,)).fetchone()
    return instruction_spans(body[0]) if body else []


def flagged_ids(db: sqlite3.Connection) -> set[str]:
    """Ids of the stored articles holding instruction-like text (older articles scanned on the fly)."""
    ids = {r[0] for r in db.execute(
        "SELECT f.article_id FROM instruction_flags f JOIN articles a ON a.id = f.article_id "
        f"WHERE f.flagged=1 AND f.article_id IN ({_CURRENT})", (FLAG_PATTERNS_VERSION,))}
    ids.update(article_id for article_id, body in _unscanned(db) if is_flagged(instruction_spans(body)))
    return ids


def _unscanned(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, body) of the stored articles the current patterns have not scanned."""
    return db.execute(f"SELECT id, body FROM articles WHERE id NOT IN ({_CURRENT}) ORDER BY id",
                      (FLAG_PATTERNS_VERSION,)).fetchall()


def backfill(writer: sqlite3.Connection) -> int:
    """Scan and record the articles other code scanned (or none did); the caller holds the write lock."""
    stale = _unscanned(writer)
    with writer:
        for article_id, body in stale:
            record_flags(writer, article_id, body)
    return len(stale)
