"""HTML: whole pages through trafilatura (main text + metadata), fragments to plain text.

trafilatura drops navigation, ads, comments and footers. It is only ever handed
the page's own text, so nothing is fetched.
"""

from __future__ import annotations

import html as html_lib

import lxml.etree
import lxml.html
import trafilatura

from index.article import Article, make_article
from index.outlets import known_outlet, outlet_from_url
from index.readers.dates import parse_date

_BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
           "table", "section", "article", "header", "footer", "figure", "figcaption", "dd", "dt", "dl", "hr"}
MIN_WORDS = 8  # below this trafilatura has only found menu scraps, not an article
_DROPPED = ("script", "style", "noscript", "iframe", "template", "svg", "form", "button")


def parse_html_article(page: str, path: str) -> Article:
    """One article from a whole HTML page; ValueError when trafilatura finds no main text."""
    options = dict(with_metadata=True, include_comments=False, include_tables=False, include_images=False,
                   # No extensive search: it turns a "(c) 2017" footer into 2017-01-01.
                   date_extraction_params={"original_date": True, "extensive_search": False})
    try:
        doc = trafilatura.bare_extraction(page, **options)
        if doc is None or not (doc.text or "").strip():
            # Short pages fall under trafilatura's precision thresholds; try harder once.
            doc = trafilatura.bare_extraction(page, favor_recall=True, **options)
    except (ValueError, TypeError, lxml.etree.LxmlError) as exc:
        raise ValueError(f"cannot parse the HTML page: {exc}") from None
    if doc is None or not (doc.text or "").strip():
        raise ValueError("no article text found in the HTML page (trafilatura found no main content)")
    title = (doc.title or "").strip()
    paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()]
    if title and paragraphs and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]
    if sum(len(p.split()) for p in paragraphs) < MIN_WORDS:
        raise ValueError("no article text found in the HTML page (only a headline or a few words)")
    url = doc.url if doc.url and doc.url.startswith(("http://", "https://")) else None
    return make_article(title=title, body="\n\n".join(paragraphs), path=path, published=parse_date(doc.date),
                        source=known_outlet(url) or doc.sitename or outlet_from_url(url), url=url,
                        author=doc.author)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one paragraph per block.

    Scripts, styles and forms are dropped; entities are decoded. Text without
    tags is only unescaped.
    """
    if "<" not in fragment:
        return html_lib.unescape(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return html_lib.unescape(fragment)
    for element in root.xpath("|".join(f"//{tag}" for tag in _DROPPED)):
        element.drop_tree()
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif tag in _BLOCKS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    return root.text_content()
