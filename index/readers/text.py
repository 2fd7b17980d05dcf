"""Plain-text and Markdown articles: headline on the first line, body after it.

A headline repeated at the top (scrapers often emit it two or three times, the
last time glued to the first paragraph) is kept once, as the title. Simple
metadata is recognised at the top: a `---` front-matter block, or header lines
such as `Date: 2017-02-03`, `Source: BBC`, `URL: ...` and a `By Jane Doe` byline.
A file without a date gives `published=None`.
"""

from __future__ import annotations

import re

from index.article import Article, make_article, normalise_text
from index.outlets import outlet_from_url
from index.readers.dates import parse_date

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_HEADER = re.compile(r"^(title|headline|date|published|publication date|source|outlet|publication|"
                     r"url|link|author|authors|byline|by)\s*[:：]\s*(.+)$", re.I)
_NAME = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(rf"^By\s+({_NAME}(?:(?:\s+|,\s*|\s+and\s+|\s*&\s*){_NAME}){{0,6}})\s*$")
_KEYS = {
    "title": "title", "headline": "title",
    "date": "published", "published": "published", "publication date": "published",
    "source": "source", "outlet": "source", "publication": "source",
    "url": "url", "link": "url",
    "author": "author", "authors": "author", "byline": "author", "by": "author",
}


def parse_text_article(text: str, path: str) -> Article:
    """One article from a text or Markdown document; ValueError when there is no body."""
    lines = normalise_text(text).split("\n")
    meta: dict[str, str] = {}
    lines = _front_matter(lines, meta)
    lines = _header_lines(lines, meta)
    title = meta.pop("title", None)
    if title is None:
        if not lines:
            raise ValueError("no text after the header lines")
        title = _clean_heading(lines.pop(0))
        if lines and _MD_SETEXT.match(lines[0]):  # "Title\n=====" Markdown heading
            lines.pop(0)
    lines = _drop_repeated_title(lines, title)
    lines = _header_lines(lines, meta)
    body = "\n".join(lines).strip()
    if not body:
        raise ValueError("no article text after the headline")
    url = meta.get("url") if (meta.get("url") or "").startswith(("http://", "https://")) else None
    return make_article(title=title, body=body, path=path, published=parse_date(meta.get("published")),
                        source=meta.get("source") or outlet_from_url(url), url=url, author=meta.get("author"))


def _clean_heading(line: str) -> str:
    line = _MD_HEADING.sub("", line).strip()
    line = re.sub(r"\s+#+$", "", line)  # closing hashes: "# Title #"
    return line.strip("*_ ").strip()


def _key(line: str) -> str:
    """Comparison form of a heading: casefolded, without Markdown marks or end punctuation."""
    return re.sub(r"\s+", " ", _clean_heading(line)).casefold().rstrip(" .:;!")


def _drop_repeated_title(lines: list[str], title: str) -> list[str]:
    """Remove copies of the headline at the top, alone or glued to the first paragraph."""
    wanted = _key(title)
    lines = list(lines)
    while True:
        while lines and not lines[0].strip():
            lines.pop(0)
        if not lines or not wanted:
            return lines
        first = lines[0].strip()
        if _key(first) == wanted:
            lines.pop(0)
            continue
        if first.casefold().startswith(title.casefold() + " ") and len(first) > len(title) + 20:
            lines[0] = first[len(title):].lstrip()
        return lines


def _front_matter(lines: list[str], meta: dict[str, str]) -> list[str]:
    """Read a leading `---` ... `---` block of `key: value` lines."""
    if not lines or lines[0].strip() != "---":
        return lines
    for end in range(1, min(len(lines), 40)):
        if lines[end].strip() in ("---", "..."):
            for line in lines[1:end]:
                key, sep, value = line.partition(":")
                field = _KEYS.get(key.strip().lower())
                if sep and field and value.strip():
                    meta.setdefault(field, value.strip().strip("\"'"))
            return lines[end + 1:]
    return lines


def _header_lines(lines: list[str], meta: dict[str, str]) -> list[str]:
    """Consume `Key: value` and `By Name` lines (and blank lines) at the top."""
    taken = 0
    for line in lines:
        stripped = line.strip()
        header = _HEADER.match(stripped)
        byline = _BYLINE.match(stripped)
        if header:
            meta.setdefault(_KEYS[header.group(1).lower()], header.group(2).strip())
        elif byline:
            meta.setdefault("author", byline.group(1))
        elif stripped:
            break
        taken += 1
    return lines[taken:]
