"""The benchmarks table and the `Benchmark` protocol: a benchmark registered with one line
becomes a `newsdesk eval` subcommand (help, usage, its own arguments) and runs through
the common path — its own store, the shared models, run folder, report with its
scoreboard, resume hint.

Fast: a real store on disk, the deterministic fake embedder through the wiring
object's door (`index.runtime.load_embedder`), extractive answers (`--llm none`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import index.runtime
from eval.benchmarks import table
from eval.benchmarks.benchmark import Benchmark
from fake_benchmark import HarbourQuiz
from ui.cli import build_parser, main


@pytest.fixture
def registered(monkeypatch, fake_embedder, tmp_path):
    """The table with the harbour quiz added (one line), and the fake embedder behind the models' door."""
    monkeypatch.setattr(table, "BENCHMARKS", (*table.BENCHMARKS, HarbourQuiz()))
    monkeypatch.setattr(index.runtime, "load_embedder", lambda settings: fake_embedder)
    monkeypatch.setenv("NEWSDESK_HOME", str(tmp_path / "home"))
    return HarbourQuiz


def test_every_registered_benchmark_implements_the_protocol_and_has_a_subcommand(registered):
    parser = build_parser()
    names = [b.name for b in table.BENCHMARKS]
    assert len(set(names)) == len(names) and names[:3] == ["realtimeqa", "multihop-rag", "injection"]
    for benchmark in table.BENCHMARKS:
        assert isinstance(benchmark, Benchmark)  # every attribute and method of the protocol
        assert isinstance(benchmark.description, str) and "\n" not in benchmark.description
        args = parser.parse_args(["eval", benchmark.name, "--data", "d"] if "--data" in benchmark.usage
                                 else ["eval", benchmark.name])
        assert args.benchmark is benchmark and args.eval_command == benchmark.name
        assert table.benchmark_named(benchmark.name) is benchmark


def test_a_registered_benchmark_appears_in_the_cli_help(registered, capsys):
    with pytest.raises(SystemExit):
        main(["eval", "--help"])
    out = capsys.readouterr().out
    assert "newsdesk eval harbour-quiz [--shout] [options]" in out and "harbour-quiz}" in out
    with pytest.raises(SystemExit):
        main(["eval", "harbour-quiz", "--help"])
    out = capsys.readouterr().out
    assert "Index two harbour articles" in out and "--shout" in out and "--retrieval-only" in out


def test_a_registered_benchmark_runs_through_the_common_path(registered, tmp_path, capsys):
    out = tmp_path / "run"
    code = main(["eval", "harbour-quiz", "--shout", "--llm", "none", "--out", str(out), "-q", "--json"])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    summary = json.loads(printed.out)
    assert summary["questions"] == 2 and summary["headline"] == {"harbour first gold": "2"}
    records = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert [r["question"] for r in records] == ["WHEN DID THE FERRY STRIKE END?", "WHEN IS THE EARLY ELECTION?"]
    assert all(r["metrics"]["hq_first_is_gold"] == 1.0 for r in records)
    run = json.loads((out / "run.json").read_text())
    assert run["shout"] is True and run["store"] == str(tmp_path / "home" / "benchmarks" / "harbour-quiz" / "store")
    assert "## Harbour quiz\n\n2 of 2 first passages from the gold article" in (out / "report.md").read_text()
    # a second run reuses the benchmark's store and the default run folder lives under HOME/eval
    assert main(["eval", "harbour-quiz", "--llm", "none", "--retrieval-only", "-q"]) == 0
    assert "report: " + str(tmp_path / "home" / "eval" / "harbour-quiz-retrieval") in capsys.readouterr().out


def test_the_shipped_benchmarks_keep_their_flags(registered):
    parser = build_parser()
    args = parser.parse_args(["eval", "realtimeqa", "--choices", "--abstain-sample", "3", "--retriever", "dense"])
    assert (args.choices, args.abstain_sample, args.abstain_weeks, args.retriever) == (True, 3, 2, "dense")
    with pytest.raises(SystemExit):
        parser.parse_args(["eval", "multihop-rag"])  # --data is required
    assert Path(parser.parse_args(["eval", "injection", "--out", "o"]).out) == Path("o")
