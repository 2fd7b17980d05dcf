"""Helpers for the reader tests: where the authored fixtures are, splitting a
reader's output into articles and failures, and building gzip/zip bytes."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

from index.article import Article
from index.readers import ReadFailure

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
