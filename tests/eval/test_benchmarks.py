"""The benchmarks table and the `Benchmark` protocol: a benchmark registered with one line
becomes a `newsdesk eval` subcommand (help, usage, its own arguments) and runs through
the common path — its own store, the shared models, run folder, report with its
scoreboard, resume hint.

Fast: a real store on disk, the deterministic fake embedder through the wiring
object's door (`index.runtime.load_embedder`), extractive answers (`--llm none`).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Sequence

import pytest

import index.runtime
from eval.benchmarks import table
from eval.benchmarks.archive import benchmark_home, ingest_into
from eval.benchmarks.benchmark import Benchmark, PreparedRun
from eval.questions import Question
from eval.runner import RunOptions
from index.store import ArchiveStore
from ui.cli import build_parser, main

ARTICLES = [
    {"url": "https://example.org/ferry", "title": "Ferry strike ends", "source": "Harbour News",
     "published": "2017-03-06", "body": "The ferry workers ended their strike in Calais on Monday after talks."},
    {"url": "https://example.org/vote", "title": "Election called", "source": "Harbour News",
     "published": "2017-03-07", "body": "The prime minister called an early election for June."},
]


class HarbourQuiz:
    """A two-question benchmark over two articles, as a new benchmark module would define it."""

    name = "harbour-quiz"
    description = "a two-question quiz about the harbour"
    details = "Index two harbour articles into their own store and ask about them."
    examples = None
    usage = "[--shout] [options]"
    compares_retrievers = False

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--shout", action="store_true", help="ask in capitals")

    def prepare(self, services, params: argparse.Namespace, options: RunOptions) -> PreparedRun:
        home = benchmark_home(services.settings, self.name)
        data = home / "articles.jsonl"
        data.parent.mkdir(parents=True, exist_ok=True)
        data.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
        store = ArchiveStore(home / "store")
        ingest_into(services.settings, store, [data], services.embedder, quiet=True)
        asks = ["When did the ferry strike end?", "When is the early election?"]
        questions = [Question(id=f"hq-{i}", question=q.upper() if params.shout else q, answers=(),
                              type="quiz", gold_articles=(a["url"],)) for i, (q, a) in enumerate(zip(asks, ARTICLES))]
        return PreparedRun(store, questions, f"{data} (2 questions)", self.name, "Harbour quiz",
                           info={"shout": params.shout}, facts={"articles": len(ARTICLES)})

    def extra_scores(self, question: Question, passages: Sequence, answer) -> dict[str, float | None]:
        return {"hq_first_is_gold": float(bool(passages) and passages[0].article_id in question.gold_articles)}

    def scoreboard(self, records: Sequence[dict], prepared: PreparedRun) -> tuple[list[str], dict]:
        hits = sum(r["metrics"].get("hq_first_is_gold") or 0 for r in records)
        return ([f"## Harbour quiz\n\n{hits:.0f} of {len(records)} first passages from the gold article "
                 f"({prepared.facts['articles']} articles)."], {"headline": {"harbour first gold": f"{hits:.0f}"}})

    def resume_command(self, params: argparse.Namespace) -> str:
        return f"newsdesk eval {self.name}" + (" --shout" if params.shout else "")


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
