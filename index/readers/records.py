"""Structured records: JSON (one object, an array, or a wrapper holding one), JSON
Lines and CSV/TSV. A bad record is reported as `file:LINE` and the rest carry on.

JSON Lines and CSV are consumed line by line, so large exports are never held
in memory whole.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from typing import Iterable, Iterator, Mapping

from index.article import Article
from index.readers.failure import BadInput, ReadFailure
from index.readers.fields import FIELD_NAMES, body_column, record_to_article
from index.text import TOO_DEEP, json_lines

_WRAPPER_KEYS = ("articles", "items", "data", "results", "records", "documents", "entries", "posts", "stories")
_DELIMITERS = (",", ";", "\t", "|")


def _article_or_failure(record: object, label: str, failure_path: str, field_map: Mapping[str, str] | None
                        ) -> Article | ReadFailure:
    """The record's article, or a failure at `failure_path` (`file:LINE`) saying why not."""
    try:
        return record_to_article(record, label, field_map)
    except ValueError as exc:
        return ReadFailure(failure_path, str(exc))
    except RecursionError:  # a field holding lists of lists hundreds deep
        return ReadFailure(failure_path, f"record has {TOO_DEEP}")


def read_jsonl(lines: Iterable[str], label: str, field_map: Mapping[str, str] | None = None
               ) -> Iterator[Article | ReadFailure]:
    """One article per non-empty JSON line; a malformed line is a failure at `label:LINE`."""
    for number, record in json_lines(lines):
        if isinstance(record, json.JSONDecodeError):
            where = "" if record.msg == TOO_DEEP else f" (column {record.colno})"
            yield ReadFailure(f"{label}:{number}", f"malformed JSON: {record.msg}{where}")
            continue
        yield _article_or_failure(record, label, f"{label}:{number}", field_map)


def read_json(text: str, label: str, field_map: Mapping[str, str] | None = None
              ) -> Iterator[Article | ReadFailure]:
    """Articles of a JSON document: an object, an array of them, or `{"articles": [...]}`-style."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip("\ufeff \t\r\n").startswith("{"):
            yield from read_jsonl(text.splitlines(), label, field_map)  # JSON Lines named .json
            return
        raise BadInput(f"malformed JSON at line {exc.lineno}: {exc.msg}") from None
    except RecursionError:
        raise BadInput(f"malformed JSON: {TOO_DEEP}") from None
    key = None
    if isinstance(data, dict) and not any(name in {str(k).lower() for k in data} for name in FIELD_NAMES["body"]):
        key = next((k for k in data if str(k).lower() in _WRAPPER_KEYS and isinstance(data[k], list)), None)
    items = data[key] if key is not None else data
    if isinstance(items, dict):
        yield _article_or_failure(items, label, label, field_map)
        return
    if not isinstance(items, list):
        raise BadInput(f"JSON holds a {type(items).__name__}, not an article object or an array of them")
    if not items:
        raise BadInput("JSON array holds no articles")
    lines: list[int] | None = None
    for index, item in enumerate(items):
        result = _article_or_failure(item, label, label, field_map)
        if isinstance(result, ReadFailure):
            lines = lines if lines is not None else _item_lines(text, key, len(items))
            where = str(lines[index]) if lines else f"item {index + 1}"
            result = ReadFailure(f"{label}:{where}", result.error)
        yield result


def _item_lines(text: str, key: str | None, count: int) -> list[int] | None:
    """Line numbers where the array's items start (worked out only when a failure needs one)."""
    if key is None:
        start = text.find("[")
    else:
        match = re.search(r'"%s"\s*:\s*\[' % re.escape(key), text)
        start = match.end() - 1 if match else -1
    if start < 0:
        return None
    decoder = json.JSONDecoder()
    lines: list[int] = []
    pos, line, counted = start + 1, 1 + text.count("\n", 0, start + 1), start + 1
    try:
        for _ in range(count):
            while text[pos] in " \t\r\n,":
                pos += 1
            line += text.count("\n", counted, pos)
            counted = pos
            lines.append(line)
            _, pos = decoder.raw_decode(text, pos)
    except (IndexError, ValueError):
        return None
    return lines


def read_csv(lines: Iterable[str], label: str, field_map: Mapping[str, str] | None = None,
             delimiter: str | None = None) -> Iterator[Article | ReadFailure]:
    """One article per CSV/TSV row; the header row names the columns.

    The delimiter (when not given) is the most frequent of `, ; TAB |` in the
    header. A row that breaks the CSV rules is reported with its line and
    reading resumes at the next line.
    """
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article texts can exceed the 128 KB default
    lines = iter(lines)
    header_number, header_line = 0, ""
    for header_number, header_line in enumerate(lines, 1):  # the first non-blank line
        if header_line.strip():
            break
    delimiter = delimiter or max(_DELIMITERS, key=header_line.count)
    try:
        columns = next(csv.reader([header_line], delimiter=delimiter, strict=True))
    except (csv.Error, StopIteration):
        raise BadInput("malformed CSV: the first line is not a header row of column names") from None
    columns = [c.strip().lstrip("\ufeff") for c in columns]
    if body_column(columns, field_map) is None:
        wanted = f"column {field_map['body']!r}" if field_map and field_map.get("body") else \
            "a body/text/content column"
        raise BadInput(f"CSV has no article text: {wanted} not among {', '.join(columns)[:200]} "
                       "(name it with --map body=COLUMN)")
    counter = _CountedLines(lines, handed_out=header_number)
    rows = 0
    while True:
        reader = csv.reader(counter, delimiter=delimiter, strict=True)
        while True:
            where = f"{label}:{counter.handed_out + 1}"  # the line this record starts on
            try:
                row = next(reader)
            except StopIteration:
                if not rows:
                    yield ReadFailure(label, "CSV has a header row but no records")
                return
            except csv.Error as exc:
                rows += 1
                yield ReadFailure(where, f"malformed CSV: {exc}")
                break  # resume with a fresh reader at the next line
            if not any(cell.strip() for cell in row):
                continue
            rows += 1
            if len(row) > len(columns):
                yield ReadFailure(where, f"malformed CSV row: {len(row)} values for {len(columns)} columns")
                continue
            if any("\x00" in cell for cell in row):
                yield ReadFailure(where, "malformed CSV row: holds a NUL byte")
                continue
            # A short row simply lacks its last fields (zip stops early).
            yield _article_or_failure(dict(zip(columns, row)), label, where, field_map)


class _CountedLines:
    """Feeds lines to `csv.reader`, counting them so records can be located."""

    def __init__(self, lines: Iterator[str], handed_out: int) -> None:
        self._lines = lines
        self.handed_out = handed_out

    def __iter__(self) -> "_CountedLines":
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.handed_out += 1
        return line
