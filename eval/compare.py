"""`newsdesk eval compare RUN_A RUN_B`: what changed between two runs.

Both runs are re-summarised over the questions they share, so the deltas
compare like with like; questions only one run has are listed separately.
A flip is a question whose pass/fail outcome on a headline metric differs.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from eval.report import load_records
from eval.summary import LOWER_IS_BETTER, label, summarize

FLIP_METRICS = ("hits@4", "evidence_hits@4", "answer_recall@4", "correct")


@dataclass(frozen=True)
class MetricDelta:
    """One metric in both runs (over the shared questions)."""

    key: str
    a: float | None
    b: float | None

    @property
    def delta(self) -> float | None:
        """b - a, or None when either is missing."""
        return None if self.a is None or self.b is None else round(self.b - self.a, 6)

    @property
    def improved(self) -> bool | None:
        """True when B is better than A (direction-aware), None when equal or unknown."""
        if not self.delta:
            return None
        return (self.delta < 0) if self.key in LOWER_IS_BETTER else (self.delta > 0)


@dataclass(frozen=True)
class Flip:
    """A question that passes a metric in one run and fails it in the other."""

    id: str
    type: str
    question: str
    metric: str
    a: float
    b: float


@dataclass
class Comparison:
    """The result of comparing run A with run B."""

    a_dir: str
    b_dir: str
    shared: int
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)
    deltas: list[MetricDelta] = field(default_factory=list)
    by_type: dict[str, list[MetricDelta]] = field(default_factory=dict)
    flips: list[Flip] = field(default_factory=list)

    def to_json(self) -> dict:
        """The `--json` object."""
        def rows(deltas: list[MetricDelta]) -> list[dict]:
            return [{"metric": d.key, "a": d.a, "b": d.b, "delta": d.delta} for d in deltas]
        return {"a": self.a_dir, "b": self.b_dir, "shared": self.shared, "only_a": self.only_a,
                "only_b": self.only_b, "overall": rows(self.deltas),
                "by_type": {t: rows(d) for t, d in self.by_type.items()},
                "flips": [asdict(f) for f in self.flips]}


def _deltas(a: dict, b: dict) -> list[MetricDelta]:
    keys = list(dict.fromkeys([*a["metrics"], *b["metrics"]]))
    return [MetricDelta(k, a["metrics"].get(k), b["metrics"].get(k)) for k in keys]


def compare_records(a_records: list[dict], b_records: list[dict], a_name: str = "A", b_name: str = "B") -> Comparison:
    """Compare two runs' result records over their shared questions."""
    a_by = {r["id"]: r for r in a_records}
    b_by = {r["id"]: r for r in b_records}
    shared = [i for i in a_by if i in b_by]
    sa = summarize([a_by[i] for i in shared])
    sb = summarize([b_by[i] for i in shared])
    comparison = Comparison(a_name, b_name, len(shared), [i for i in a_by if i not in b_by],
                            [i for i in b_by if i not in a_by], _deltas(sa["overall"], sb["overall"]))
    for t in sa["by_type"]:
        comparison.by_type[t] = _deltas(sa["by_type"][t], sb["by_type"][t])
    for i in shared:
        ra, rb = a_by[i], b_by[i]
        for metric in FLIP_METRICS:
            va, vb = ra.get("metrics", {}).get(metric), rb.get("metrics", {}).get(metric)
            if va is not None and vb is not None and (va >= 0.5) != (vb >= 0.5):
                comparison.flips.append(Flip(i, ra.get("type", "?"), ra.get("question", ""), metric, va, vb))
    return comparison


def compare_runs(a_dir: str | Path, b_dir: str | Path) -> Comparison:
    """Compare two run folders (each holding results.jsonl)."""
    return compare_records(load_records(a_dir), load_records(b_dir), str(a_dir), str(b_dir))


def _num(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "–"
    return f"{value:+.3f}" if signed else f"{value:.3f}"


def render_comparison(c: Comparison) -> str:
    """Plain-text report: metric deltas, then flipped questions."""
    lines = [f"A: {c.a_dir}", f"B: {c.b_dir}", f"shared questions: {c.shared}"]
    if c.only_a or c.only_b:
        lines.append(f"only in A: {len(c.only_a)}, only in B: {len(c.only_b)} (left out of the deltas)")
    names = {d.key: label(d.key).split(" (")[0] for d in c.deltas}
    width = max((len(n) for n in names.values()), default=10)
    lines += ["", f"{'metric':{width}}  {'A':>7}  {'B':>7}  {'B-A':>7}"]
    for d in c.deltas:
        mark = {True: "  better", False: "  worse", None: ""}[d.improved]
        lines.append(f"{names[d.key]:{width}}  {_num(d.a):>7}  {_num(d.b):>7}  {_num(d.delta, True):>7}{mark}")
    changed = {t: [d for d in ds if d.delta] for t, ds in c.by_type.items()}
    if any(changed.values()):
        lines += ["", "by type (changed metrics only):"]
        lines += [f"  {t}: " + ", ".join(f"{d.key} {_num(d.delta, True)}" for d in ds)
                  for t, ds in changed.items() if ds]
    lines += ["", f"flipped questions: {len(c.flips)}"]
    for f in c.flips:
        direction = "fixed" if f.b >= 0.5 else "broken"
        lines.append(f"  {direction:6} {f.metric:16} {f.id} [{f.type}] {f.question[:80]}")
    return "\n".join(lines)
