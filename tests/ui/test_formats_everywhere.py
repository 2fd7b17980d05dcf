"""Every format the readers' table lists is offered by the upload widget and named
in `ingest --help`; a format registered with one line is ingested through the
app and shows up in both (the upload widget used to lack .ndjson, .rdf, .xhtml)."""

from __future__ import annotations

import gradio as gr
import pytest
from gradio.data_classes import FileData, ListFiles

from index.readers.registry import FORMATS, Format, supported_extensions
from tests.index.readers.readers_helpers import WIRE, read_wire
from ui import handlers
from ui.access import Access
from ui.app import build_app
from ui.cli import build_parser


def upload_widget(services):
    """The Archive tab's upload widget (a gr.File) of a freshly built app."""
    app = build_app(services, Access())
    app.close()
    return next(b for b in app.blocks.values() if getattr(b, "elem_id", None) == "nd-uploads")


def upload_types(services) -> list[str]:
    """The file types the Archive tab's upload widget accepts."""
    return list(upload_widget(services).file_types)


def ingest_help() -> str:
    parser = build_parser("ingest")
    action = next(a for a in parser._actions if a.dest == "command")
    return action.choices["ingest"].format_help()


def test_uploads_accept_every_extension_ingest_reads(fake_services, tmp_path):
    widget = upload_widget(fake_services)
    assert list(widget.file_types) == supported_extensions()
    files = []
    for suffix in (".ndjson", ".rdf", ".xhtml", ".text", ".markdown", ".jsonl", ".gz"):
        files.append(tmp_path / f"upload{suffix}")
        files[-1].write_bytes(b"x")
    # What Gradio runs on an upload: it refused these five with "Invalid file type" before.
    assert widget.preprocess(ListFiles(root=[FileData(path=str(f)) for f in files])) == [str(f) for f in files]
    (tmp_path / "notes.docx").write_bytes(b"x")
    with pytest.raises(gr.Error, match="Invalid file type"):
        widget.preprocess(ListFiles(root=[FileData(path=str(tmp_path / "notes.docx"))]))


def test_ingest_help_lists_every_format_and_extension():
    text = ingest_help()
    for fmt in FORMATS.values():
        assert f"{fmt.description}  " in text and " ".join(fmt.extensions) in text


def test_a_registered_format_is_ingested_and_offered(monkeypatch, fake_services, tmp_path):
    monkeypatch.setitem(FORMATS, "wire", Format("wire", (".wire",), "wire-service dumps", read_wire))
    assert ".wire" in upload_types(fake_services)
    assert "wire-service dumps" in ingest_help() and ".wire" in ingest_help()
    upload_dir = tmp_path / "gradio-tmp"
    upload_dir.mkdir()
    (upload_dir / "dump.wire").write_bytes(WIRE)
    html = handlers.ingest(fake_services, [str(upload_dir / "dump.wire")], None)
    assert "added <b>1</b>" in html and "failed <b>1</b>" in html and "dump.wire:2" in html
    titles = [row.title for row in fake_services.indexer.store.articles(None)]
    assert "Ferry strike ends" in titles

