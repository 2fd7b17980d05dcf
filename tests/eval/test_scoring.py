"""Turning a question, its passages and its answer into a result record."""

from __future__ import annotations

import json

import pytest

from eval.questions import parse_lines
from eval.scoring import result_record, score_retrieval

from eval_fakes import QUESTIONS, FakeQA


def load():
    return {q.id: q for q in parse_lines([json.dumps(q) for q in QUESTIONS])}


def test_full_record_scores_retrieval_answer_and_citations():
    qs, qa = load(), FakeQA()
    q = qs["f1"]
    passages = qa.retrieve(qa.understand(q.question, k=10))
    record = result_record(q, mode="full", passages=passages, answer=qa.ask(q.question), timings_ms={"total": 1})
    met = record["metrics"]
    assert met["hits@1"] == 1.0 and met["mrr@10"] == 1.0 and met["map@10"] == 1.0
    assert met["evidence_hits@1"] == 1.0 and met["answer_recall@1"] == 1.0
    assert met["contains_answer"] == 1.0 and met["correct"] == 1.0 and met["exact_match"] == 0.0
    assert 0 < met["f1"] < 1
    assert met["citation_precision"] == 1.0 and met["citation_recall"] == 1.0 and met["unsupported_rate"] == 0.0
    assert record["retrieved"][0]["gold"] and record["retrieved"][0]["evidence"]
    assert record["abstained"] is False and record["error"] is None


def test_yes_no_and_unanswerable_records():
    qs, qa = load(), FakeQA()
    y = qs["y1"]
    rec = result_record(y, mode="full", passages=qa.retrieve(qa.understand(y.question)), answer=qa.ask(y.question))
    assert "yes_no_accuracy" in rec["metrics"] and "f1" not in rec["metrics"]
    assert "answer_recall@4" not in rec["metrics"]  # 'yes' is not looked for in passages
    u = qs["u1"]
    rec = result_record(u, mode="full", passages=qa.retrieve(qa.understand(u.question)), answer=qa.ask(u.question))
    assert rec["abstained"] and rec["metrics"] == {"correct": 1.0}


def test_retrieval_only_uses_the_gate():
    qs, qa = load(), FakeQA()
    u = qs["u2"]
    passages = qa.retrieve(qa.understand(u.question))
    rec = result_record(u, mode="retrieval", passages=passages, gate_threshold=0.2)
    assert rec["answer"] is None and rec["abstained"] is True and rec["abstained_by"] == "retrieval gate"
    rec = result_record(u, mode="retrieval", passages=passages, gate_threshold=0.0)
    assert rec["abstained"] is False


def test_depth_limits_what_counts():
    qs, qa = load(), FakeQA()
    q = qs["c1"]
    passages = qa.retrieve(qa.understand("Syria storm", k=3))  # gold article ranked last of three
    assert score_retrieval(q, passages, depth=2)["hits@10"] == 0.0
    assert score_retrieval(q, passages, depth=3)["mrr@3"] == pytest.approx(1 / 3)


def test_the_verifier_is_judged_on_false_alarms_and_misses():
    from dataclasses import replace

    qs, qa = load(), FakeQA()
    q = qs["f1"]
    passages = qa.retrieve(qa.understand(q.question))
    right = qa.ask(q.question)  # names "Astana", nothing flagged
    metrics = result_record(q, mode="full", passages=passages, answer=right)["metrics"]
    assert metrics["correct_flagged"] == 0.0 and "wrong_unflagged" not in metrics
    metrics = result_record(q, mode="full", passages=passages,
                            answer=replace(right, unsupported_sentences=1))["metrics"]
    assert metrics["correct_flagged"] == 1.0
    wrong = replace(right, text="The talks resumed in Geneva [1].")
    metrics = result_record(q, mode="full", passages=passages, answer=wrong)["metrics"]
    assert metrics["wrong_unflagged"] == 1.0 and "correct_flagged" not in metrics
    metrics = result_record(q, mode="full", passages=passages,
                            answer=replace(wrong, unsupported_sentences=1))["metrics"]
    assert metrics["wrong_unflagged"] == 0.0
    # an answer given to an unanswerable question is a wrong answer too
    u = qs["u2"]
    metrics = result_record(u, mode="full", passages=passages, answer=wrong)["metrics"]
    assert metrics["wrong_unflagged"] == 1.0


