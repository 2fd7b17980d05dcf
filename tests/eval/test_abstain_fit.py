"""Replaying and fitting the abstention policy on logged result records."""

from __future__ import annotations

import json
import math

from eval.abstain_fit import decide, fit, halves, main, replay, usable
from qa.abstain import ABSTAIN, ANSWER, QUOTE, AbstainPolicy


def record(i: int, *, answerable: bool, model_abstained: bool, correct: bool = False, evidence: float = 0.7,
           dense: float = 0.6, p: float | None = 0.5, sentence: str = "Winds of 94 mph hit Wales.",
           abstained: bool | None = None) -> dict:
    return {"id": f"demo-{i:03d}", "mode": "full", "error": None, "answerable": answerable,
            "answers": ["94 mph"] if answerable else [], "abstained": model_abstained if abstained is None else abstained,
            "metrics": {"correct": float(correct)},
            "signals": {"dense": dense, "keyword_names": False, "names_share": 1.0, "evidence": evidence,
                        "model_abstained": model_abstained, "abstain_logprob": None if p is None else math.log(p),
                        "top_logprob": None, "best_sentence": sentence}}


def test_decide_and_replay_score_the_three_outcomes():
    rows = [record(1, answerable=True, model_abstained=False, correct=True),      # answered right
            record(2, answerable=True, model_abstained=True, evidence=0.9),       # quoted, holds 94 mph
            record(3, answerable=False, model_abstained=True, evidence=0.2),      # abstains rightly
            record(4, answerable=False, model_abstained=False, dense=0.1)]         # gated before the model
    policy = AbstainPolicy()
    assert [decide(policy, r) for r in rows] == [ANSWER, QUOTE, ABSTAIN, ABSTAIN]
    out = replay(policy, rows)
    assert (out.n, out.accuracy, out.wrongful_abstention, out.abstain_recall, out.quoted) == (4, 1.0, 0.0, 1.0, 1)
    model_only = replay(AbstainPolicy(min_dense=-1, overrule_model=False), rows)
    assert model_only.accuracy == 0.5 and model_only.wrongful_abstention == 0.5


def test_an_answer_the_support_check_rejected_stays_an_abstention():
    r = record(1, answerable=True, model_abstained=False, abstained=True)
    assert decide(AbstainPolicy(), r) == ABSTAIN


def test_fit_uses_only_what_it_is_given_and_prefers_the_base_on_ties():
    rows = [record(i, answerable=True, model_abstained=True, evidence=0.48) for i in range(1, 9)]
    fitted = fit(rows)
    assert fitted.quote_min_evidence <= 0.48  # quoting rescues every one of them
    assert replay(fitted, rows).accuracy == 1.0
    assert fit([record(1, answerable=True, model_abstained=False, correct=True)]) == AbstainPolicy()


def test_halves_split_by_id_parity_and_usable_skips_records_without_signals():
    rows = [record(i, answerable=True, model_abstained=False) for i in range(1, 6)]
    odd, even = halves(rows)
    assert [r["id"] for r in odd] == ["demo-001", "demo-003", "demo-005"] and len(even) == 2
    assert usable(rows + [{"id": "x", "mode": "full", "error": None, "signals": {}}]) == rows


def test_main_prints_the_report(tmp_path, capsys):
    rows = [record(i, answerable=i % 3 != 0, model_abstained=i % 2 == 0, correct=True) for i in range(1, 13)]
    (tmp_path / "results.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "held apart" in out and "fitted" in out
    assert main([str(tmp_path / "missing")]) == 2
