"""RSS and Atom feeds: every entry becomes an article (feedparser)."""

from __future__ import annotations

from typing import Iterator

import feedparser

from index.article import Article, make_article
from index.outlets import outlet_from_url
from index.readers.decode import parse_date


def looks_like_feed(text: str) -> bool:
    """True for RSS/Atom/RDF documents."""
    head = text[:2048].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def _html_to_text(html: str) -> str:
    import trafilatura

    text = trafilatura.extract(f"<html><body><article>{html}</article></body></html>",
                               include_comments=False, favor_recall=True) if "<" in html else html
    return (text or "").replace("\n", "\n\n")


def parse_feed(text: str, path: str) -> Iterator[Article | ValueError]:
    """Articles of a feed; a ValueError for each unusable entry or a broken feed."""
    feed = feedparser.parse(text)
    if feed.bozo and not feed.entries:
        raise ValueError(f"malformed feed XML: {feed.get('bozo_exception')}")
    outlet = (feed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(feed.entries, 1):
        content = entry.get("content")
        html = content[0].get("value", "") if content else entry.get("summary", "")
        body = _html_to_text(html or "")
        if not body.strip():
            yield ValueError(f"feed entry {number} has no text")
            continue
        url = entry.get("link")
        try:
            yield make_article(
                title=entry.get("title"), body=body, path=path,
                published=parse_date(entry.get("published_parsed") or entry.get("updated_parsed")
                                     or entry.get("published")),
                source=outlet or outlet_from_url(url), url=url, author=entry.get("author"))
        except ValueError as exc:
            yield ValueError(f"feed entry {number}: {exc}")
