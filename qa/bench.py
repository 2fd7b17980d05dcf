"""`newsdesk bench query`: latency of answering, in percentiles.

Runs a fixed question list against the configured archive, once with the
configured answer model and once extractively (`--llm none`), and reports
p50/p95 of retrieval time, time to first token and total time.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Sequence

import numpy as np

from index.runtime import load_embedder, open_store
from index.settings import Settings
from qa.answer import NewsQA
from qa.llm import build_llm

# About the demo archive (News100); asked "as of" its last day so relative dates work.
DEFAULT_QUESTIONS = [
    "What did TASS report about Palmyra?",
    "Who is the new leader of Sinn Féin in Northern Ireland?",
    "What did the Kremlin say about Michael Flynn?",
    "How many places will European teams get at the 2026 World Cup?",
    "What happened to Irish Travellers' status?",
    "What did Donald Trump say about the travel ban?",
    "What did China Daily report about the economy?",
    "What did Al Jazeera report about Syria in February 2017?",
    "Who won the final stage of the bobsleigh World Cup?",
    "What did the BBC report last week?",
    "What was decided about the Dakota Access pipeline?",
    "Who won the 2022 World Cup?",
]
AS_OF = date(2017, 3, 31)


def load_questions(path: str) -> list[str]:
    """Questions from a text file (one per line) or a question-set .jsonl."""
    lines = [ln.strip() for ln in Path(path).read_text(encoding="utf-8").splitlines() if ln.strip()]
    if path.endswith(".jsonl"):
        return [json.loads(ln)["question"] for ln in lines]
    return lines


def percentiles(values: Sequence[float]) -> tuple[float, float]:
    """(p50, p95) of the values (0, 0 when empty)."""
    vals = [v for v in values if v is not None]
    if not vals:
        return 0.0, 0.0
    return float(np.percentile(vals, 50)), float(np.percentile(vals, 95))


def bench_query(settings: Settings, questions: Sequence[str]) -> dict[str, dict[str, tuple[float, float]]]:
    """{llm name: {timing: (p50, p95)}} for the configured LLM and for none."""
    store, embedder = open_store(settings), load_embedder(settings)
    models = {"none": None}
    if settings.llm != "none":
        models = {settings.llm: build_llm(settings), "none": None}
    results = {}
    for name, llm in models.items():
        qa = NewsQA(store, embedder, llm, k=settings.k)
        qa.ask(questions[0], as_of=AS_OF)  # warm-up: model load, prompt cache of the system prompt
        timings = [qa.ask(q, as_of=AS_OF).timings_ms for q in questions]
        results[name] = {key: percentiles([t.get(key) for t in timings])
                         for key in ("retrieve", "first_token", "total")}
    return results
