"""Report files exist, hold the computed numbers, and compare finds deltas and flips."""

from __future__ import annotations

import json

import pytest

from eval.compare import compare_records, compare_runs, render_comparison
from eval.questions import load_questions
from eval.report import write_report
from eval.runner import RunOptions, run_eval
from eval.summary import summarize

from eval_fakes import FakeQA


@pytest.fixture
def run_dir(tmp_path, questions_file):
    outcome = run_eval(FakeQA(), load_questions(questions_file), tmp_path / "a", RunOptions(quiet=True),
                       run_info={"questions_file": "questions.jsonl", "k": 6, "llm": "fake"})
    return outcome


def test_summary_numbers_by_hand(run_dir):
    summary = summarize(run_dir.records)
    overall = summary["overall"]
    # f1, f2, c1 have factoid answers; the fake cites the top article's first sentence.
    factoid = summary["by_type"]["factoid"]["metrics"]
    assert factoid["hits@1"] == 1.0 and summary["by_type"]["factoid"]["n"] == 3
    # f2's gold '94 mph' is in the first sentence; c1's 'fairer pensions' is in the second -> 2 of 3 named
    assert factoid["contains_answer"] == pytest.approx(2 / 3, abs=1e-4)
    assert overall["counts"]["contains_answer"] == 3 and overall["counts"]["yes_no_accuracy"] == 1
    # both unanswerable questions abstain and nothing answerable does
    assert overall["metrics"]["abstain_recall"] == 1.0 and overall["metrics"]["abstain_precision"] == 1.0
    assert overall["metrics"]["wrongful_abstention"] == 0.0
    # fake total latency = 100 + 10 * i for i = 1..6 -> p50 of 110..160 is 135
    assert overall["latency_ms"]["total"]["p50"] == pytest.approx(135.0)


def test_report_files_exist_and_contain_the_numbers(run_dir):
    files = write_report(run_dir.out_dir, run_dir.records, run_dir.run_info, title="Test run")
    summary = json.loads(files.summary_path.read_text())
    report = files.report_path.read_text()
    assert summary["overall"]["metrics"]["hits@4"] == 1.0
    assert "# Test run" in report and "| article Hits@4 | 1.000 | 4 |" in report
    assert "## By question type" in report and "| factoid | 3 |" in report
    assert "## Every question" in report and "Where did the Syria peace talks resume?" in report
    assert "| total | 135 |" in report
    names = sorted(p.name for p in files.charts)
    assert names == ["latency.png", "metrics_by_type.png"]
    for chart in files.charts:
        assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and chart.stat().st_size > 5000


def test_partial_and_failed_runs_are_labelled(tmp_path, questions_file):
    records = [{"id": "x", "type": "factoid", "question": "?", "answerable": True, "answers": ["a"], "mode": "full",
                "metrics": {}, "timings_ms": {}, "error": "question rejected: bad filter", "abstained": None}]
    files = write_report(tmp_path, records, {"selected": 3})
    report = files.report_path.read_text()
    assert "1 of 3 selected (partial run); 1 failed" in report and "error: question rejected" in report


def test_compare_reports_deltas_and_flips(run_dir, tmp_path):
    a = run_dir.records
    b = json.loads(json.dumps(a))
    b[0]["metrics"]["correct"] = 0.0       # f1 breaks
    b[3]["metrics"]["correct"] = 1.0       # c1 gets fixed
    b[3]["metrics"]["contains_answer"] = 1.0
    comparison = compare_records(a, b[:-1])  # B lacks u2
    assert comparison.shared == 5 and comparison.only_a == ["u2"]
    flips = {(f.id, f.metric, f.b) for f in comparison.flips}
    assert flips == {("f1", "correct", 0.0), ("c1", "correct", 1.0)}
    deltas = {d.key: d for d in comparison.deltas}
    assert deltas["contains_answer"].delta == pytest.approx(1 / 3, abs=1e-3) and deltas["contains_answer"].improved
    text = render_comparison(comparison)
    assert "flipped questions: 2" in text and "fixed  correct" in text and "broken correct" in text
    assert json.loads(json.dumps(comparison.to_json()))["shared"] == 5


def test_compare_runs_reads_folders(run_dir, tmp_path):
    comparison = compare_runs(run_dir.out_dir, run_dir.out_dir)
    assert comparison.flips == [] and all(not d.delta for d in comparison.deltas)
    with pytest.raises(FileNotFoundError, match="no results.jsonl"):
        compare_runs(run_dir.out_dir, tmp_path / "nowhere")
