"""`newsdesk bench query`: latency of answering, in percentiles.

Runs a fixed question list against the configured archive (by default the
demo archive, News100), once with the configured answer model and once
extractively (`--llm none`), and reports p50/p95 of retrieval time, time to
first token and total time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from index.embedding import Embedder
from index.store import ArchiveStore
from qa.answer import NewsQA
from qa.llm import LLM
from qa.query import QuestionError

# About the demo archive (News100); asked "as of" its last day so relative dates work.
# Two of them are not answered by it (the 2022 World Cup, Apple's iPhone 15), so abstention is timed too.
DEFAULT_QUESTIONS = [
    "What did TASS report about Palmyra?",
    "Who was arrested in South Korea in the Samsung case?",
    "What did the Kremlin say about Michael Flynn?",
    "How many places will European teams get at the 2026 World Cup?",
    "What happened to Irish Travellers' status?",
    "Where did Cyclone Debbie make landfall?",
    "What interest rate did the US Federal Reserve set in March 2017?",
    "What did Al Jazeera report about Syria in February 2017?",
    "Who won the final stage of the bobsleigh World Cup?",
    "How much was the gold coin stolen from the German museum worth?",
    "Who won the 2022 World Cup?",
    "What did Apple announce about the iPhone 15?",
]
AS_OF = date(2017, 3, 31)
TIMINGS = ("retrieve", "first_token", "total")


@dataclass
class BenchRow:
    """Latency percentiles of one answer model over the question list (milliseconds)."""

    llm: str
    questions: int
    abstained: int
    p50: dict[str, float]
    p95: dict[str, float]


def load_questions(path: str) -> list[str]:
    """Questions from a text file (one per line) or a question-set .jsonl."""
    file = Path(path)
    if not file.is_file():
        raise QuestionError(f"{path}: no such questions file")
    questions = []
    for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if path.endswith(".jsonl"):
            try:
                questions.append(str(json.loads(line)["question"]))
            except (ValueError, KeyError, TypeError):
                raise QuestionError(f"{path}:{n}: not a JSON object with a \"question\"") from None
        else:
            questions.append(line.strip())
    if not questions:
        raise QuestionError(f"{path}: no questions in it")
    return questions


def percentiles(values: Sequence[float | None]) -> tuple[float, float]:
    """(p50, p95) of the values that are present (0, 0 when none are)."""
    vals = [v for v in values if v is not None]
    if not vals:
        return 0.0, 0.0
    return float(np.percentile(vals, 50)), float(np.percentile(vals, 95))


def bench_query(store: ArchiveStore, embedder: Embedder, models: dict[str, LLM | None], questions: Sequence[str],
                *, k: int = 6, as_of: date = AS_OF, progress: Callable[[str], None] | None = None) -> list[BenchRow]:
    """One `BenchRow` per answer model (name -> model; None = extractive).

    Each model first answers one untimed question, so loading the model and
    evaluating the static system prompt are not counted.
    """
    rows = []
    for name, llm in models.items():
        qa = NewsQA(store, embedder, llm, k=k)
        qa.ask(questions[0], as_of=as_of)
        timings, abstained = [], 0
        for i, question in enumerate(questions, 1):
            answer = qa.ask(question, as_of=as_of)
            timings.append(answer.timings_ms)
            abstained += answer.abstained
            if progress:
                progress(f"{name} {i}/{len(questions)}: {answer.timings_ms['total']:.0f} ms  {question}")
        stats = {key: percentiles([t.get(key) for t in timings]) for key in TIMINGS}
        rows.append(BenchRow(name, len(questions), abstained, {k: v[0] for k, v in stats.items()},
                             {k: v[1] for k, v in stats.items()}))
    return rows


def format_table(rows: Sequence[BenchRow]) -> str:
    """The benchmark as a fixed-width table (milliseconds)."""
    lines = [f"{'llm':10} {'questions':>9} {'abstained':>9} {'retrieve p50':>12} {'p95':>7} "
             f"{'first token p50':>15} {'p95':>7} {'total p50':>9} {'p95':>7}"]
    for r in rows:
        lines.append(f"{r.llm:10} {r.questions:9d} {r.abstained:9d} {r.p50['retrieve']:12.0f} {r.p95['retrieve']:7.0f} "
                     f"{r.p50['first_token']:15.0f} {r.p95['first_token']:7.0f} {r.p50['total']:9.0f} "
                     f"{r.p95['total']:7.0f}")
    return "\n".join(lines)
