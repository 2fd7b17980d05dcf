"""The table of input formats: which file name endings each reader takes.

`FORMATS` is the one list: `detect_format` looks extensions up in it,
`read_file` dispatches to its readers, and `newsdesk ingest --help` and the
app's upload widget list its extensions. To add a format, write
`index/readers/<format>.py` with a function `(stream, label, field_map)` that
yields `Article`s or `ReadFailure`s (raising `BadInput`/`ValueError` for a file
it cannot read at all), and add one `Format` line here.
Archives (`read=None`) are opened by `read_file` itself, which reads their members
with this same table. The readers below import their parsers when first used, so
`ingest --help` and the write lock's refusal do not wait for trafilatura and
feedparser (≈0.5 s on a busy 2-core machine); a new reader should do the same
with any slow library.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Mapping

from index.readers.decode import decode_bytes, decoded_lines
from index.readers.failure import ReadFailure
from index.readers.streams import ReadAhead

if TYPE_CHECKING:  # annotations only: index.article loads ftfy
    from index.article import Article

Reader = Callable[[ReadAhead, str, Mapping[str, str] | None], Iterable["Article | ReadFailure"]]
"""`(stream, label, field_map) -> articles and failures`; `label` names the file in failures."""


@dataclass(frozen=True)
class Format:
    """One input format: its name, the extensions that select it, how help names it, its reader."""

    name: str
    extensions: tuple[str, ...]
    description: str
    read: Reader | None  # None for an archive: read_file opens it and reads the members


def _text(stream: ReadAhead, label: str, field_map: Mapping[str, str] | None) -> Iterator[Article]:
    from index.readers.text import parse_text_article

    yield parse_text_article(decode_bytes(stream.read()), label)


def _html(stream: ReadAhead, label: str, field_map: Mapping[str, str] | None) -> Iterator[Article]:
    from index.readers.html import parse_html_article  # trafilatura: loaded when a page is read

    yield parse_html_article(decode_bytes(stream.read()), label)


def _feed(stream: ReadAhead, label: str, field_map: Mapping[str, str] | None) -> Iterator[Article | ReadFailure]:
    from index.readers.feeds import read_feed  # feedparser: loaded when a feed is read

    data = stream.read()
    decode_bytes(data)  # refuse empty or binary data with a clear message
    yield from read_feed(data, label)


def _json(stream: ReadAhead, label: str, field_map: Mapping[str, str] | None) -> Iterator[Article | ReadFailure]:
    from index.readers.records import read_json

    yield from read_json(decode_bytes(stream.read()), label, field_map)


def _jsonl(stream: ReadAhead, label: str, field_map: Mapping[str, str] | None) -> Iterator[Article | ReadFailure]:
    from index.readers.records import read_jsonl

    yield from read_jsonl(decoded_lines(stream.chunks()), label, field_map)


def _csv(stream: ReadAhead, label: str, field_map: Mapping[str, str] | None) -> Iterator[Article | ReadFailure]:
    from index.readers.records import read_csv

    yield from read_csv(decoded_lines(stream.chunks()), label, field_map)


def _tsv(stream: ReadAhead, label: str, field_map: Mapping[str, str] | None) -> Iterator[Article | ReadFailure]:
    from index.readers.records import read_csv

    yield from read_csv(decoded_lines(stream.chunks()), label, field_map, delimiter="\t")


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("text", (".txt", ".text"), "text", _text),
    Format("markdown", (".md", ".markdown"), "Markdown", _text),
    Format("html", (".html", ".htm", ".xhtml"), "HTML pages", _html),
    Format("feed", (".xml", ".rss", ".atom", ".rdf"), "RSS/Atom/RDF feeds", _feed),
    Format("json", (".json",), "JSON records", _json),
    Format("jsonl", (".jsonl", ".ndjson"), "JSON Lines", _jsonl),
    Format("csv", (".csv",), "CSV", _csv),
    Format("tsv", (".tsv",), "TSV", _tsv),
    Format("gzip", (".gz",), "a gzip of any of these", None),
    Format("zip", (".zip",), "a zip of any mix", None),
)}


def format_of_extension(suffix: str, formats: Mapping[str, Format] = FORMATS) -> str | None:
    """The name of the format a lower-cased extension (`.txt`) selects, None when no reader takes it."""
    return next((f.name for f in formats.values() if suffix in f.extensions), None)


def supported_extensions(formats: Mapping[str, Format] = FORMATS) -> list[str]:
    """Every extension some reader takes, in table order (`.txt .text .md …`)."""
    return [ext for f in formats.values() for ext in f.extensions]
