"""The files a run leaves behind: summary.json, report.md and PNG charts.

`report.md` is for people: what was run where, the headline numbers with
their n, abstention, latency, a table per question type, and every question
with its outcome. Benchmarks add their own sections (e.g. published
baselines beside ours).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from eval.charts import latency_chart, metrics_by_type_chart
from eval.metrics import percentile
from eval.summary import ABSTENTION_LABELS, STAGES, label, summarize
from index.errors import NewsdeskError

SUMMARY_FILE = "summary.json"
REPORT_FILE = "report.md"
TYPE_COLUMNS = ("hits@4", "mrr@10", "evidence_hits@4", "answer_recall@4", "correct", "f1", "yes_no_accuracy",
                "citation_precision", "unsupported_rate")


class NotARunFolder(NewsdeskError, FileNotFoundError):
    """A folder given as an eval run holds no results (still a FileNotFoundError for callers)."""


@dataclass
class ReportFiles:
    """Paths written by `write_report`, and the summary they hold."""

    summary_path: Path
    report_path: Path
    charts: list[Path]
    summary: dict


def fmt(value: object, digits: int = 3) -> str:
    """A table cell: numbers rounded, None as a dash."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def cell(text: object, limit: int = 90) -> str:
    """Text made safe for a Markdown table cell and shortened."""
    s = " ".join(str(text or "").split()).replace("|", "\\|")
    return s if len(s) <= limit else s[: limit - 1] + "…"


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table (string cells are used as given, others formatted with `fmt`)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(c if isinstance(c, str) else fmt(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _machine(machine: dict | None) -> str | None:
    if not machine:
        return None
    return f"{machine.get('cpus')} CPU cores, {machine.get('platform')}, Python {machine.get('python')}"


def _run_lines(run: dict, summary: dict) -> list[str]:
    overall = summary["overall"]
    partial = run.get("selected") and summary["questions"] < run["selected"]
    selection = ", ".join(f"{k} {run[k]}" for k in ("sample", "seed", "limit") if run.get(k) is not None)
    items = [
        ("date", run.get("finished") or run.get("started")),
        ("mode", "retrieval only (no generation)" if summary.get("mode") == "retrieval" else "retrieval + answers"),
        ("questions", f"{summary['questions']}" + (f" of {run['selected']} selected (partial run)" if partial else "")
         + (f"; {overall['errors']} failed" if overall["errors"] else "")),
        ("question set", run.get("questions_file")),
        ("selection", run.get("selection") or (selection if (run.get("sample") or run.get("limit")) else "all")),
        ("archive", run.get("store")), ("embedder", run.get("embedder")), ("answer model", run.get("llm")),
        ("passages per answer (k)", run.get("k")), ("retrieval depth scored", run.get("depth")),
        ("machine", _machine(run.get("machine"))),
    ]
    return [f"- **{k}**: {v}" for k, v in items if v not in (None, "")]


def _overall_section(summary: dict) -> str:
    overall = summary["overall"]
    rows = [(label(k), fmt(v), str(overall["counts"].get(k, ""))) for k, v in overall["metrics"].items()
            if k not in ABSTENTION_LABELS]
    return "## Overall\n\n" + (table(("metric", "value", "n"), rows) if rows else "No scored questions.")


def _abstention_section(summary: dict, records: Sequence[dict]) -> str:
    overall = summary["overall"]
    by = summary.get("abstention_judged_by") or []
    note = ("Judged by the retrieval gate alone (best passage cosine below the abstention threshold); "
            "the answer model may abstain more." if by == ["retrieval gate"] else
            "Abstained = the answer says the archive does not say.")
    rows = [(label(k), fmt(overall["metrics"].get(k)), str(overall["counts"].get(k, ""))) for k in ABSTENTION_LABELS]
    text = f"## Abstention\n\n{note} n = abstentions / unanswerable / answerable questions.\n\n"
    text += table(("metric", "value", "n"), rows)
    answerable = [r.get("best_cosine") for r in records if r.get("answerable") and not r.get("error")]
    unanswerable = [r.get("best_cosine") for r in records if not r.get("answerable") and not r.get("error")]
    if any(v is not None for v in answerable) and any(v is not None for v in unanswerable):
        rows = [(name, *(fmt(percentile(vals, q)) for q in (10, 50, 90)), str(sum(v is not None for v in vals)))
                for name, vals in (("answerable", answerable), ("unanswerable", unanswerable))]
        text += ("\n\nBest passage cosine (what the abstention gate compares with its threshold):\n\n"
                 + table(("questions", "p10", "p50", "p90", "n"), rows))
    return text


def _latency_section(summary: dict) -> str:
    lat = summary["overall"]["latency_ms"]
    rows = [(s.replace("_", " "), fmt(lat[s]["p50"], 0), fmt(lat[s]["p95"], 0), fmt(lat[s]["mean"], 0),
             str(lat[s]["n"])) for s in STAGES if lat[s]["n"]]
    return "## Latency (ms)\n\n" + (table(("stage", "p50", "p95", "mean", "n"), rows) if rows else "No timings.")


def _type_section(summary: dict) -> str:
    by_type = summary["by_type"]
    columns = [c for c in TYPE_COLUMNS if any(b["metrics"].get(c) is not None for b in by_type.values())]
    columns += ["abstain_recall", "wrongful_abstention"]
    header = ["type", "n", *[label(c).split(" (")[0] for c in columns], "p50 ms"]
    rows = []
    for name, b in by_type.items():
        stage = "total" if b["latency_ms"]["total"]["n"] else "retrieve"
        rows.append([cell(name, 30), str(b["n"]), *[fmt(b["metrics"].get(c)) for c in columns],
                     fmt(b["latency_ms"][stage]["p50"], 0)])
    return "## By question type\n\n" + table(header, rows)


def _outcome(record: dict) -> str:
    if record.get("error"):
        return "error: " + cell(record["error"], 60)
    if record.get("answer"):
        return cell(record["answer"])
    return "(abstains)" if record.get("abstained") else ""


def _question_section(records: Sequence[dict]) -> str:
    rows = []
    for r in records:
        met = r.get("metrics", {})
        hit = met.get("hits@4", met.get("evidence_hits@4", met.get("answer_recall@4")))
        gold = "; ".join(r.get("answers") or ["(unanswerable)"])
        rows.append([cell(r["id"], 30), cell(r.get("type", ""), 20), cell(r["question"], 70), cell(gold, 40),
                     fmt(hit), fmt(met.get("correct")), fmt(r.get("abstained")), _outcome(r)])
    header = ("id", "type", "question", "gold", "hit@4", "correct", "abstained", "our answer")
    return "## Every question\n\n" + table(header, rows)


DEFINITIONS = (
    "Metric definitions: article metrics match the retrieved passages' articles against `gold_articles` (id, URL "
    "or title); evidence metrics need a gold evidence string (whitespace-normalised) inside a retrieved passage; "
    "answer recall needs an acceptable answer (SQuAD-normalised, whole words) inside one. A gold item counts once "
    "in MAP. Exact match and F1 use SQuAD normalisation against the gold answers; 'names an acceptable answer' "
    "asks whether the gold answer appears in ours as whole words. Means are over the questions a metric applies "
    "to (n); failed questions are left out and counted above.")


def render_markdown(summary: dict, records: Sequence[dict], *, title: str, charts: Sequence[Path] = (),
                    sections: Sequence[str] = ()) -> str:
    """The report as Markdown."""
    run = summary.get("run", {})
    parts = [f"# {title}", "\n".join(_run_lines(run, summary)), *sections,
             _overall_section(summary), _abstention_section(summary, records), _latency_section(summary),
             _type_section(summary)]
    if charts:
        parts.append("## Charts\n\n" + "\n".join(f"![{p.stem.replace('_', ' ')}]({p.name})" for p in charts))
    parts += [_question_section(records), DEFINITIONS]
    return "\n\n".join(parts) + "\n"


def write_report(out_dir: str | Path, records: Sequence[dict], run_info: dict | None = None, *,
                 title: str = "Newsdesk evaluation", sections: Sequence[str] = (),
                 extra_summary: dict | None = None) -> ReportFiles:
    """Write summary.json, report.md and the charts into `out_dir`."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    summary = summarize(records, run_info)
    if extra_summary:
        summary.update(extra_summary)
    charts = [p for p in (metrics_by_type_chart(summary, out / "metrics_by_type.png"),
                          latency_chart(records, out / "latency.png")) if p is not None]
    summary_path = out / SUMMARY_FILE
    summary_path.write_text(json.dumps(summary, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    report_path = out / REPORT_FILE
    report_path.write_text(render_markdown(summary, records, title=title, charts=charts, sections=sections),
                           encoding="utf-8")
    return ReportFiles(summary_path, report_path, charts, summary)


def load_records(out_dir: str | Path) -> list[dict]:
    """The latest record per question from a run folder's results.jsonl."""
    from eval.runner import RESULTS_FILE, ResultsLog

    path = Path(out_dir) / RESULTS_FILE
    if not path.exists():
        raise NotARunFolder(f"{out_dir}: no {RESULTS_FILE} here (is this an eval run folder?)")
    return ResultsLog(path).load()
