"""The SQLite side of the store: the article manifest, the commit record.

One SQLite file holds what Chroma cannot: every article's full record and
content hash (for incremental updates), recorded duplicates, and each chunk's
text, offsets and folded `search_text`. Keyword search runs on a tantivy index
beside it (index/keyword_index.py), kept in step through an outbox table that
triggers on `chunks` fill inside each manifest transaction (index/keyword_outbox.py).

Why tantivy and not FTS5 (which lived here until 2026-12-02): FTS5 scored every
chunk holding any of the question's words, so keyword search grew linearly with
the archive (≈0.45 s at 1M chunks); tantivy's block-max WAND skips what cannot
reach the top k. Accents are folded once, by `index.text.fold()` into
`search_text` (which also maps letters like Turkish `ı` that have no diacritic),
so `Davutoglu` finds `Davutoğlu`.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from index.article import Article, ArticleRef, RefersToArticle
from index.chunking import Chunk
from index.defaults import DEFAULTS_SCHEMA
from index.flags import FLAGS_SCHEMA, delete_flags, record_flags
from index.keyword_outbox import OUTBOX_SCHEMA
from index.statements import STATEMENTS_SCHEMA, delete_statements, record_statements
from index.text import fold

SCHEMA = """
PRAGMA journal_mode=WAL;
PRAGMA journal_size_limit=1048576;
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL,
    published TEXT, ts INTEGER, source TEXT, url TEXT, author TEXT,
    path TEXT NOT NULL, content_hash TEXT NOT NULL, body_hash TEXT NOT NULL,
    chars INTEGER NOT NULL, chunks INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_body_hash ON articles(body_hash);
