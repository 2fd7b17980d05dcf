"""The `Benchmark` protocol and the one path every benchmark runs through.

A benchmark says who it is (name, one-line description, its own CLI
arguments), prepares its archive and questions (`prepare` → `PreparedRun`),
scores what is special to it (`extra_scores`) and writes its scoreboard
beside the published baselines (`scoreboard`). Everything else — the
answerer over the benchmark's own store with the shared models, the run
folder, resuming, the report — is common and lives in `run_prepared`.
The table in `eval.benchmarks.table` lists them; the CLI's
`newsdesk eval NAME` subcommands derive from it.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Protocol, Sequence, runtime_checkable

from eval.questions import Question
from eval.runner import ProgressFn, RunOptions

if TYPE_CHECKING:
    from eval.run import EvalResult
    from index.store import ArchiveStore
    from qa.answer import Answer
    from qa.retrieval_config import RetrievalConfig
    from qa.services import Services


@dataclass
class PreparedRun:
    """A benchmark's archive and questions, ready to be asked."""

    store: ArchiveStore
    questions: list[Question]
    questions_file: str               # how run.json names the questions (file and count)
    name: str                         # run folder: HOME/eval/NAME-MODE-TIMESTAMP
    title: str                        # the report's title
    info: dict = field(default_factory=dict)  # more run.json fields, after questions_file
    # question type → another archive those questions are asked of (RealTimeQA's held-out weeks)
    other_stores: dict[str, ArchiveStore] = field(default_factory=dict)
    selected: bool = False            # the questions are already limited/sampled: options' limit and sample are spent
    facts: Mapping[str, Any] = field(default_factory=dict)  # what the scoreboard reads beyond the records


@runtime_checkable
class Benchmark(Protocol):
    """An external benchmark: one module implementing this, one line in `eval.benchmarks.table`."""

    name: str                 # the CLI subcommand (`newsdesk eval NAME`) and the summary's benchmark name
    description: str          # one line: the subcommand's help
    details: str              # the subcommand's --help description
    examples: str | None      # the --help epilog, kept as written (None: no examples)
    usage: str                # its arguments in `newsdesk eval --help`'s usage line, e.g. "--data DIR [options]"
    compares_retrievers: bool  # honours --retriever NAME[,NAME…] (several runs over one prepared archive)

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Its own CLI arguments (the common run options are added by the CLI)."""

    def prepare(self, services: Services, params: argparse.Namespace, options: RunOptions) -> PreparedRun:
        """Index its data into its own store (reused by later runs) and load its questions;
        `BenchmarkDataError`/`FileNotFoundError` name the file when the data is missing or malformed."""

    def extra_scores(self, question: Question, passages: Sequence, answer: Answer | None) -> dict[str, float | None]:
        """Its own per-question measures (added to each record's metrics)."""

    def scoreboard(self, records: Sequence[dict], prepared: PreparedRun) -> tuple[list[str], dict]:
        """The report's section(s) beside the published baselines, and its summary.json entries."""

    def resume_command(self, params: argparse.Namespace) -> str:
        """The command that continues an interrupted run (before `--resume --out DIR`)."""


def data_folder(value: str | None, default: Path | None) -> Path:
    """The benchmark's data folder (`--data`, else `default`), or a clear `BenchmarkDataError`."""
    from eval.benchmarks.archive import BenchmarkDataError

    data = Path(value).expanduser() if value else default
    if data is None or not data.is_dir():
        raise BenchmarkDataError(f"no benchmark data at {data}: pass --data DIR")
    return data


def run_prepared(benchmark: Benchmark, prepared: PreparedRun, services: Services, options: RunOptions, *,
                 out_dir: Path | None = None, retriever: RetrievalConfig | None = None,
                 progress: ProgressFn | None = None) -> EvalResult:
    """Ask the prepared questions of the benchmark's archive(s) with the shared models; write the report.

    `retriever` replaces the product's retrieval (an ablation); each call makes its own answerers.
    """
    from eval.ablation import use_retriever
    from eval.run import default_out, describe, evaluate_questions

    answers = not options.retrieval_only

    def answerer(store: ArchiveStore):
        qa = services.on_store(store).answerer(answers=answers)
        return use_retriever(qa, retriever) if retriever is not None else qa

    main = answerer(prepared.store)
    others = {kind: answerer(store) for kind, store in prepared.other_stores.items()}
    info = describe(services.settings, retrieval_only=options.retrieval_only, store=prepared.store.path,
                    questions_file=prepared.questions_file, **prepared.info)
    return evaluate_questions(
        (lambda q: others.get(q.type, main)) if others else main, prepared.questions,
        out_dir or default_out(services.settings, prepared.name, options),
        replace(options, limit=None, sample=None) if prepared.selected else options, run_info=info,
        title=prepared.title, extra=benchmark.extra_scores, progress=progress,
        sections=lambda records: benchmark.scoreboard(records, prepared))


def run_benchmark(benchmark: Benchmark, services: Services, params: argparse.Namespace, options: RunOptions, *,
                  out_dir: Path | None = None, retriever: RetrievalConfig | None = None,
                  progress: ProgressFn | None = None) -> EvalResult:
    """Prepare and run one benchmark (what `newsdesk eval NAME` does for one retriever)."""
    prepared = benchmark.prepare(services, params, options)
    return run_prepared(benchmark, prepared, services, options, out_dir=out_dir, retriever=retriever,
                        progress=progress)
