"""The manifest's record of instruction-like text in each article (see index/injection.py).

A table of its own, created when a store is opened, so stores written before
it existed keep opening: their articles simply have no row until they are
re-ingested, and reading falls back to scanning the stored body.
"""

from __future__ import annotations

import json
import sqlite3

from index.injection import CITATION, Span, instruction_spans

FLAGS_SCHEMA = """
CREATE TABLE IF NOT EXISTS instruction_flags (
    article_id TEXT PRIMARY KEY, flagged INTEGER NOT NULL, spans TEXT NOT NULL
);
"""


def is_flagged(spans: list[Span]) -> bool:
    """True when some span is instruction-like (a bare citation marker alone does not flag an article)."""
    return any(s.kind != CITATION for s in spans)


def record_flags(db: sqlite3.Connection, article_id: str, body: str) -> list[Span]:
    """Scan `body` and record its spans (inside the caller's transaction); returns them."""
    spans = instruction_spans(body)
    db.execute("INSERT OR REPLACE INTO instruction_flags VALUES (?, ?, ?)",
               (article_id, int(is_flagged(spans)), json.dumps([s.to_json() for s in spans])))
    return spans


def delete_flags(db: sqlite3.Connection, article_id: str) -> None:
    """Forget an article's spans (inside the caller's transaction)."""
    db.execute("DELETE FROM instruction_flags WHERE article_id=?", (article_id,))


def read_flags(db: sqlite3.Connection, article_id: str) -> list[Span]:
    """An article's recorded spans; scanned from its stored body when it predates the table."""
    row = db.execute("SELECT spans FROM instruction_flags WHERE article_id=?", (article_id,)).fetchone()
    if row is not None:
        return [Span(**s) for s in json.loads(row[0])]
    body = db.execute("SELECT body FROM articles WHERE id=?", (article_id,)).fetchone()
    return instruction_spans(body[0]) if body else []


def flagged_ids(db: sqlite3.Connection) -> set[str]:
    """Ids of the stored articles holding instruction-like text (older articles scanned on the fly)."""
    ids = {r[0] for r in db.execute(
        "SELECT f.article_id FROM instruction_flags f JOIN articles a ON a.id = f.article_id WHERE f.flagged=1")}
    unscanned = db.execute(
        "SELECT id, body FROM articles WHERE id NOT IN (SELECT article_id FROM instruction_flags)")
    ids.update(article_id for article_id, body in unscanned if is_flagged(instruction_spans(body)))
    return ids