CREATE INDEX IF NOT EXISTS articles_path ON articles(path);
CREATE TABLE IF NOT EXISTS duplicates (
    id TEXT PRIMARY KEY, duplicate_of TEXT NOT NULL, path TEXT NOT NULL, content_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, article_id TEXT NOT NULL,
    n INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, search_text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_article ON chunks(article_id);
CREATE TABLE IF NOT EXISTS inputs (path TEXT PRIMARY KEY, field_map TEXT);
CREATE TABLE IF NOT EXISTS copies (
    id TEXT NOT NULL, path TEXT NOT NULL, content_hash TEXT NOT NULL, PRIMARY KEY (id, path)
);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""
# Stores made before 2026-12-02 also kept the whole search text in a second FTS5 table that
# nothing read (keyword search used `chunk_fields`, now tantivy); every insert paid for it. Dropped on open.
_DROP_UNUSED = """
DROP TRIGGER IF EXISTS chunks_ai;
DROP TRIGGER IF EXISTS chunks_ad;
DROP TABLE IF EXISTS chunks_fts;
"""


@dataclass(frozen=True)
class ArticleRow(RefersToArticle):
    """An article as recorded in the manifest (body included)."""

    ref: ArticleRef
    body: str
    author: str | None
    path: str
    content_hash: str
    chunks: int

    @property
    def id(self) -> str:
        """The article's id (`ref.article_id`)."""
        return self.ref.article_id

    @property
    def chars(self) -> int:
        """Length of the body in characters."""
        return len(self.body)

    def to_json(self) -> dict:
        """The `newsdesk articles --json` fields of the row (the body left out; the CLI adds its flags)."""
        return {"id": self.id, "title": self.title, "source": self.source, "published": self.published,
                "url": self.url, "path": self.path, "chars": self.chars}


# The columns of an `ArticleRow`, in its order: the reference's five, then the rest.
_ARTICLE_COLS = "id, title, source, published, url, body, author, path, content_hash, chunks"


def _article_row(row: tuple) -> ArticleRow:
    """The `ArticleRow` of a row selected as `_ARTICLE_COLS`."""
    return ArticleRow(ArticleRef(*row[:5]), *row[5:])


# Rows read from a path or from inside it: the file itself, a folder's files, an archive's members.
_IN_PATH = "(path=? OR substr(path, 1, ?)=? OR substr(path, 1, ?)=?)"


def _in_path(path: str) -> tuple[str | int, ...]:
    """The parameters of `_IN_PATH` for `path`."""
    folder, member = path.rstrip("/") + "/", path + "::"
    return path, len(folder), folder, len(member), member


class Manifest:
    """Articles, duplicates and chunk texts in one SQLite file (the keyword index's outbox too)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        # Writes go through their own connection: readers on `db` (other threads
        # of the app) then see only committed transactions, never an article
        # half replaced (WAL gives each statement a committed snapshot).
        self.writer = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
        self.writer.executescript(SCHEMA + _DROP_UNUSED + OUTBOX_SCHEMA + FLAGS_SCHEMA + STATEMENTS_SCHEMA + DEFAULTS_SCHEMA)
        self.db = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
        self.db.execute("PRAGMA journal_size_limit=1048576")  # the WAL file is truncated back to 1 MB

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database and truncate it (after a batch of writes).

        Each article's syndication grouping is its own small commit; without this the
        WAL grew to 3.4 MB between SQLite's automatic checkpoints on a 1 MB store
        (30 articles updated 8 times, tests/index/test_crash_leftovers.py).
        """
        self.writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Close the database connections."""
        self.db.close()
        self.writer.close()

    # -- reading ---------------------------------------------------------
    def stored(self, article_id: str) -> tuple[str, str] | None:
        """(content hash, path) of a stored article or recorded duplicate, or None."""
        row = self.db.execute("SELECT content_hash, path FROM articles WHERE id=?", (article_id,)).fetchone()
        if row is None:
            row = self.db.execute("SELECT content_hash, path FROM duplicates WHERE id=?", (article_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def duplicate_of(self, body_hash: str, article_id: str) -> str | None:
        """Id of another stored article with the same body, if any."""
        row = self.db.execute(
            "SELECT id FROM articles WHERE body_hash=? AND id<>? LIMIT 1", (body_hash, article_id)
        ).fetchone()
        return row[0] if row else None

    def article(self, article_id: str) -> ArticleRow | None:
        """One article, or None."""
        row = self.db.execute(f"SELECT {_ARTICLE_COLS} FROM articles WHERE id=?", (article_id,)).fetchone()
        return _article_row(row) if row else None

    def articles(self, limit: int | None = None) -> list[ArticleRow]:
        """Articles, newest first (undated last)."""
        sql = f"SELECT {_ARTICLE_COLS} FROM articles ORDER BY ts IS NULL, ts DESC, title"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [_article_row(r) for r in self.db.execute(sql)]

    def find_articles(self, words: Sequence[str], offset: int, limit: int) -> tuple[int, list[ArticleRow]]:
        """(how many match, one page of them newest first): articles whose headline, outlet or text holds
        every one of `words` (case-insensitive for ASCII letters; `%` and `_` are plain characters)."""
        where, params = [], []
        for word in words:
            pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where.append("(title LIKE ? ESCAPE '\\' OR COALESCE(source, '') LIKE ? ESCAPE '\\' "
                         "OR body LIKE ? ESCAPE '\\')")
            params += [pattern] * 3
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        (total,) = self.db.execute(f"SELECT COUNT(*) FROM articles {clause}", params).fetchone()
        rows = self.db.execute(f"SELECT {_ARTICLE_COLS} FROM articles {clause} "
                               "ORDER BY ts IS NULL, ts DESC, title LIMIT ? OFFSET ?", (*params, limit, offset))
        return total, [_article_row(r) for r in rows]

    def ids_for_path(self, path: str) -> list[str]:
        """Articles (and duplicates) read from `path` or from inside it (folder or archive).

        Matching is exact and case-sensitive: the path itself, a folder prefix
        ending in `/`, or an archive prefix ending in `::`. (Not `LIKE`, where
        `_` and `%` are wildcards and ASCII case is ignored: re-reading
        `news_2017.zip` deleted the articles of `news-2017.zip`.)
        """
        ids = []
        for table in ("articles", "duplicates"):
            ids += [r[0] for r in self.db.execute(f"SELECT id FROM {table} WHERE {_IN_PATH}", _in_path(path))]
        return ids

    def source_paths(self) -> dict[str, dict[str, str] | None]:
        """Every file articles were read from, with the field map it was read with.

        Archive members collapse to their archive; what a rebuild re-reads.
        """
        paths: dict[str, dict[str, str] | None] = {
            r[0].split("::", 1)[0]: None
            for r in self.db.execute("SELECT path FROM articles UNION SELECT path FROM duplicates")}
        for (path,) in self.db.execute("SELECT path FROM copies"):
            # A file holding only copies is re-read while it exists; losing it loses no article.
            source = path.split("::", 1)[0]
            if source not in paths and os.path.exists(source):
                paths[source] = None
        for path, field_map in self.db.execute("SELECT path, field_map FROM inputs"):
            if path in paths:
                paths[path] = json.loads(field_map) if field_map else None
        return dict(sorted(paths.items()))

    def record_input(self, path: str, field_map: dict[str, str] | None) -> None:
        """Remember the field map a file was read with, for rebuilds."""
        with self.writer:
            self.writer.execute("INSERT OR REPLACE INTO inputs VALUES (?, ?)",
                            (path, json.dumps(field_map) if field_map else None))

    def chunk_rows(self, chunk_ids: Iterable[str]) -> dict[str, tuple]:
        """chunk id -> (article_id, n, start, end, text) for the ids that exist."""
        ids = list(chunk_ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(
            f'SELECT id, article_id, n, start, "end", text FROM chunks WHERE id IN ({marks})', ids)
        return {r[0]: r[1:] for r in rows}

    def chunk_hits(self, chunk_ids: Iterable[str]) -> dict[str, tuple[ArticleRef, str, int, int]]:
        """chunk id -> (its article's reference, text, start, end), in one query."""
        ids = list(chunk_ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(
            f'SELECT c.id, c.article_id, a.title, a.source, a.published, a.url, c.text, c.start, c."end" '
            f"FROM chunks c JOIN articles a ON a.id = c.article_id WHERE c.id IN ({marks})", ids)
        return {r[0]: (ArticleRef(*r[1:6]), *r[6:]) for r in rows}

    def chunk_ids_of(self, article_ids: Iterable[str]) -> list[str]:
        """The chunk ids the manifest records for these articles."""
        ids = list(article_ids)
        out: list[str] = []
        for at in range(0, len(ids), 500):
            part = ids[at:at + 500]
            out += [r[0] for r in self.db.execute(
                f"SELECT id FROM chunks WHERE article_id IN ({','.join('?' * len(part))})", part)]
        return out

    def chunk_ids(self) -> set[str]:
        """Every chunk id the manifest records."""
        return {r[0] for r in self.db.execute("SELECT id FROM chunks")}

    def dead_vectors(self) -> int:
        """Chunks deleted or replaced since the vector index was built: Chroma keeps their slots."""
        row = self.db.execute("SELECT value FROM counters WHERE name='dead_vectors'").fetchone()
        return int(row[0]) if row else 0

    def writes(self) -> int:
        """How many vector-changing transactions were committed: another process's write shows as a change."""
        row = self.db.execute("SELECT value FROM counters WHERE name='writes'").fetchone()
        return int(row[0]) if row else 0

    def count_write(self) -> None:
        """Count a committed write that changed what searches see outside the manifest's own tables (a
        rebuilt keyword index), so other processes reopen the store."""
        with self.writer:
            self._count("writes", 1)

    def reset_dead_vectors(self) -> None:
        """The vector index was rebuilt from the live chunks only."""
        with self.writer:
            self.writer.execute("DELETE FROM counters WHERE name='dead_vectors'")

    def chunks_of(self, article_id: str) -> list[Chunk]:
        """An article's chunks in order."""
        rows = self.db.execute(
            'SELECT id, article_id, n, text, start, "end" FROM chunks WHERE article_id=? ORDER BY n', (article_id,))
        return [Chunk(*r) for r in rows]

    def chunk_ids_at(self, rowids: Sequence[int], where_sql: str = "", params: tuple = ()) -> dict[int, str]:
        """rowid -> chunk id for those of `rowids` that are chunks now and whose article passes `where_sql`
        (SQL conditions on alias `a`, each starting with " AND ")."""
        out: dict[int, str] = {}
        for at in range(0, len(rowids), 500):
            part = list(rowids[at:at + 500])
            out.update(self.db.execute(
                f"SELECT c.rowid, c.id FROM chunks c JOIN articles a ON a.id = c.article_id "
                f"WHERE c.rowid IN ({','.join('?' * len(part))}){where_sql}", (*part, *params)))
        return out

    def undated_ids(self) -> list[str]:
        """Ids of the articles without a publication date (kept by an as-of cut-off)."""
        return [r[0] for r in self.db.execute("SELECT id FROM articles WHERE ts IS NULL ORDER BY id")]

    def article_timestamps(self) -> list[int]:
        """Publication timestamps of the dated articles, ascending (to estimate what a date filter keeps)."""
        return [r[0] for r in self.db.execute("SELECT ts FROM articles WHERE ts IS NOT NULL ORDER BY ts")]

    def chunks_passing(self, chunk_ids: Sequence[str], where_sql: str, params: tuple) -> set[str]:
        """Those of `chunk_ids` whose article passes the SQL conditions `where_sql` (on alias `a`)."""
        out: set[str] = set()
        for at in range(0, len(chunk_ids), 500):
            part = list(chunk_ids[at:at + 500])
            out.update(r[0] for r in self.db.execute(
                f"SELECT c.id FROM chunks c JOIN articles a ON a.id = c.article_id "
                f"WHERE c.id IN ({','.join('?' * len(part))}){where_sql}", (*part, *params)))
        return out

    def outlets(self) -> dict[str, int]:
        """Outlet name -> article count, most articles first; articles without an outlet are not an
        outlet (they used to be counted as one called "unknown": see `unattributed`)."""
        rows = self.db.execute(
            "SELECT source, COUNT(*) FROM articles WHERE source IS NOT NULL AND source <> '' "
            "GROUP BY 1 ORDER BY 2 DESC, 1")
        return {r[0]: r[1] for r in rows}

    def unattributed(self) -> int:
        """Articles without an outlet."""
        return self.db.execute("SELECT COUNT(*) FROM articles WHERE source IS NULL OR source = ''").fetchone()[0]

    def counts(self) -> tuple[int, int, str | None, str | None]:
        """(articles, chunks, first date, last date)."""
        a, first, last = self.db.execute("SELECT COUNT(*), MIN(published), MAX(published) FROM articles").fetchone()
        (c,) = self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()
        return a, c, first, last

    def months(self) -> dict[str, int]:
        """'YYYY-MM' -> number of articles published that month."""
        rows = self.db.execute(
            "SELECT substr(published, 1, 7), COUNT(*) FROM articles WHERE published IS NOT NULL GROUP BY 1 ORDER BY 1")
        return {r[0]: r[1] for r in rows}

    # -- writing (each call is one transaction) ---------------------------
    def put(self, article: Article, chunks: list[Chunk]) -> None:
        """Record an article and its chunks, replacing any earlier version."""
        self.replace([(article, chunks)], ())

    def replace(self, batch: Iterable[tuple[Article, list[Chunk]]], retire: Iterable[str]) -> list[str]:
        """Record articles (replacing earlier versions) and forget `retire` in one transaction.

        Returns the retired ids that were there. One transaction, so a reader
        never sees an edited article's old and new versions side by side.
        """
        with self.writer:
            for article, chunks in batch:
                self._insert(article, chunks)
            self._count("writes", 1)
            return [a for a in retire if self._delete(a)]

    def _insert(self, article: Article, chunks: list[Chunk]) -> None:
        self._delete(article.id)
        self.writer.execute(
            f"INSERT INTO articles ({_ARTICLE_COLS}, ts, body_hash, chars) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (article.id, article.title, article.source, article.published, article.url, article.body,
             article.author, article.path, article.content_hash, len(chunks), article.timestamp,
             article.body_hash, len(article.body)),
        )
        head = fold(article.title)
        self.writer.executemany(
            'INSERT INTO chunks (id, article_id, n, start, "end", text, search_text) VALUES (?,?,?,?,?,?,?)',
            [(c.id, c.article_id, c.n, c.start, c.end, c.text, f"{head}\n{fold(c.text)}") for c in chunks],
        )
        record_flags(self.writer, article.id, article.body)
        record_statements(self.writer, article.id, article.body)

    def put_duplicate(self, article: Article, duplicate_of: str) -> None:
        """Record that `article` repeats the body of a stored article."""
        with self.writer:
            self._delete(article.id)
            self.writer.execute("INSERT INTO duplicates VALUES (?,?,?,?)",
                                (article.id, duplicate_of, article.path, article.content_hash))

    def delete(self, article_id: str) -> bool:
        """Forget an article (or duplicate record) and its copies; True if anything was removed."""
        with self.writer:
            self._count("writes", 1)
            self.writer.execute("DELETE FROM copies WHERE id=?", (article_id,))
            return self._delete(article_id)

    def duplicates(self) -> dict[str, str]:
        """duplicate id -> id of the stored article it repeats."""
        return dict(self.db.execute("SELECT id, duplicate_of FROM duplicates"))

    # -- copies: a stored article read again, unchanged, from another file --
    def record_copy(self, article: Article) -> bool:
        """Note that `article`, stored from another file, is also in `article.path`; True when new."""
        row = self.db.execute("SELECT content_hash FROM copies WHERE id=? AND path=?",
                              (article.id, article.path)).fetchone()
        if row and row[0] == article.content_hash:
            return False
        with self.writer:
            self.writer.execute("INSERT OR REPLACE INTO copies VALUES (?,?,?)",
                            (article.id, article.path, article.content_hash))
        return True

    def forget_copies(self, path: str, keep: Iterable[str] = ()) -> None:
        """Forget the copies recorded in `path` (or inside it), except those of the ids in `keep`."""
        kept = set(keep)
        rows = self.db.execute(f"SELECT id, path FROM copies WHERE {_IN_PATH}", _in_path(path)).fetchall()
        with self.writer:
            self.writer.executemany("DELETE FROM copies WHERE id=? AND path=?", [r for r in rows if r[0] not in kept])

    def duplicate_count(self) -> int:
        """Articles not indexed twice: recorded duplicates plus copies of a stored article's current version."""
        (dupes,) = self.db.execute("SELECT COUNT(*) FROM duplicates").fetchone()
        (copies,) = self.db.execute(
            "SELECT COUNT(*) FROM copies c JOIN articles a ON a.id = c.id AND a.content_hash = c.content_hash"
        ).fetchone()
        return dupes + copies

    def _delete(self, article_id: str) -> bool:
        dead = self.writer.execute("DELETE FROM chunks WHERE article_id=?", (article_id,)).rowcount
        if dead > 0:
            self._count("dead_vectors", dead)
        delete_flags(self.writer, article_id)
        delete_statements(self.writer, article_id)
        gone = self.writer.execute("DELETE FROM articles WHERE id=?", (article_id,)).rowcount
        gone += self.writer.execute("DELETE FROM duplicates WHERE id=?", (article_id,)).rowcount
        return gone > 0

    def _count(self, name: str, n: int) -> None:
        self.writer.execute("INSERT INTO counters VALUES (?, ?) "
                            "ON CONFLICT(name) DO UPDATE SET value = value + excluded.value", (name, n))
