"""The SQLite side of the store: the article manifest and the keyword index.

One SQLite file holds what Chroma cannot: every article's full record and
content hash (for incremental updates), recorded duplicates, each chunk's text
and offsets, and an FTS5 keyword index over the chunks.

Why FTS5 and not bm25s: it updates incrementally inside the same transaction as
the manifest (add, replace, delete one article), lives on disk next to it, and
needs no extra dependency; bm25s would have to rebuild its whole matrix on every
change. Accents are folded twice: by FTS5's `remove_diacritics 2` and by
`index.text.fold()` (which also maps letters like Turkish `ı` that have no diacritic), so
`Davutoglu` finds `Davutoğlu`.
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
from index.statements import STATEMENTS_SCHEMA, delete_statements, record_statements
from index.text import STOPWORDS, WORD, fold

# `search_text` is the folded headline, a newline, then the folded chunk text: split it into the
# headline and body columns of `chunk_fields`, so keyword search can weigh the headline on its own.
_HEAD = "substr(new.search_text, 1, instr(new.search_text, char(10)) - 1)"
_BODY = "substr(new.search_text, instr(new.search_text, char(10)) + 1)"
# BM25 weight of a headline match relative to body text (FTS5 column weights).
TITLE_WEIGHT = 2.0

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
CREATE VIRTUAL TABLE IF NOT EXISTS chunk_fields USING fts5(
    title, body, tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS chunk_fields_ai AFTER INSERT ON chunks BEGIN
    INSERT INTO chunk_fields(rowid, title, body) VALUES (new.rowid, """ + _HEAD + ", " + _BODY + """);
END;
CREATE TRIGGER IF NOT EXISTS chunk_fields_ad AFTER DELETE ON chunks BEGIN
    DELETE FROM chunk_fields WHERE rowid = old.rowid;
END;
"""
# Stores made before 2026-12-02 also kept the whole search text in a second FTS5 table that
# nothing read (keyword search uses `chunk_fields`); every insert paid for it. Dropped on open.
_DROP_UNUSED = """
DROP TRIGGER IF EXISTS chunks_ai;
DROP TRIGGER IF EXISTS chunks_ad;
DROP TABLE IF EXISTS chunks_fts;
"""


def keyword_query(text: str) -> str | None:
    """An FTS5 OR-query of the question's content words (None when it has none)."""
    words = [w for w in WORD.findall(fold(text)) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]
    unique = list(dict.fromkeys(words))[:32]
    return " OR ".join(f'"{w}"' for w in unique) or None


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
    """Articles, duplicates, chunk texts and the FTS5 keyword index in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        # Writes go through their own connection: readers on `db` (other threads
        # of the app) then see only committed transactions, never an article
        # half replaced (WAL gives each statement a committed snapshot).
        self.writer = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
        self.writer.executescript(SCHEMA + _DROP_UNUSED + FLAGS_SCHEMA + STATEMENTS_SCHEMA + DEFAULTS_SCHEMA)
        self.db = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
        self.db.execute("PRAGMA journal_size_limit=1048576")  # the WAL file is truncated back to 1 MB
        self._fill_chunk_fields()

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database and truncate it (after a batch of writes).

        Each article's syndication grouping is its own small commit; without this the
        WAL grew to 3.4 MB between SQLite's automatic checkpoints on a 1 MB store
        (30 articles updated 8 times, tests/index/test_crash_leftovers.py).
        """
        self.writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _fill_chunk_fields(self) -> None:
        """Migrate a store made before `chunk_fields` existed: index its chunks there (no re-embedding)."""
        if self.db.execute("SELECT 1 FROM chunk_fields LIMIT 1").fetchone() or \
                not self.db.execute("SELECT 1 FROM chunks LIMIT 1").fetchone():
            return
        head, body = (x.replace("new.", "") for x in (_HEAD, _BODY))
        with self.writer:
            self.writer.execute(
                f"INSERT INTO chunk_fields(rowid, title, body) SELECT rowid, {head}, {body} FROM chunks")

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

    def reset_dead_vectors(self) -> None:
        """The vector index was rebuilt from the live chunks only."""
        with self.writer:
            self.writer.execute("DELETE FROM counters WHERE name='dead_vectors'")

    def chunks_of(self, article_id: str) -> list[Chunk]:
        """An article's chunks in order."""
        rows = self.db.execute(
            'SELECT id, article_id, n, text, start, "end" FROM chunks WHERE article_id=? ORDER BY n', (article_id,))
        return [Chunk(*r) for r in rows]

    def keyword_search(self, text: str, k: int, where_sql: str = "", params: tuple = (), *,
                       title_weight: float = TITLE_WEIGHT, fetch: int | None = None) -> list[tuple[str, float]]:
        """(chunk id, bm25 score — higher is better) for the best `k` keyword matches.

        Headline and body are separate FTS5 columns; a headline match counts
        `title_weight` times a body match. FTS5 ranks alone first and only its
        best rows are joined to chunks and articles: joining every match (a
        third of the archive for a typical question) doubled the cost. With a
        filter, the best `fetch` rows are filtered; when fewer than `k` pass,
        the filter goes inside the ranking query instead (exact either way).
        """
        query = keyword_query(text)
        if not query:
            return []
        rank = f"bm25(chunk_fields, {float(title_weight)!r}, 1.0)"
        if not where_sql or fetch:
            best = f"SELECT rowid, {rank} AS r FROM chunk_fields WHERE chunk_fields MATCH ? ORDER BY r, rowid LIMIT ?"
            sql = (f"SELECT c.id, -f.r FROM ({best}) f JOIN chunks c ON c.rowid = f.rowid "
                   f"JOIN articles a ON a.id = c.article_id WHERE 1 {where_sql} ORDER BY f.r, f.rowid LIMIT ?")
            rows = self.db.execute(sql, (query, fetch if where_sql else k, *params, k)).fetchall()
            if not where_sql or len(rows) >= k:
                return [(r[0], float(r[1])) for r in rows]
        sql = (
            f"SELECT c.id, -{rank} AS score FROM chunk_fields "
            "JOIN chunks c ON c.rowid = chunk_fields.rowid JOIN articles a ON a.id = c.article_id "
            f"WHERE chunk_fields MATCH ? {where_sql} ORDER BY {rank}, chunk_fields.rowid LIMIT ?"
        )
        return [(r[0], float(r[1])) for r in self.db.execute(sql, (query, *params, k))]

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
