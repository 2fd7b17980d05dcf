"""Finding article fields in a structured record (a JSON object or a CSV row).

Fields are found by common names, case-insensitively, unless a field map names
the key that holds a field (`{"body": "story"}`, as `--map body=story` gives).
"""

from __future__ import annotations

from typing import Mapping

from index.article import Article, make_article
from index.outlets import outlet_from_url
from index.readers.dates import parse_date

FIELDS = ("title", "body", "published", "source", "url", "author")
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "heading", "name"),
    "body": ("body", "text", "content", "article", "maintext", "main_text", "story", "article_text",
             "full_text", "fulltext", "article_body", "articlebody", "content_text"),
    "published": ("published_at", "publish_date", "published", "date", "pubdate", "pub_date", "publication_date",
                  "date_published", "datepublished", "published_date", "datetime", "timestamp", "created_at"),
    "source": ("source", "outlet", "site", "publisher", "source_name", "sitename", "site_name", "publication"),
    "url": ("url", "link", "canonical_url", "article_url", "href", "permalink", "article_source_link",
            "source_url", "source_link"),
    "author": ("author", "authors", "byline", "writer", "creator"),
    "summary": ("subtitle", "description", "summary", "lead", "standfirst", "dek", "abstract"),
}


def body_column(columns: list[str], field_map: Mapping[str, str] | None) -> str | None:
    """The column a table's article text is in, or None when none can be found."""
    return _find_key({c: "x" for c in columns}, "body", field_map, require_value=False)


def _find_key(record: Mapping, field: str, field_map: Mapping[str, str] | None,
              require_value: bool = True) -> str | None:
    """The key holding `field`: the mapped one (any case), else the first common name present."""
    by_lower = {str(k).strip().lower(): k for k in record}
    if field_map and field_map.get(field):
        wanted = field_map[field]
        return wanted if wanted in record else by_lower.get(wanted.strip().lower())
    for name in FIELD_NAMES[field]:
        key = by_lower.get(name)
        if key is not None and (not require_value or record[key] not in (None, "", [], {})):
            return key
    return None


def _text(value: object) -> str | None:
    """A field value as text: lists joined with ", ", objects by their name/title/text."""
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(t for t in (_text(v) for v in value) if t) or None
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("title") or value.get("text") or value.get("value"))
    text = str(value).strip()
    return text or None


def record_to_article(record: object, path: str, field_map: Mapping[str, str] | None = None) -> Article:
    """One article from a record; ValueError saying which field is missing or wrong."""
    if not isinstance(record, Mapping):
        raise ValueError(f"expected an object with article fields, got {type(record).__name__}")
    keys = {field: _find_key(record, field, field_map) for field in (*FIELDS, "summary")}
    get = {field: (record.get(key) if key is not None else None) for field, key in keys.items()}
    body = _text(get["body"])
    if not body:
        if field_map and field_map.get("body"):
            raise ValueError(f"no article text in column {field_map['body']!r}")
        raise ValueError("no article text (no body/text/content field; name it with --map body=FIELD)")
    summary = _text(get["summary"]) if keys["summary"] != keys["body"] else None
    if summary and summary not in body[: len(summary) + 200]:
        body = summary + "\n\n" + body
    url = _text(get["url"])
    url = url if url and url.startswith(("http://", "https://")) else None
    return make_article(title=_text(get["title"]), body=body, path=path, published=parse_date(get["published"]),
                        source=_text(get["source"]) or outlet_from_url(url), url=url, author=_text(get["author"]))
