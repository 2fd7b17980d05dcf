"""The records of the store's searches and reports: `StoreFilter` (what a search may return),
`ChunkHit` (what it returns), `StoreStats` (what `newsdesk stats` reports), and `where_sql`,
a filter as SQL conditions on the manifest."""

from __future__ import annotations

from dataclasses import dataclass, field

from index.article import ArticleRef, RefersToArticle, date_timestamp
from index.provenance import EmbedderStamp


@dataclass(frozen=True)
class StoreFilter:
    """Restricts a search to a date range (inclusive ISO dates) and/or outlets.

    `published_by` is the as-of cut-off: nothing dated after it, but unlike
    `until` it keeps undated articles (we cannot tell they are later).
    """

    since: str | None = None
    until: str | None = None
    sources: tuple[str, ...] = ()
    published_by: str | None = None

    def is_empty(self) -> bool:
        """True when nothing is restricted."""
        return not (self.since or self.until or self.sources or self.published_by)


@dataclass(frozen=True)
class ChunkHit(RefersToArticle):
    """A chunk found by a search, with its article's reference and a score."""

    chunk_id: str
    ref: ArticleRef
    text: str
    start: int
    end: int
    score: float

    def to_json(self) -> dict:
        """The hit as JSON: chunk id, the article's five fields, text, offsets and score."""
        return {"chunk_id": self.chunk_id, **self.ref.to_json(), "text": self.text, "start": self.start,
                "end": self.end, "score": self.score}


@dataclass
class StoreStats:
    """What `newsdesk stats` reports."""

    articles: int
    chunks: int
    sources: dict[str, int]
    first_date: str | None
    last_date: str | None
    bytes: int
    duplicates: int = 0
    months: dict[str, int] = field(default_factory=dict)
    syndicated_groups: int = 0  # groups of syndicated copies (see index/syndication.py)
    syndicated_articles: int = 0  # articles in those groups
    vectors: int = 0  # what Chroma holds (orphans of an interrupted write included)
    vectors_at: str = ""  # embedded in the folder, or which Chroma server
    embedder: EmbedderStamp | None = None  # the model that wrote the vectors (None: not recorded yet)
    unattributed: int = 0  # articles without an outlet (not counted as an outlet)

    def to_json(self) -> dict:
        """The `newsdesk stats --json` fields the store knows (the CLI adds the flagged count)."""
        return {"articles": self.articles, "chunks": self.chunks, "sources": self.sources,
                "first_date": self.first_date, "last_date": self.last_date, "bytes": self.bytes,
                "syndicated_groups": self.syndicated_groups, "syndicated_articles": self.syndicated_articles,
                "vectors": self.vectors, "vectors_at": self.vectors_at,
                "embedder": self.embedder.to_json() if self.embedder else None,
                "unattributed": self.unattributed}


def where_sql(where: StoreFilter | None) -> tuple[str, tuple]:
    """`where` as SQL conditions on the manifest's articles (alias `a`), each starting with " AND ",
    with their parameters; the same semantics as the Chroma filter (undated articles pass only
    `published_by`)."""
    sql, params = "", []
    if where and where.since:
        sql += " AND a.ts >= ?"
        params.append(date_timestamp(where.since))
    if where and where.until:
        sql += " AND a.ts <= ?"
        params.append(date_timestamp(where.until))
    if where and where.published_by:
        sql += " AND (a.ts IS NULL OR a.ts <= ?)"
        params.append(date_timestamp(where.published_by))
    if where and where.sources:
        sql += f" AND a.source IN ({','.join('?' * len(where.sources))})"
        params += list(where.sources)
    return sql, tuple(params)
