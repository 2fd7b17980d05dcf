"""Structured records: JSON (one object or an array), JSON Lines and CSV/TSV.

Fields are found by common names (case-insensitive) unless a field map says
which key holds which field; a bad record is reported with its line and the
rest carry on.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from typing import Iterator

from index.article import Article, make_article
from index.outlets import outlet_from_url
from index.readers.decode import parse_date

FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name"),
    "body": ("body", "text", "content", "article", "maintext", "story", "article_text", "full_text"),
    "published": ("published_at", "publish_date", "published", "date", "pubdate", "pub_date",
                  "publication_date", "datetime", "timestamp", "created_at"),
    "source": ("source", "outlet", "site", "publisher", "source_name", "sitename", "site_name", "domain"),
    "url": ("url", "link", "canonical_url", "article_url", "href", "article_source_link", "source_link"),
    "author": ("author", "authors", "byline", "writer"),
    "summary": ("subtitle", "description", "summary", "lead", "standfirst", "dek"),
}
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _pick(record: dict, field: str, field_map: dict[str, str] | None) -> object:
    if field_map and field in field_map:
        return record.get(field_map[field])
    lowered = {str(k).lower().strip(): v for k, v in record.items()}
    for name in FIELD_NAMES[field]:
        value = lowered.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(_as_text(v) or "" for v in value if v) or None
    if isinstance(value, dict):
        return _as_text(value.get("name") or value.get("title") or value.get("text"))
    return str(value)


def record_to_article(record: object, path: str, field_map: dict[str, str] | None = None) -> Article:
    """One article from a record (dict); ValueError naming what is missing."""
    if not isinstance(record, dict):
        raise ValueError(f"expected an object with article fields, got {type(record).__name__}")
    body = _as_text(_pick(record, "body", field_map))
    if not body or not body.strip():
        wanted = field_map.get("body") if field_map and "body" in field_map else "body/text/content"
        raise ValueError(f"no article text (field {wanted}) in the record")
    summary = _as_text(_pick(record, "summary", None if field_map and "body" in field_map else field_map))
    if summary and summary.strip() and summary.strip() not in body:
        body = summary.strip() + "\n\n" + body
    url = _as_text(_pick(record, "url", field_map))
    url = url.strip() if url and url.strip().startswith(("http://", "https://")) else None
    return make_article(
        title=_as_text(_pick(record, "title", field_map)), body=body, path=path,
        published=parse_date(_pick(record, "published", field_map)),
        source=_as_text(_pick(record, "source", field_map)) or outlet_from_url(url),
        url=url, author=_as_text(_pick(record, "author", field_map)))


def iter_json(text: str) -> Iterator[tuple[int, object]]:
    """(line, record) pairs of a JSON document: one object, an array, or a wrapper holding one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"malformed JSON at line {exc.lineno}: {exc.msg}") from None
    if isinstance(data, dict):
        for key in ("articles", "items", "data", "results", "records", "documents"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if isinstance(data, dict):
        yield 1, data
    elif isinstance(data, list):
        yield from ((i + 1, item) for i, item in enumerate(data))
    else:
        raise ValueError("JSON holds neither an object nor an array of objects")


def iter_jsonl(lines: Iterator[str]) -> Iterator[tuple[int, object]]:
    """(line number, record or ValueError) for each non-empty JSON line."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, ValueError(f"malformed JSON: {exc.msg}")


def iter_csv(text: str, delimiter: str | None = None) -> Iterator[tuple[int, object]]:
    """(line, row dict) for each CSV/TSV row; the header row names the fields."""
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames or len(reader.fieldnames) < 2:
        raise ValueError("malformed CSV: no header row with column names")
    try:
        for row in reader:
            if None in row:
                yield reader.line_num, ValueError("malformed CSV row: more values than columns")
                continue
            yield reader.line_num, row
    except csv.Error as exc:
        raise ValueError(f"malformed CSV at line {reader.line_num}: {exc}") from None