def _answer(text: str, short: str | None, *, abstained: bool = False, supported: bool | None = True):
    from types import SimpleNamespace

    return SimpleNamespace(text=text, abstained=abstained, sentences=[text], unsupported_sentences=0,
                           citations=[], short_answer=short, short_answer_supported=supported)


def test_short_answer_exact_match_and_f1_beside_the_full_answer():
    from eval.scoring import score_answer

    q = load()["f1"]
    gold = q.answers[0]
    scores = score_answer(q, _answer(f"The answer is {gold} [1].", gold))
    assert scores["short_exact_match"] == 1.0 and scores["short_f1"] == 1.0
    assert scores["short_answer_given"] == 1.0 and scores["short_answer_flagged"] == 0.0
    assert scores["exact_match"] == 0.0 and 0 < scores["f1"] < 1  # the full answer is still scored
    wrong = score_answer(q, _answer(f"The answer is {gold} [1].", "something else entirely", supported=False))
    assert wrong["short_exact_match"] == 0.0 and wrong["short_f1"] == 0.0 and wrong["short_answer_flagged"] == 1.0


def test_a_missing_short_answer_counts_as_not_given_and_abstentions_are_not_scored():
    from eval.scoring import score_answer

    q = load()["f1"]
    scores = score_answer(q, _answer("Some sentence [1].", None))
    assert scores["short_answer_given"] == 0.0 and "short_exact_match" not in scores
    abstained = score_answer(q, _answer("The archive doesn't say.", None, abstained=True))
    assert "short_answer_given" not in abstained


def test_records_log_the_short_answer_and_the_abstention_signals():
    qs, qa = load(), FakeQA()
    q = qs["f1"]
    answer = qa.ask(q.question)
    answer.short_answer, answer.quoted, answer.signals = "x", False, {"dense": 0.5, "decision": "answer"}
    answer.short_answer_supported, answer.short_answer_concern = False, "it only repeats the question"
    record = result_record(q, mode="full", passages=qa.retrieve(qa.understand(q.question)), answer=answer)
    assert record["short_answer"] == "x" and record["signals"] == {"dense": 0.5, "decision": "answer"}
    assert record["short_answer_supported"] is False
    assert record["short_answer_concern"] == "it only repeats the question"
    json.dumps(record)


def test_a_yes_no_short_answer_is_the_answer_scored():
    from eval.scoring import score_answer

    y = load()["y1"]
    gold = y.answers[0].lower()
    other = "no" if gold == "yes" else "yes"
    # the sentence alone would read as the gold label, but the short answer says the other one
    text = "Yes, it did [1]." if gold == "yes" else "It did not [1]."
    assert score_answer(y, _answer(text, None))["yes_no_accuracy"] == 1.0
    assert score_answer(y, _answer(text, other.capitalize()))["yes_no_accuracy"] == 0.0
    assert score_answer(y, _answer(text, gold.capitalize()))["yes_no_accuracy"] == 1.0


def test_the_short_answer_counts_for_correct_and_its_flag_counts_as_flagged():
    from eval.scoring import score_answer

    q = load()["f1"]
    gold = q.answers[0]
    # The bold short answer names the answer although the sentence does not: the reader got it.
    scores = score_answer(q, _answer("The dump on the outskirts of the city collapsed [1].", gold))
    assert scores["correct"] == 1.0 and scores["contains_answer"] == 0.0
    # A wrong short answer under ⚠ is a flagged wrong answer, not a silent one.
    flagged = score_answer(q, _answer("Something else happened [1].", "nonsense", supported=False))
    assert flagged["correct"] == 0.0 and flagged["wrong_unflagged"] == 0.0
    silent = score_answer(q, _answer("Something else happened [1].", "nonsense", supported=True))
    assert silent["wrong_unflagged"] == 1.0
