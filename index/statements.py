"""The manifest's record of attributed statements (who said what; see index/attribution.py).

Two tables beside the articles: `statements` (one row per statement: speaker as
written, the name it resolves to, its folded form for matching, kind and the
span's offsets) and `statement_scans` (which articles were scanned, by which
version of the patterns). They are created with IF NOT EXISTS when a store is
opened, so a store written before them keeps working: its articles are scanned
on the fly when read, and recorded by the next ingest (`backfill`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Sequence

from index.article import ArticleRef
from index.statement_runs import Statement
from index.code_fingerprint import source_fingerprint
from index.text import fold

# The modules whose code decides which statements are found (index.attribution and every index
# module it imports; tests/index/test_statement_versions.py keeps the list complete).
PATTERN_MODULES = ("index.attribution", "index.attribution_clauses", "index.attribution_judgements",
                   "index.attribution_sentences", "index.datelines",
                   "index.document_sources", "index.name_forms", "index.role_names", "index.speaker_descriptions",
                   "index.speakers", "index.speech_verbs", "index.statement_runs", "index.text")
# A fingerprint of the patterns' source (it used to be a number bumped by hand, and it stayed 1
# through five rounds of new patterns, so stores kept their first statements).
PATTERNS_VERSION = source_fingerprint(PATTERN_MODULES)

STATEMENTS_SCHEMA = """
CREATE TABLE IF NOT EXISTS statements (
    article_id TEXT NOT NULL, n INTEGER NOT NULL, speaker TEXT NOT NULL, name TEXT NOT NULL,
    name_key TEXT NOT NULL, kind TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    PRIMARY KEY (article_id, n)
);
CREATE TABLE IF NOT EXISTS statement_scans (article_id TEXT PRIMARY KEY, version INTEGER NOT NULL);
"""


@dataclass(frozen=True)
class StoredStatement:
    """A statement with the article it is from (its text is `body[start:end]` of that article)."""

    ref: ArticleRef
    statement: Statement


def record_statements(db: sqlite3.Connection, article_id: str, body: str) -> list[Statement]:
    """Scan `body` and record its statements (inside the caller's transaction); returns them."""
    delete_statements(db, article_id)
    from index.attribution import attributed_statements  # its ~800 patterns compile in ~0.5 s: only when scanning

    found = attributed_statements(body)
    db.executemany('INSERT INTO statements VALUES (?,?,?,?,?,?,?,?)',
                   [(article_id, n, s.speaker, s.name, fold(s.name), s.kind, s.start, s.end)
                    for n, s in enumerate(found)])
    db.execute("INSERT OR REPLACE INTO statement_scans VALUES (?, ?)", (article_id, PATTERNS_VERSION))
    return found


def delete_statements(db: sqlite3.Connection, article_id: str) -> None:
    """Forget an article's statements (inside the caller's transaction)."""
    db.execute("DELETE FROM statements WHERE article_id=?", (article_id,))
    db.execute("DELETE FROM statement_scans WHERE article_id=?", (article_id,))


def unscanned_ids(db: sqlite3.Connection, article_ids: Sequence[str] | None = None) -> list[str]:
    """Stored articles (all, or those `article_ids` names) not yet scanned by the current patterns (older
    stores, older versions)."""
    only = "" if article_ids is None else f" AND a.id IN ({','.join('?' * len(article_ids))})"
    return [r[0] for r in db.execute(
        "SELECT a.id FROM articles a LEFT JOIN statement_scans s ON s.article_id = a.id "
        f"WHERE (s.version IS NULL OR s.version <> ?){only} ORDER BY a.id", (PATTERNS_VERSION, *(article_ids or ())))]


def backfill(writer: sqlite3.Connection) -> int:
    """Scan and record the articles `unscanned_ids` lists (the caller holds the write lock); returns how many."""
    ids = unscanned_ids(writer)
    with writer:
        for article_id in ids:
            (body,) = writer.execute("SELECT body FROM articles WHERE id=?", (article_id,)).fetchone()
            record_statements(writer, article_id, body)
    return len(ids)


def all_statements(db: sqlite3.Connection, article_ids: Sequence[str] | None = None) -> list[StoredStatement]:
    """Every statement in the archive (or in the articles `article_ids` names) with its article, oldest
    article first (undated last).

    Articles not scanned yet are scanned here, in memory, without writing (a
    reader does not hold the write lock).
    """
    refs: dict[str, ArticleRef] = {}
    bodies: dict[str, str] = {}
    ids = None if article_ids is None else list(dict.fromkeys(article_ids))
    only = "" if ids is None else f" WHERE {{column}} IN ({','.join('?' * len(ids))})"
    for aid, title, source, published, url in db.execute(
            "SELECT id, title, source, published, url FROM articles" + only.format(column="id")
            + " ORDER BY ts IS NULL, ts, id", ids or ()):
        refs[aid] = ArticleRef(aid, title, source, published, url)
    rows: dict[str, list[Statement]] = {}
    stale = set(unscanned_ids(db, ids))
    for aid, speaker, name, kind, start, end in db.execute(
            'SELECT article_id, speaker, name, kind, start, "end" FROM statements' + only.format(column="article_id")
            + ' ORDER BY article_id, n', ids or ()):
        if aid in refs and aid not in stale:
            rows.setdefault(aid, []).append(Statement(speaker, name, "", kind, start, end))
    for aid in set(rows) | stale:
        (body,) = db.execute("SELECT body FROM articles WHERE id=?", (aid,)).fetchone()
        bodies[aid] = body
        if aid in stale:
            from index.attribution import attributed_statements

            rows[aid] = attributed_statements(body)
    out = []
    for aid, ref in refs.items():
        for s in rows.get(aid, ()):
            text = bodies[aid][s.start:s.end]
            out.append(StoredStatement(ref, Statement(s.speaker, s.name, text, s.kind, s.start, s.end)))
    return out
