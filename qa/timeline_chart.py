"""A timeline as a PNG chart: days along the x-axis, one row per outlet.

Each event is a dot on its outlet's row at its day: filled when the day was
read from the text (an event date), hollow when it is the publication date.
Drawn on a `matplotlib.figure.Figure` with the Agg canvas (no pyplot state, no
display), like the evaluation's charts.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # never a GUI backend
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from qa.timeline import EVENT, Timeline  # noqa: E402

MAX_LABEL_CHARS = 48


def plot_timeline(timeline: Timeline, path: Path) -> Path:
    """Write the chart of `timeline`'s dated events to `path` (PNG) and return it."""
    events = list(timeline.events)
    outlets = sorted({e.citation.ref.source or "unknown outlet" for e in events})
    rows = {name: i for i, name in enumerate(outlets)}
    fig = Figure(figsize=(11.0, max(2.6, 1.2 + 0.55 * len(outlets))))
    ax = fig.add_subplot(1, 1, 1)
    for kind, face, label in ((EVENT, "tab:blue", "day named in the text"), ("published", "white", "publication day")):
        chosen = [e for e in events if e.date_kind == kind]
        if chosen:
            ax.scatter([e.day for e in chosen], [rows[e.citation.ref.source or "unknown outlet"] for e in chosen],
                       s=60, facecolors=face, edgecolors="tab:blue", linewidths=1.5, label=label, zorder=3)
    for e in events:
        text = e.text if len(e.text) <= MAX_LABEL_CHARS else e.text[:MAX_LABEL_CHARS - 1] + "…"
        text += f" (+{len(e.also_in)} more)" if e.also_in else ""
        ax.annotate(text, (e.day, rows[e.citation.ref.source or "unknown outlet"]), xytext=(4, 6),
                    textcoords="offset points", fontsize=6.5, rotation=12, color="0.25")
    ax.set_yticks(range(len(outlets)), outlets)
    ax.set_ylim(-0.6, len(outlets) - 0.1)
    ax.grid(axis="x", color="0.9")
    ax.set_title(f"{timeline.topic} — {len(events)} events"
                 + (f", {len(timeline.undated)} undated (not shown)" if timeline.undated else ""), fontsize=10, loc="left")
    if events:
        ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2, fontsize=8, frameon=False)
    fig.autofmt_xdate()
    FigureCanvasAgg(fig)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    return Path(path)
