"""RSS and Atom feeds (feedparser): every entry with text becomes an article.

The feed is parsed from its own bytes, so feedparser never fetches anything and
applies the XML encoding declaration itself. Broken XML is reported, but the
entries feedparser's lenient parser could still recover are kept.
"""

from __future__ import annotations

import io
from typing import Iterator

import feedparser

from index.article import Article, make_article
from index.outlets import known_outlet, outlet_from_url
from index.readers.dates import parse_date
from index.readers.failure import ReadFailure
from index.readers.html import html_to_text

# Oddities feedparser reports that do not lose any content.
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def read_feed(data: bytes, label: str) -> Iterator[Article | ReadFailure]:
    """The articles of an RSS/Atom feed file; failures for a broken feed or unusable entries."""
    if not _looks_like_feed(data):
        yield ReadFailure(label, "XML that is not an RSS or Atom feed")
        return
    feed = feedparser.parse(io.BytesIO(data))
    if not feed.entries:
        if feed.bozo:
            yield ReadFailure(label, f"malformed feed XML: {_describe(feed.get('bozo_exception'))}")
        else:
            yield ReadFailure(label, "feed holds no entries")
        return
    if feed.bozo and not isinstance(feed.get("bozo_exception"), _HARMLESS):
        count = len(feed.entries)
        yield ReadFailure(label, f"malformed feed XML: {_describe(feed.get('bozo_exception'))} "
                                 f"({count} {'entry' if count == 1 else 'entries'} recovered)")
    channel = (feed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(feed.entries, 1):
        title = (entry.get("title") or "").strip()
        name = f"entry {number}" + (f" ({title[:60]!r})" if title else "")
        body = _entry_text(entry)
        if not body.strip():
            yield ReadFailure(label, f"{name} has no text")
            continue
        url = entry.get("link") if (entry.get("link") or "").startswith(("http://", "https://")) else None
        source = (entry.get("source") or {}).get("title") or known_outlet(url) or channel or outlet_from_url(url)
        raw_date = entry.get("published") or entry.get("updated") or entry.get("created")
        published = parse_date(raw_date) or parse_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        try:
            yield make_article(title=title, body=body, path=label, published=published, source=source, url=url,
                               author=entry.get("author"))
        except ValueError as exc:
            yield ReadFailure(label, f"{name}: {exc}")


def _looks_like_feed(data: bytes) -> bool:
    """True when an RSS, Atom or RDF root element appears near the start."""
    head = data[:65536]
    encoding = "utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8"
    text = head.decode(encoding, errors="ignore").lower()
    return any(tag in text for tag in ("<rss", "<feed", "<rdf:rdf"))


def _entry_text(entry) -> str:
    """The entry's fullest text: its content if any, else its summary, as plain text."""
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        if value.strip():
            return value if part.get("type") == "text/plain" else html_to_text(value)
    detail = entry.get("summary_detail") or {}
    summary = entry.get("summary") or ""
    return summary if detail.get("type") == "text/plain" else html_to_text(summary)


def _describe(exc: object) -> str:
    """One line for feedparser's bozo exception (SAX errors carry a line number)."""
    if exc is None:
        return "unknown error"
    message = getattr(exc, "getMessage", None)
    line = getattr(exc, "getLineNumber", None)
    if callable(message) and callable(line):
        return f"{message()} at line {line()}"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
