"""Retrievers side by side: one question set run with several retrieval
configurations over the same store (`newsdesk eval … --retriever dense,keyword,rrf,newsdesk`),
and the table that compares them. Every mechanism of our pipeline stays on only
where this table shows it helps.
"""

from __future__ import annotations

from typing import Any, Mapping

from qa.retrieval import HybridRetriever
from qa.retrieval_config import RetrievalConfig

# Rows of the table: (summary metric key, label); latency rows are added after them.
ROWS = (("hits@1", "article Hits@1"), ("hits@4", "article Hits@4"), ("hits@10", "article Hits@10"),
        ("mrr@10", "article MRR@10"), ("answer_recall@4", "answer recall@4"),
        ("answer_recall@10", "answer recall@10"), ("evidence_recall", "evidence recall"))
TABLE_FILE = "retrievers.md"


def use_retriever(qa: Any, config: RetrievalConfig) -> Any:
    """`qa` (a `NewsQA`) retrieving with `config` over its own store and embedder; returns `qa`."""
    if getattr(qa, "store", None) is None or getattr(qa, "embedder", None) is None:
        raise TypeError("choosing a retriever needs an engine with a store and an embedder")
    qa.retriever = HybridRetriever(qa.store, qa.embedder, config=config)
    return qa


def side_by_side(summaries: Mapping[str, dict]) -> str:
    """A Markdown table: one column per retriever, one row per retrieval metric (with n) and latency."""
    names = list(summaries)
    lines = ["| metric | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for key, label in ROWS:
        values = [s["overall"]["metrics"].get(key) for s in summaries.values()]
        if all(v is None for v in values):
            continue
        counts = {s["overall"]["counts"].get(key) for s in summaries.values()} - {None}
        best = max(v for v in values if v is not None)
        cells = ["–" if v is None else (f"**{v:.3f}**" if v == best and len(names) > 1 else f"{v:.3f}")
                 for v in values]
        n = f" (n={', '.join(map(str, sorted(counts)))})" if counts else ""
        lines.append(f"| {label}{n} | " + " | ".join(cells) + " |")
    lat = [s["overall"]["latency_ms"].get("retrieve", {}) for s in summaries.values()]
    lines.append("| retrieval p50 / p95 ms | " + " | ".join(
        "–" if not x.get("n") else f"{x['p50']:.0f} / {x['p95']:.0f}" for x in lat) + " |")
    return "\n".join(lines)
