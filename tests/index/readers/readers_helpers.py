"""Helpers for the reader tests: where the authored fixtures are, splitting a
reader's output into articles and failures, and building gzip/zip bytes."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path
from typing import Iterator, Mapping

from index.article import Article, make_article
from index.readers import ReadFailure
from index.readers.streams import ReadAhead

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
SHARED = Path(__file__).resolve().parents[3].parent / "shared"


def split(items) -> tuple[list[Article], list[ReadFailure]]:
    """A reader's output as (articles, failures), checking nothing else comes out."""
    articles, failures = [], []
    for item in items:
        assert isinstance(item, (Article, ReadFailure)), item
        (articles if isinstance(item, Article) else failures).append(item)
    return articles, failures


def gzip_bytes(data: bytes) -> bytes:
    """`data` gzipped, with a fixed timestamp so the bytes are reproducible."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as stream:
        stream.write(data)
    return out.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A deflated zip archive holding `members` (name -> content)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


WIRE = b"Ferry strike ends | The ferry strike in Calais ended on Monday after talks.\nno separator here\n"


def read_wire(stream: ReadAhead, label: str, field_map: Mapping[str, str] | None) -> Iterator[Article | ReadFailure]:
    """A made-up format, as a new `index/readers/<format>.py` would add one: `TITLE | BODY` per line."""
    for number, line in enumerate(stream.read().decode("utf-8").splitlines(), 1):
        title, sep, body = line.partition(" | ")
        if not sep:
            yield ReadFailure(f"{label}:{number}", "expected TITLE | BODY")
            continue
        yield make_article(title=title, body=body, path=label)
