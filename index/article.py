"""The `Article` record, the `ArticleRef` that points at one, and the text
normalisation every reader applies.

An article's identity is its canonical URL when it has one, else a hash of its
normalised text, so re-reading the same file always yields the same id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from typing import Any, Mapping

import ftfy

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def _drop_control_chars(line: str) -> str:
    """`line` without control, format or unassigned characters (Unicode category C*).

    `str.isprintable()` is False for every such character, so clean lines (almost
    all of them) skip the per-character scan.
    """
    if line.isprintable():
        return line
    return "".join(ch for ch in line if unicodedata.category(ch)[0] != "C")


def normalise_text(text: str) -> str:
    """Repair mojibake, apply Unicode NFC and tidy whitespace, keeping paragraphs.

    Paragraph breaks (blank lines) survive as a single blank line; runs of spaces
    collapse to one; control characters other than newlines are dropped.
    """
    text = ftfy.fix_text(text, normalization="NFC")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", _drop_control_chars(line)).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = _BLANK_LINES.sub("\n\n", text)
    return unicodedata.normalize("NFC", text.strip())


def content_hash(*parts: str | None) -> str:
    """A short, stable sha256 over the given fields (None counts as empty)."""
    digest = hashlib.sha256("\x1f".join(p or "" for p in parts).encode("utf-8"))
    return digest.hexdigest()[:32]


def iso_date(value: date | datetime | None) -> str | None:
    """Format a date as `YYYY-MM-DD`, or None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat()


def date_timestamp(iso: str | None) -> int | None:
    """Seconds since the epoch at UTC midnight of an ISO date; Chroma filters ranges on it."""
    if not iso:
        return None
    d = date.fromisoformat(iso[:10])
    return int(datetime(d.year, d.month, d.day, tzinfo=timezone.utc).timestamp())


@dataclass(frozen=True)
class Article:
    """One news article as Newsdesk stores it.

    `body` excludes the headline; `published` is an ISO date (`YYYY-MM-DD`) or
    None when the source gives none; `path` is where it was read from (for a
    member of an archive, `archive.zip::member.txt`).
    """

    id: str
    title: str
    body: str
    path: str
    published: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def timestamp(self) -> int | None:
        """`published` as a UTC-midnight epoch timestamp (None when undated)."""
        return date_timestamp(self.published)

    @property
    def body_hash(self) -> str:
        """Hash of the normalised body alone: equal bodies are duplicates."""
        return content_hash(self.body)

    @property
    def content_hash(self) -> str:
        """Hash of everything that ends up in the index; a change means re-embedding."""
        return content_hash(self.title, self.body, self.published, self.source, self.url, self.author)

    def to_dict(self) -> dict:
        """A JSON-ready dict of the record."""
        return asdict(self)


@dataclass(frozen=True)
class ArticleRef:
    """What every record pointing at an article carries: its id, headline, outlet, date and link.

    Hits, passages, citations, manifest rows, closest articles and syndicated
    copies embed one (`ref`) instead of declaring the five fields again.
    """

    article_id: str
    title: str
    source: str | None
    published: str | None
    url: str | None

    def to_json(self) -> dict:
        """`{"article_id", "title", "source", "published", "url"}`, as JSON output names an article."""
        return {"article_id": self.article_id, "title": self.title, "source": self.source,
                "published": self.published, "url": self.url}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ArticleRef:
        """The reference held in `to_json()`'s keys (other keys ignored; missing optional ones are None)."""
        return cls(data["article_id"], data["title"], data.get("source"), data.get("published"), data.get("url"))


class RefersToArticle:
    """Read-only names for the `ref` of a record that points at an article (`hit.title` is `hit.ref.title`).

    Mixed into the dataclasses that embed an `ArticleRef`, so callers keep
    writing `passage.source` while the five fields are declared once.
    """

    ref: ArticleRef

    @property
    def article_id(self) -> str:
        """The article's id (its canonical URL, or a hash of its text)."""
        return self.ref.article_id

    @property
    def title(self) -> str:
        """The article's headline."""
        return self.ref.title

    @property
    def source(self) -> str | None:
        """The outlet."""
        return self.ref.source

    @property
    def published(self) -> str | None:
        """The ISO publication date, or None when undated."""
        return self.ref.published

    @property
    def url(self) -> str | None:
        """The article's link, when it has one."""
        return self.ref.url


def make_article(
    *,
    title: str | None,
    body: str,
    path: str,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    author: str | None = None,
) -> Article:
    """Build an `Article` from raw fields: normalise text and derive the stable id.

    Raises ValueError when there is no body text to index.
    """
    body_n = normalise_text(body or "")
    title_n = normalise_text(title or "").replace("\n", " ")
    if not body_n:
        raise ValueError("no article text found")
    if not title_n:
        first = body_n.split("\n", 1)[0]
        title_n = first if len(first) <= 200 else first[:197].rstrip() + "..."
    url_n = (url or "").strip() or None
    article_id = url_n if url_n else "sha:" + content_hash(title_n, body_n)
    return Article(
        id=article_id,
        title=title_n,
        body=body_n,
        path=path,
        published=published,
        source=(normalise_text(source) if source else None) or None,
        url=url_n,
        author=(normalise_text(author) if author else None) or None,
    )
