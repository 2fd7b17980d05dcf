"""Running question sets: results written as they complete, crash and resume, selection."""

from __future__ import annotations

import json

import pytest

from eval.questions import load_questions
from eval.runner import (RESULTS_FILE, ResultsLog, RunError, RunOptions, default_out_dir, run_eval,
                         select_questions)

from eval_fakes import Crash, FakeQA


def lines(out_dir):
    return [json.loads(x) for x in (out_dir / RESULTS_FILE).read_text().splitlines()]


def test_full_run_writes_one_record_per_question(tmp_path, questions_file):
    questions = load_questions(questions_file)
    seen = []
    outcome = run_eval(FakeQA(), questions, tmp_path / "run", RunOptions(quiet=True),
                       run_info={"questions_file": str(questions_file)}, progress=lambda d, t: seen.append((d, t)))
    assert outcome.complete and outcome.ran == len(questions) and outcome.errors == 0
    assert [r["id"] for r in lines(tmp_path / "run")] == [q.id for q in questions]
    assert seen[-1] == (len(questions), len(questions))
    info = json.loads((tmp_path / "run" / "run.json").read_text())
    assert info["mode"] == "full" and info["selected"] == len(questions) and info["machine"]["cpus"]
    by_id = {r["id"]: r for r in outcome.records}
    assert by_id["f1"]["metrics"]["hits@1"] == 1.0 and by_id["u1"]["abstained"] is True


def test_crash_then_resume_loses_nothing_and_duplicates_nothing(tmp_path, questions_file):
    questions = load_questions(questions_file)
    out = tmp_path / "run"
    with pytest.raises(Crash):
        run_eval(FakeQA(crash_after=3), questions, out, RunOptions(quiet=True))
    assert [r["id"] for r in lines(out)] == [q.id for q in questions[:3]]  # durable before the crash
    with pytest.raises(RunError, match="--resume"):
        run_eval(FakeQA(), questions, out, RunOptions(quiet=True))
    qa = FakeQA()
    outcome = run_eval(qa, questions, out, RunOptions(quiet=True, resume=True))
    assert outcome.skipped == 3 and outcome.ran == len(questions) - 3
    assert qa.asked == [q.question for q in questions[3:]]  # nothing asked twice
    ids = [r["id"] for r in lines(out)]
    assert sorted(ids) == sorted(q.id for q in questions) and len(ids) == len(set(ids))
    assert json.loads((out / "run.json").read_text())["resumed"] == 1


def test_torn_last_line_is_dropped_and_rerun(tmp_path, questions_file):
    questions = load_questions(questions_file)
    out = tmp_path / "run"
    run_eval(FakeQA(), questions[:2], out, RunOptions(quiet=True))
    with (out / RESULTS_FILE).open("a") as handle:
        handle.write('{"id": "y1", "trunc')
    assert [r["id"] for r in ResultsLog(out / RESULTS_FILE).load()] == ["f1", "f2"]
    outcome = run_eval(FakeQA(), questions, out, RunOptions(quiet=True, resume=True))
    assert outcome.complete and [r["id"] for r in lines(out)] == [q.id for q in questions]


def test_damage_in_the_middle_is_an_error(tmp_path):
    path = tmp_path / RESULTS_FILE
    path.write_text('{"id": "a"}\nnot json\n{"id": "b"}\n')
    with pytest.raises(RunError, match=":2: not a JSON line"):
        ResultsLog(path).load()


def test_failed_questions_are_recorded_and_retried_on_resume(tmp_path, questions_file):
    questions = load_questions(questions_file)
    broken = [q.__class__(**{**q.__dict__, "question": "boom"}) if q.id == "f2" else q for q in questions]
    out = tmp_path / "run"
    outcome = run_eval(FakeQA(), broken, out, RunOptions(quiet=True))
    assert outcome.errors == 1 and "RuntimeError: boom" in outcome.records[1]["error"]
    outcome = run_eval(FakeQA(), questions, out, RunOptions(quiet=True, resume=True))
    assert outcome.ran == 1 and outcome.errors == 0
    ids = [r["id"] for r in lines(out)]
    assert len(ids) == len(set(ids)) == len(questions)


def test_repeated_identical_failures_stop_the_run(tmp_path, questions_file):
    questions = [q.__class__(**{**q.__dict__, "question": "boom"}) for q in load_questions(questions_file)]
    with pytest.raises(RunError, match="5 questions in a row failed"):
        run_eval(FakeQA(), questions, tmp_path / "run", RunOptions(quiet=True))
    assert len(lines(tmp_path / "run")) == 5


def test_retrieval_only_never_generates(tmp_path, questions_file):
    qa = FakeQA()
    outcome = run_eval(qa, load_questions(questions_file), tmp_path / "r", RunOptions(retrieval_only=True, quiet=True))
    assert qa.asked == [] and all(r["answer"] is None for r in outcome.records)
    assert all(r["abstained_by"] == "retrieval gate" for r in outcome.records)
    assert all(set(r["timings_ms"]) == {"retrieve"} for r in outcome.records)
    with pytest.raises(RunError, match="'retrieval' run"):
        run_eval(qa, load_questions(questions_file), tmp_path / "r", RunOptions(quiet=True, resume=True))


def test_interrupt_returns_partial_outcome(tmp_path, questions_file):
    class Interrupting(FakeQA):
        def answer(self, query, passages, **timing):
            if len(self.asked) == 2:
                raise KeyboardInterrupt
            return super().answer(query, passages, **timing)

    outcome = run_eval(Interrupting(), load_questions(questions_file), tmp_path / "run", RunOptions(quiet=True))
    assert outcome.interrupted and not outcome.complete and len(outcome.records) == 2


def test_selection_sample_is_seeded_and_kept_in_file_order(questions_file):
    questions = load_questions(questions_file)
    a = select_questions(questions, sample=3, seed=7)
    assert a == select_questions(questions, sample=3, seed=7)
    assert [questions.index(q) for q in a] == sorted(questions.index(q) for q in a)
    assert select_questions(questions, limit=2) == select_questions(questions, limit=2)
    assert len({q.type for q in select_questions(questions, limit=2)}) == min(2, len({q.type for q in questions}))
    assert len(select_questions(questions, sample=3, seed=1, limit=2)) == 2
    assert len(select_questions(questions, sample=100)) == len(questions)
    with pytest.raises(RunError):
        select_questions(questions, limit=0)


def test_default_out_dir_resumes_latest(tmp_path):
    (tmp_path / "eval" / "demo-full-20250101-000000").mkdir(parents=True)
    (tmp_path / "eval" / "demo-full-20250102-000000").mkdir()
    assert default_out_dir(tmp_path, "demo", "full", True).name == "demo-full-20250102-000000"
    fresh = default_out_dir(tmp_path, "demo", "full", False)
    assert fresh.name.startswith("demo-full-") and not fresh.exists()
