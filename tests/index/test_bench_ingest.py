"""`newsdesk bench ingest` on real files with the real model: every figure is there and sane."""

from __future__ import annotations

import json

import pytest

from index.bench import bench_ingest
from index.settings import IndexSettings

pytestmark = pytest.mark.slow


def test_bench_ingest_reports_throughput_ratio_and_memory(tmp_path):
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps({
        "url": f"https://example.org/{n}", "title": f"Harbour story {n}", "source": "Example",
        "body": " ".join(f"Sentence {j} of story {n} about the harbour of town {n}." for j in range(40)),
    }) + "\n" for n in range(6)), encoding="utf-8")
    figures = bench_ingest(IndexSettings(home=tmp_path / "home", models_dir=IndexSettings().models), [source])
    assert figures["articles indexed"] == 6 and figures["failed inputs"] == 0
    assert figures["chunks embedded"] >= 6 and figures["re-ingest chunks embedded"] == 0
    assert 0 < figures["pipeline/encoder ratio"] < 2
    assert 0 < figures["encoder busy share"] <= 1
    assert figures["torch threads"] >= 1
    assert figures["peak memory after model MB"] <= figures["peak memory after ingest MB"] <= figures["peak memory MB"]
    assert 0 < figures["resident at 1/4 of ingest MB"] <= figures["peak memory MB"]
    assert 0 < figures["resident at end of ingest MB"] <= figures["peak memory MB"]
