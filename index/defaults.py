"""Metadata given at ingest for files that lack it: "these files are from Hürriyet Daily News,
published 2015-10-03".

A plain `.txt` without `Date:`/`Source:` lines has no outlet and no date; `newsdesk ingest
--source/--date/--author` and the app's upload form supply them. They fill only fields the file
leaves empty (a record's own outlet wins), and are recorded per source file in the manifest so a
later re-ingest or rebuild of that file keeps them (nothing indexed is lost). This is the one
place defaults are applied: `Indexer.ingest` passes every article it reads through `apply`.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from dataclasses import dataclass
from datetime import date

from index.article import Article, normalise_text
from index.errors import NewsdeskError

DEFAULTS_SCHEMA = """
CREATE TABLE IF NOT EXISTS input_defaults (path TEXT PRIMARY KEY, defaults TEXT NOT NULL);
"""
FIELDS = ("source", "published", "author")


class BadDefault(NewsdeskError, ValueError):
    """An outlet, date or author given at ingest that cannot be used (the message names it)."""


@dataclass(frozen=True)
class ArticleDefaults:
    """Outlet, ISO publication date and author for articles that have none of their own."""

    source: str | None = None
    published: str | None = None
    author: str | None = None

    @classmethod
    def parse(cls, source: str | None = None, published: object = None,
              author: str | None = None) -> "ArticleDefaults":
        """Defaults from user input; a date that is not `YYYY-MM-DD` (or a real day) raises `BadDefault`."""
        day = None
        text = "" if published is None else str(published).strip()
        if text:
            try:
                day = date.fromisoformat(text).isoformat()
            except ValueError:
                raise BadDefault(f"the date must be a day written like 2015-10-03, not “{text}”") from None
        return cls(_clean(source), day, _clean(author))

    def __bool__(self) -> bool:
        return any(getattr(self, f) for f in FIELDS)

    def over(self, recorded: "ArticleDefaults") -> "ArticleDefaults":
        """These defaults, with `recorded` ones filling the fields these leave empty."""
        return ArticleDefaults(*(getattr(self, f) or getattr(recorded, f) for f in FIELDS))

    def apply(self, article: Article) -> Article:
        """`article` with its empty outlet, date and author filled in (its id does not change)."""
        fill = {f: getattr(self, f) for f in FIELDS if getattr(self, f) and not getattr(article, f)}
        return dataclasses.replace(article, **fill) if fill else article

    def to_json(self) -> dict:
        """`{"source", "published", "author"}` with the fields that are set."""
        return {f: getattr(self, f) for f in FIELDS if getattr(self, f)}

    @classmethod
    def from_json(cls, data: dict) -> "ArticleDefaults":
        """The defaults `to_json()` wrote."""
        return cls(*(data.get(f) for f in FIELDS))


def _clean(text: str | None) -> str | None:
    return (normalise_text(text).replace("\n", " ") if text else None) or None


def recorded_defaults(db: sqlite3.Connection, path: str) -> ArticleDefaults:
    """The defaults recorded for one source file (empty when none were given)."""
    row = db.execute("SELECT defaults FROM input_defaults WHERE path=?", (path,)).fetchone()
    return ArticleDefaults.from_json(json.loads(row[0])) if row else ArticleDefaults()


def all_recorded(db: sqlite3.Connection) -> dict[str, ArticleDefaults]:
    """Source file -> its recorded defaults (what a rebuild re-applies)."""
    return {p: ArticleDefaults.from_json(json.loads(d)) for p, d in db.execute("SELECT path, defaults FROM input_defaults")}


def record_defaults(writer: sqlite3.Connection, path: str, defaults: ArticleDefaults) -> None:
    """Remember the defaults a file was read with (one transaction)."""
    with writer:
        writer.execute("INSERT OR REPLACE INTO input_defaults VALUES (?, ?)",
                       (path, json.dumps(defaults.to_json(), ensure_ascii=False)))
