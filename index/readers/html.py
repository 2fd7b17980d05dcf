"""HTML pages: the main text and metadata, extracted by trafilatura.

Navigation, ads, comments and footers are dropped by trafilatura's boilerplate
removal; nothing is fetched (we hand it the page's own bytes).
"""

from __future__ import annotations

import trafilatura

from index.article import Article, make_article
from index.outlets import outlet_from_url
from index.readers.decode import parse_date


def parse_html_article(html: str, path: str) -> Article:
    """One article from an HTML page; ValueError when no main text is found."""
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False)
    if doc is None or not (doc.text or "").strip():
        raise ValueError("no article text found in the HTML page")
    title = (doc.title or "").strip()
    paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise ValueError("no article text found in the HTML page")
    url = doc.url if doc.url and doc.url.startswith(("http://", "https://")) else None
    return make_article(
        title=title, body="\n\n".join(paragraphs), path=path, published=parse_date(doc.date),
        source=doc.sitename or outlet_from_url(url), url=url, author=doc.author)
