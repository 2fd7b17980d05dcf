"""Stored statements follow the patterns' code: a change to any module that finds them makes the
stored articles stale, so reads rescan them and the next ingest records them again."""

from __future__ import annotations

import sqlite3

from index import statements
from index.code_fingerprint import source_fingerprint
from index.statements import PATTERN_MODULES, STATEMENTS_SCHEMA, backfill, unscanned_ids
from tests.index.import_closure import index_modules_imported_by

BODY = '"We will not back down," the mayor, Anne Hidalgo, said on Tuesday.'


def test_the_fingerprint_covers_every_index_module_the_patterns_import():
    assert index_modules_imported_by("index.attribution") <= set(PATTERN_MODULES)


def test_the_fingerprint_changes_with_the_modules_it_covers():
    assert source_fingerprint(PATTERN_MODULES) == statements.PATTERNS_VERSION
    assert source_fingerprint(PATTERN_MODULES[:-1]) != statements.PATTERNS_VERSION
    assert statements.PATTERNS_VERSION.startswith("p")  # stays text in the INTEGER column


def test_articles_scanned_by_other_patterns_are_rescanned_and_recorded(tmp_path):
    db = sqlite3.connect(str(tmp_path / "m.sqlite"))
    db.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT, body TEXT, published TEXT, ts INTEGER, "
               "source TEXT, url TEXT)")
    db.executescript(STATEMENTS_SCHEMA)
    db.execute("INSERT INTO articles VALUES ('a1', 'Paris', ?, NULL, NULL, NULL, NULL)", (BODY,))
    db.execute("INSERT INTO statement_scans VALUES ('a1', 1)")  # scanned by the hand-numbered version 1
    db.commit()
    assert unscanned_ids(db) == ["a1"]
    assert backfill(db) == 1
    assert unscanned_ids(db) == []
    assert [r[0] for r in db.execute("SELECT name FROM statements")] == ["Anne Hidalgo"]
