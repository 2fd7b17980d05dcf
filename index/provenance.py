"""Which embedder wrote a store, recorded in its manifest.

Vectors of two embedders cannot be searched together (different spaces, maybe
different dimensions), and `newsdesk stats`, `export` and `import` must say
which model a store needs to answer questions. The first write stamps the
store with the embedder's name and dimensions; later writes by another
embedder are refused with one line (rebuild into a fresh store to switch).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Protocol

from index.errors import NewsdeskError

SCHEMA = "CREATE TABLE IF NOT EXISTS store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)"


class Encodes(Protocol):
    """What a stamp reads from an embedder."""

    dimensions: int


class EmbedderMismatch(NewsdeskError, RuntimeError):
    """The store was written by another embedder than the one configured now."""


@dataclass(frozen=True)
class EmbedderStamp:
    """The embedder that wrote a store's vectors."""

    name: str
    dimensions: int

    def describe(self) -> str:
        """`all-MiniLM-L6-v2 (384 dimensions)`."""
        return f"{self.name} ({self.dimensions} dimensions)"

    def to_json(self) -> dict:
        """The stamp as JSON."""
        return {"name": self.name, "dimensions": self.dimensions}


def stamp_of(embedder: Encodes) -> EmbedderStamp:
    """The stamp of `embedder` (its model folder's name; a test double's class name)."""
    return EmbedderStamp(str(getattr(embedder, "name", "") or type(embedder).__name__), int(embedder.dimensions))


def read_stamp(db: sqlite3.Connection) -> EmbedderStamp | None:
    """The store's stamp (None before its first write, or for stores written before stamps existed)."""
    try:
        rows = dict(db.execute("SELECT key, value FROM store_info WHERE key LIKE 'embedder_%'").fetchall())
    except sqlite3.OperationalError:  # a manifest older than the table, opened read-only
        return None
    if "embedder_name" not in rows:
        return None
    return EmbedderStamp(rows["embedder_name"], int(rows.get("embedder_dimensions", 0)))


def stamp_store(writer: sqlite3.Connection, stamp: EmbedderStamp) -> None:
    """Stamp the store on its first write; `EmbedderMismatch` when another embedder wrote it."""
    writer.execute(SCHEMA)
    found = read_stamp(writer)
    if found is not None and found != stamp:
        raise EmbedderMismatch(f"the index was written by {found.describe()}, not {stamp.describe()}: "
                               "its vectors cannot be mixed; ingest into a fresh store (--store) instead")
    if found is None:
        with writer:
            writer.executemany("INSERT OR REPLACE INTO store_info VALUES (?, ?)",
                               [("embedder_name", stamp.name), ("embedder_dimensions", str(stamp.dimensions))])
