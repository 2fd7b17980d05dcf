"""`newsdesk timeline` and `newsdesk quotes`: JSON contracts, text output, the PNG chart and errors.

In-process over a real on-disk store of the fixture story (tests/fixtures/timeline) built with
the fake embedder (swapped in for MiniLM); tests/qa/test_e2e_timeline.py uses the real model.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import index.runtime
from index.chunking import Chunker
from index.pipeline import Indexer
from index.store import ArchiveStore
from qa.settings import Settings
from ui.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "timeline"
EVENT_KEYS = {"date", "date_kind", "text", "citation", "also_in"}
CITATION_KEYS = {"article_id", "title", "source", "published", "url", "quote", "passage"}
STATEMENT_KEYS = {"speaker", "text", "kind", "article_id", "title", "source", "published", "quote_start", "quote_end"}


@pytest.fixture
def home(tmp_path, monkeypatch, fake_embedder) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("NEWSDESK_HOME", str(home))
    monkeypatch.setattr(index.runtime, "load_embedder", lambda settings: fake_embedder)
    store = ArchiveStore(Settings(home=home).store)
    Indexer(store, fake_embedder, Chunker(fake_embedder.tokenize, chunk_tokens=200, overlap=24), quiet=True).ingest(
        [FIXTURES])
    store.close()
    return home


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_timeline_json_contract_and_chart(home, capsys, tmp_path):
    chart = tmp_path / "bridge.png"
    code, out, err = run(capsys, "timeline", "Old Mill bridge", "--json", "--plot", str(chart))
    assert code == 0, err
    data = json.loads(out)
    assert data["topic"] == "Old Mill bridge"
    assert [e["date"] for e in data["events"]] == ["2017-02-20", "2017-02-28", "2017-03-13", "2017-03-16"]
    assert all(EVENT_KEYS <= set(e) and CITATION_KEYS <= set(e["citation"]) for e in data["events"])
    assert {e["date_kind"] for e in data["events"]} == {"event"}
    assert len(data["undated"]) == 1 and "date" not in data["undated"][0]
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and chart.stat().st_size > 10_000


def test_timeline_text_marks_event_days_copies_and_undated(home, capsys):
    code, out, err = run(capsys, "timeline", "Old Mill bridge")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("2017-02-20 event  Engineers found cracks")
    assert "(day from “Feb. 20”)" in lines[1]
    assert any(line.strip().startswith("also reported by") for line in lines)
    assert "Undated (not placed on the timeline):" in out


def test_quotes_json_contract(home, capsys):
    code, out, err = run(capsys, "quotes", "KEANE", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["query"] == "KEANE" and len(data["statements"]) == 2
    assert all(STATEMENT_KEYS <= set(s) for s in data["statements"])
    assert {s["speaker"] for s in data["statements"]} == {"Maria Keane"}
    assert {s["kind"] for s in data["statements"]} == {"quote", "reported"}


def test_quotes_text(home, capsys):
    code, out, err = run(capsys, "quotes", "Tom Brady")
    assert code == 0, err
    assert out.startswith("1 statement(s) said by “Tom Brady”")
    assert "We cannot ask people to cross a bridge" in out


@pytest.mark.parametrize("argv, message", [
    (("timeline", "bridge", "--since", "2017-03-10", "--until", "2017-03-01"), "impossible date range"),
    (("timeline", "bridge", "--since", "March"), "is not a date"),
    (("timeline", "bridge", "--limit", "0"), "--limit must be from 1"),
    (("quotes", "  "), "the query is empty"),
])
def test_bad_input_is_one_line_and_exit_2(home, capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
