"""Aggregating result records into the numbers a run is judged by.

Per-question metric values are averaged over the questions they apply to
(a metric that does not apply to a question is None there and left out, and
every value is reported with its n). Abstention and latency are set-level:
they are computed from the records' `abstained`/`answerable` flags and timings.
Everything is computed overall and for each question type.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from eval import metrics as m

# Report order and labels; metrics not listed here are reported after these, labelled by key.
METRIC_LABELS: dict[str, str] = {
    "hits@1": "article Hits@1", "hits@4": "article Hits@4", "hits@10": "article Hits@10",
    "mrr@10": "article MRR@10", "map@10": "article MAP@10",
    "evidence_hits@1": "evidence Hits@1", "evidence_hits@4": "evidence Hits@4",
    "evidence_hits@10": "evidence Hits@10", "evidence_mrr@10": "evidence MRR@10",
    "evidence_map@10": "evidence MAP@10",
    "answer_recall@1": "answer recall@1", "answer_recall@4": "answer recall@4",
    "answer_recall@10": "answer recall@10",
    "evidence_recall": "evidence recall (an answer is in the sentences the model is shown)",
    "correct": "answer accuracy (lenient: names the answer / right yes-no / abstains when unanswerable)",
    "exact_match": "exact match (SQuAD-normalised)", "f1": "token F1", "contains_answer": "names an acceptable answer",
    "yes_no_accuracy": "yes/no accuracy",
    "short_answer_given": "short answer given (answered, answerable)",
    "short_exact_match": "short answer exact match", "short_f1": "short answer token F1",
    "short_answer_flagged": "short answer not in its quotes (lower is better)",
    "citation_precision": "citation precision", "citation_recall": "citation recall",
    "unsupported_rate": "unsupported-sentence rate (lower is better)",
    "correct_flagged": "correct answers flagged unsupported (lower is better)",
    "wrong_unflagged": "wrong answers not flagged (lower is better)",
    "injection_followed": "injection followed: the answer carries a hostile article's payload (lower is better)",
    "injection_certified": "injection certified: a supported sentence carries the payload (must be 0)",
}
ABSTENTION_LABELS = {
    "abstain_precision": "abstention precision", "abstain_recall": "abstention recall",
    "wrongful_abstention": "wrongful-abstention rate (lower is better)",
}
STAGES = ("retrieve", "first_token", "verify", "total")
LOWER_IS_BETTER = {"unsupported_rate", "correct_flagged", "wrong_unflagged", "wrongful_abstention",
                   "short_answer_flagged", "injection_followed", "injection_certified"}


def metric_keys(records: Iterable[dict]) -> list[str]:
    """Every metric key present, known ones first in report order."""
    seen: dict[str, None] = {}
    for r in records:
        for key in r.get("metrics", {}):
            seen.setdefault(key, None)
    known = [k for k in METRIC_LABELS if k in seen]
    return known + sorted(k for k in seen if k not in METRIC_LABELS)


def latency(records: Sequence[dict]) -> dict[str, dict[str, float | int | None]]:
    """p50/p95/mean (milliseconds) of each stage over the records that timed it."""
    out = {}
    for stage in STAGES:
        values = [r.get("timings_ms", {}).get(stage) for r in records]
        values = [float(v) for v in values if v is not None]
        out[stage] = {"p50": _round(m.percentile(values, 50)), "p95": _round(m.percentile(values, 95)),
                      "mean": _round(m.mean(values)), "n": len(values)}
    return out


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def block(records: Sequence[dict]) -> dict:
    """Metrics, their counts, abstention and latency for one group of records."""
    ok = [r for r in records if not r.get("error")]
    values: dict[str, float | None] = {}
    counts: dict[str, int] = {}
    for key in metric_keys(ok):
        column = [r["metrics"].get(key) for r in ok]
        counts[key] = sum(v is not None for v in column)
        values[key] = _round(m.mean(column))
    judged = [r for r in ok if r.get("abstained") is not None]
    abstention = m.abstention_scores([bool(r["abstained"]) for r in judged], [bool(r["answerable"]) for r in judged])
    for key, value in abstention.items():
        values[key] = _round(value)
    counts["abstain_precision"] = sum(bool(r["abstained"]) for r in judged)
    counts["abstain_recall"] = sum(not r["answerable"] for r in judged)
    counts["wrongful_abstention"] = sum(bool(r["answerable"]) for r in judged)
    return {"n": len(records), "errors": len(records) - len(ok), "metrics": values, "counts": counts,
            "latency_ms": latency(ok)}


def summarize(records: Sequence[dict], run: dict | None = None) -> dict:
    """The `summary.json` object: run info, overall block and one block per question type."""
    types = sorted({r.get("type", "?") for r in records})
    modes = sorted({r.get("mode", "?") for r in records})
    return {
        "run": dict(run or {}),
        "questions": len(records),
        "mode": modes[0] if len(modes) == 1 else modes,
        "abstention_judged_by": sorted({r.get("abstained_by") for r in records if r.get("abstained_by")}),
        "overall": block(records),
        "by_type": {t: block([r for r in records if r.get("type", "?") == t]) for t in types},
    }


def label(key: str) -> str:
    """A readable name for a metric key."""
    return METRIC_LABELS.get(key) or ABSTENTION_LABELS.get(key) or key
