"""PNG charts of a run: metrics by question type, latency distribution.

Drawn on `matplotlib.figure.Figure` with the Agg canvas directly, so no
pyplot global state and no display are involved.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import matplotlib

matplotlib.use("Agg")  # never try a GUI backend, even if pyplot gets imported elsewhere
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from eval.summary import STAGES, label  # noqa: E402

CHART_METRICS = ("hits@4", "mrr@10", "evidence_hits@4", "answer_recall@4", "correct", "f1",
                 "citation_precision", "abstain_recall")


def _save(fig: Figure, path: Path) -> Path:
    FigureCanvasAgg(fig)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    return path


def metrics_by_type_chart(summary: dict, path: Path, metrics: Sequence[str] = CHART_METRICS) -> Path | None:
    """Grouped bars: for each question type, the main metrics (0-1). None when nothing to draw."""
    by_type = summary.get("by_type", {})
    keys = [k for k in metrics if any(b["metrics"].get(k) is not None for b in by_type.values())][:6]
    if not by_type or not keys:
        return None
    types = list(by_type)
    fig = Figure(figsize=(min(12.0, max(6.0, 2.0 + 1.2 * len(types))), 4.2))
    ax = fig.add_subplot(1, 1, 1)
    width = 0.8 / len(keys)
    for i, key in enumerate(keys):
        values = [by_type[t]["metrics"].get(key) for t in types]
        xs = [x + (i - (len(keys) - 1) / 2) * width for x in range(len(types))]
        ax.bar(xs, [v or 0.0 for v in values], width, label=label(key).split(" (")[0])
    ax.set_xticks(range(len(types)))
    ax.set_xticklabels([f"{t}\n(n={by_type[t]['n']})" for t in types], fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("score")
    ax.set_title("Metrics by question type")
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.grid(axis="y", alpha=0.3)
    return _save(fig, path)


def latency_chart(records: Sequence[dict], path: Path) -> Path | None:
    """One histogram per timed stage (retrieve, first token, total) with p50/p95 marked."""
    from eval.metrics import percentile

    stages = []
    for stage in STAGES:
        values = [r.get("timings_ms", {}).get(stage) for r in records if not r.get("error")]
        values = [float(v) / 1000 for v in values if v is not None]
        if values:
            stages.append((stage, values))
    if not stages:
        return None
    fig = Figure(figsize=(4.0 * len(stages), 3.4))
    for i, (stage, values) in enumerate(stages, 1):
        ax = fig.add_subplot(1, len(stages), i)
        ax.hist(values, bins=min(30, max(5, len(values) // 3)), color="#4477aa", alpha=0.85)
        for q, style in ((50, "-"), (95, "--")):
            p = percentile(values, q)
            ax.axvline(p, color="#cc3311", linestyle=style, label=f"p{q} {p:.2f}s")
        ax.set_title(stage.replace("_", " "))
        ax.set_xlabel("seconds")
        ax.legend(fontsize=7)
    fig.suptitle("Latency per question")
    return _save(fig, path)
