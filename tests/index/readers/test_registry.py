"""The formats table drives reading: a format registered with one line is read
by `read_file` from real files, alone and inside archives; removing it refuses
its files as unsupported, with one line naming the file."""

from __future__ import annotations

import pytest

from index.readers import read_file
from index.readers.failure import BadInput
from index.readers.registry import FORMATS, Format, format_of_extension, supported_extensions
from readers_helpers import WIRE, gzip_bytes, read_wire, split, zip_bytes


@pytest.fixture
def wire_format(monkeypatch):
    """The one registry line."""
    monkeypatch.setitem(FORMATS, "wire", Format("wire", (".wire",), "wire-service dumps", read_wire))


def test_a_registered_format_is_read_from_files_and_archives(wire_format, tmp_path):
    (tmp_path / "dump.wire").write_bytes(WIRE)
    (tmp_path / "dump.wire.gz").write_bytes(gzip_bytes(WIRE))
    (tmp_path / "bundle.zip").write_bytes(zip_bytes({"inner/dump.wire": WIRE}))
    for name, label in [("dump.wire", "dump.wire"), ("dump.wire.gz", "dump.wire.gz"),
                        ("bundle.zip", "bundle.zip::inner/dump.wire")]:
        articles, failures = split(read_file(tmp_path / name))
        assert [a.title for a in articles] == ["Ferry strike ends"]
        assert [(f.path, f.error) for f in failures] == [(f"{tmp_path / label}:2", "expected TITLE | BODY")]


def test_without_its_line_the_format_is_refused_in_one_line(tmp_path):
    (tmp_path / "dump.wire").write_bytes(WIRE)
    assert format_of_extension(".wire") is None
    assert [(f.path, f.error) for f in read_file(tmp_path / "dump.wire")] == \
        [(str(tmp_path / "dump.wire"), "unsupported file type .wire")]


def test_a_reader_that_raises_is_one_failure_and_the_batch_goes_on(monkeypatch, tmp_path):
    def refuse(stream, label, field_map):
        raise BadInput("not a wire dump")
        yield  # a generator, like the other readers
    monkeypatch.setitem(FORMATS, "wire", Format("wire", (".wire",), "wire-service dumps", refuse))
    (tmp_path / "bundle.zip").write_bytes(zip_bytes({"a.wire": WIRE, "b.txt": b"Headline\n\nBody text here."}))
    articles, failures = split(read_file(tmp_path / "bundle.zip"))
    assert [a.title for a in articles] == ["Headline"]
    assert [(f.path, f.error) for f in failures] == [(f"{tmp_path / 'bundle.zip'}::a.wire", "not a wire dump")]


def test_the_table_holds_every_extension_ingest_has_read():
    assert supported_extensions() == [".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".xml",
                                      ".rss", ".atom", ".rdf", ".json", ".jsonl", ".ndjson", ".csv", ".tsv",
                                      ".gz", ".zip"]
