"""Syndicated copies end to end through the CLI: three edited copies of one wire
story from three outlets come back from `ask --json` as one cited passage whose
`also_in` lists the other two; `stats --json` counts the group and `remove`
keeps it right. Fast tests use the fake embedder on a real store; the slow one
uses MiniLM."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import index.runtime
from qa.settings import Settings
from ui.cli import main

WIRE = Path(__file__).parents[1] / "fixtures" / "syndication" / "wire.jsonl"
COPIES = {"https://herald.example/valdora-tunnel": ("Harbour Herald", "2031-04-14"),
          "https://courier.example/news/maren-tunnel-pumps": ("Northern Courier", "2031-04-14"),
          "https://valdoradaily.example/maren-inquiry": ("Valdora Daily", "2031-04-15")}
QUESTION = "How much water were the pumps removing from the Maren rail tunnel each hour?"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def ingest_wire(tmp_path: Path, capsys) -> None:
    shutil.copy(WIRE, tmp_path / "wire.jsonl")
    code, _, err = run(capsys, "ingest", str(tmp_path / "wire.jsonl"), "--json")
    assert code == 0, err


@pytest.fixture
def home(tmp_path, monkeypatch, fake_embedder) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("NEWSDESK_HOME", str(home))
    monkeypatch.setenv("NEWSDESK_LLM", "none")
    monkeypatch.setattr(index.runtime, "load_embedder", lambda settings: fake_embedder)
    return home


def check_one_cited_copy_listing_the_others(data: dict) -> None:
    assert not data["abstained"], data["answer"]
    cited = [c for c in data["citations"] if c["article_id"] in COPIES]
    assert len(cited) == 1, [c["article_id"] for c in data["citations"]]
    also = cited[0]["also_in"]
    assert {c["article_id"] for c in also} == set(COPIES) - {cited[0]["article_id"]}
    for c in also:
        assert (c["source"], c["published"]) == COPIES[c["article_id"]] and c["url"] == c["article_id"]
    assert all(c["also_in"] == [] for c in data["citations"] if c["article_id"] not in COPIES)


def test_ask_json_cites_one_copy_and_lists_the_other_two(home, tmp_path, capsys):
    ingest_wire(tmp_path, capsys)
    code, out, err = run(capsys, "ask", QUESTION, "--json", "--as-of", "2031-05-01")
    assert code == 0, err
    check_one_cited_copy_listing_the_others(json.loads(out))


def test_stats_json_counts_the_group_and_remove_keeps_it_right(home, tmp_path, capsys):
    ingest_wire(tmp_path, capsys)
    stats = json.loads(run(capsys, "stats", "--json")[1])
    assert (stats["articles"], stats["syndicated_groups"], stats["syndicated_articles"]) == (5, 1, 3)
    assert run(capsys, "remove", "https://herald.example/valdora-tunnel")[0] == 0
    stats = json.loads(run(capsys, "stats", "--json")[1])
    assert (stats["articles"], stats["syndicated_groups"], stats["syndicated_articles"]) == (4, 1, 2)
    code, out, _ = run(capsys, "ask", QUESTION, "--json", "--as-of", "2031-05-01")
    cited = [c for c in json.loads(out)["citations"] if c["article_id"] in COPIES]
    assert len(cited) == 1 and len(cited[0]["also_in"]) == 1
    assert run(capsys, "remove", "https://courier.example/news/maren-tunnel-pumps")[0] == 0
    stats = json.loads(run(capsys, "stats", "--json")[1])
    assert (stats["syndicated_groups"], stats["syndicated_articles"]) == (0, 0)
    assert "syndicated 0 articles in 0 groups" in run(capsys, "stats")[1]


@pytest.mark.slow
def test_real_embedder_three_copies_one_cited_passage(tmp_path, monkeypatch, capsys, real_embedder):
    home = tmp_path / "home"
    monkeypatch.setenv("NEWSDESK_HOME", str(home))
    monkeypatch.setenv("NEWSDESK_MODELS_DIR", str(Settings().models))
    monkeypatch.setattr(index.runtime, "load_embedder", lambda settings: real_embedder)
    ingest_wire(tmp_path, capsys)
    code, out, err = run(capsys, "ask", QUESTION, "--json", "--llm", "none", "--as-of", "2031-05-01")
    assert code == 0, err
    data = json.loads(out)
    check_one_cited_copy_listing_the_others(data)
    assert data["citations"][0]["article_id"] in COPIES  # the wire story is the best source
