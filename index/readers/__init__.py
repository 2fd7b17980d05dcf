"""Reading article files of every supported format into `Article` records.

`read_file` dispatches on the file name (and sniffs content where names lie),
opens `.gz` and `.zip` archives, and never raises for bad input: each problem
becomes a `ReadFailure` naming the file (or archive member, or record line)
and saying what is wrong, so the rest of the work carries on.
"""

from __future__ import annotations

import gzip
import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from index.article import Article
from index.readers.decode import BadInput, decode_bytes
from index.readers.feeds import looks_like_feed, parse_feed
from index.readers.html import parse_html_article
from index.readers.records import iter_csv, iter_json, iter_jsonl, record_to_article
from index.readers.text import parse_text_article

FieldMap = dict[str, str]
TEXT_EXT = {".txt", ".md", ".markdown", ".text", ""}
HTML_EXT = {".html", ".htm", ".xhtml"}
FEED_EXT = {".xml", ".rss", ".atom"}
RECORD_EXT = {".json", ".jsonl", ".ndjson", ".csv", ".tsv"}
ARCHIVE_EXT = {".gz", ".zip"}
SUPPORTED = TEXT_EXT | HTML_EXT | FEED_EXT | RECORD_EXT | ARCHIVE_EXT


@dataclass(frozen=True)
class ReadFailure:
    """A file (or archive member / record) that could not be read, and why."""

    path: str
    error: str


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB"


def list_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[ReadFailure]]:
    """Expand files and folders (recursively, sorted, skipping hidden ones) into files to read."""
    files: list[Path] = []
    failures: list[ReadFailure] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw).expanduser()
        if not path.exists():
            failures.append(ReadFailure(str(path), "no such file or folder"))
            continue
        path = path.resolve()
        if path.is_file():
            if path not in seen:
                seen.add(path)
                files.append(path)
            continue
        if not os.access(path, os.R_OK | os.X_OK):
            failures.append(ReadFailure(str(path), "folder is not readable (permission denied)"))
            continue
        for root, dirs, names in os.walk(path, onerror=lambda e: failures.append(
                ReadFailure(str(e.filename), f"cannot list folder: {e.strerror}"))):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.startswith("."):
                    continue
                file = Path(root, name).resolve()
                if file not in seen and file.is_file():
                    seen.add(file)
                    files.append(file)
    return files, failures


def read_file(path: Path, field_map: FieldMap | None = None, max_bytes: int = 50 * 2**20
              ) -> Iterator[Article | ReadFailure]:
    """All articles in one file (a feed, JSONL, CSV or zip may hold many)."""
    path = Path(path)
    label = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield ReadFailure(label, f"unsupported file type {suffix}")
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield ReadFailure(label, f"file too large ({_mb(size)} > {_mb(max_bytes)} limit)")
            return
        data = path.read_bytes()
    except PermissionError:
        yield ReadFailure(label, "cannot read file (permission denied)")
        return
    except OSError as exc:
        yield ReadFailure(label, f"cannot read file: {exc.strerror or exc}")
        return
    yield from read_bytes(path.name, data, label, field_map, max_bytes)


def read_bytes(name: str, data: bytes, label: str, field_map: FieldMap | None = None,
               max_bytes: int = 50 * 2**20) -> Iterator[Article | ReadFailure]:
    """Articles from the bytes of a file called `name`; `label` names it in failures."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix == ".gz":
            yield from read_bytes(name[:-3], _gunzip(data, max_bytes), label, field_map, max_bytes)
        elif suffix == ".zip":
            yield from _read_zip(data, label, field_map, max_bytes)
        elif suffix in SUPPORTED:
            yield from _read_document(suffix, decode_bytes(data), label, field_map)
        else:
            yield ReadFailure(label, f"unsupported file type {suffix}")
    except (BadInput, ValueError) as exc:
        yield ReadFailure(label, str(exc))
    except RecursionError:
        yield ReadFailure(label, "archive nested too deeply")


def _read_document(suffix: str, text: str, label: str, field_map: FieldMap | None
                   ) -> Iterator[Article | ReadFailure]:
    if not text.strip():
        raise BadInput("empty file")
    head = text.lstrip()[:512].lower()
    if suffix in FEED_EXT or (suffix in TEXT_EXT and looks_like_feed(text)):
        if not looks_like_feed(text):
            raise ValueError("XML that is not an RSS or Atom feed")
        records = parse_feed(text, label)
    elif suffix in HTML_EXT or (suffix in TEXT_EXT and head.startswith(("<!doctype html", "<html"))):
        yield parse_html_article(text, label)
        return
    elif suffix in TEXT_EXT:
        yield parse_text_article(text, label)
        return
    elif suffix in {".jsonl", ".ndjson"}:
        records = _records(iter_jsonl(iter(text.splitlines())), label, field_map)
    elif suffix == ".json":
        records = _records(iter_json(text), label, field_map)
    else:
        records = _records(iter_csv(text, "\t" if suffix == ".tsv" else None), label, field_map)
    for item in records:
        yield ReadFailure(label, str(item)) if isinstance(item, ValueError) else item


def _records(rows: Iterator[tuple[int, object]], label: str, field_map: FieldMap | None
             ) -> Iterator[Article | ReadFailure]:
    for line, record in rows:
        if isinstance(record, ValueError):
            yield ReadFailure(f"{label}:{line}", str(record))
            continue
        try:
            yield record_to_article(record, label, field_map)
        except ValueError as exc:
            yield ReadFailure(f"{label}:{line}", str(exc))


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(max_bytes + 1)
    except (OSError, EOFError) as exc:
        raise BadInput(f"corrupt gzip data: {exc}") from None
    if len(out) > max_bytes:
        raise BadInput(f"decompresses to more than the {_mb(max_bytes)} limit")
    return out


def _read_zip(data: bytes, label: str, field_map: FieldMap | None, max_bytes: int
              ) -> Iterator[Article | ReadFailure]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise BadInput(f"corrupt zip archive: {exc}") from None
    with archive:
        for info in archive.infolist():
            name = info.filename
            base = name.rsplit("/", 1)[-1]
            if info.is_dir() or not base or base.startswith(".") or name.startswith("__MACOSX/"):
                continue
            member = f"{label}::{name}"
            if Path(base).suffix.lower() not in SUPPORTED:
                yield ReadFailure(member, f"unsupported file type {Path(base).suffix.lower()}")
                continue
            if info.file_size > max_bytes:
                yield ReadFailure(member, f"file too large ({_mb(info.file_size)} > {_mb(max_bytes)} limit)")
                continue
            try:
                with archive.open(info) as stream:
                    content = stream.read(max_bytes + 1)
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as exc:
                yield ReadFailure(member, f"cannot extract: {exc}")
                continue
            if len(content) > max_bytes:
                yield ReadFailure(member, f"decompresses to more than the {_mb(max_bytes)} limit")
                continue
            yield from read_bytes(base, content, member, field_map, max_bytes)


def read_paths(paths: Iterable[str | Path], field_map: FieldMap | None = None,
               max_bytes: int = 50 * 2**20) -> Iterator[Article | ReadFailure]:
    """Every article under the given files and folders, with failures inline."""
    files, failures = list_inputs(paths)
    yield from failures
    for file in files:
        yield from read_file(file, field_map, max_bytes)
