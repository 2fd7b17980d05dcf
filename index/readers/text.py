"""Plain-text and Markdown articles: headline on the first line, body after it.

A headline repeated at the top (scrapers often emit it two or three times, the
last time glued to the first paragraph) is kept once, as the title. Optional
header lines right below it (`Date:`, `Source:`, `URL:`, `By ...`) become metadata.
"""

from __future__ import annotations

import re

from index.article import Article, make_article, normalise_text
from index.readers.decode import parse_date

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_HEADER = re.compile(r"^(date|published|source|outlet|url|link|author|by)\s*[:：]\s*(.+)$", re.I)
_BYLINE = re.compile(r"^by\s+([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,4})$")


def parse_text_article(text: str, path: str) -> Article:
    """One article from a text/Markdown document."""
    text = normalise_text(text)
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise ValueError("empty file")
    title = _MD_HEADING.sub("", lines[0]).strip().strip("*_").strip()
    rest = lines[1:]
    # Drop repeats of the headline, alone on a line or glued to the first paragraph.
    while True:
        while rest and not rest[0].strip():
            rest.pop(0)
        if not rest:
            break
        first = _MD_HEADING.sub("", rest[0]).strip()
        if first == title:
            rest.pop(0)
        elif title and first.startswith(title + " ") and len(first) > len(title) + 20:
            rest[0] = first[len(title):].lstrip()
            break
        else:
            break
    meta: dict[str, str] = {}
    while rest:
        line = rest[0].strip()
        match = _HEADER.match(line) or None
        byline = _BYLINE.match(line)
        if match:
            meta[match.group(1).lower()] = match.group(2).strip()
        elif byline:
            meta["author"] = byline.group(1)
        elif line:
            break
        rest.pop(0)
    body = "\n".join(rest).strip()
    if not body:
        raise ValueError("no article text after the headline")
    return make_article(
        title=title, body=body, path=path,
        published=parse_date(meta.get("date") or meta.get("published")),
        source=meta.get("source") or meta.get("outlet"),
        url=meta.get("url") or meta.get("link"),
        author=meta.get("author") or meta.get("by"),
    )
