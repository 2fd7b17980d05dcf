"""Calibrating `qa.abstain.AbstainPolicy` from an evaluation run's logged signals.

The run must let the model speak for itself on every question (retrieval gate
off, `overrule_model=False`, which also lets it write NOT_IN_ARCHIVE:
`AbstainPolicy.keeps_model_answering`), so each result record holds the model's own
answer, the signals and the sentence a quoted answer would use. `replay`
then decides each question under a candidate policy without running anything
again; `fit` grid-searches the thresholds on one half of the questions (odd
ids) and `report` shows how they hold on the other half.

    python -m eval.abstain_fit RUN_DIR     # prints the fitted policy and both halves' figures
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Sequence

from eval import metrics as m
from qa.abstain import ABSTAIN, ANSWER, QUOTE, AbstainPolicy, Signals, offers_asked_kind, relation_share

GRID = {
    "min_dense": (0.30, 0.33, 0.36, 0.40, 0.45),
    "quote_min_evidence": (0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.80, 2.0),  # 2.0: never quote
    "quote_max_abstain_p": (0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.01),
    "quote_min_relation": (0.0, 0.25, 0.34, 0.5, 0.67, 0.8),
    "answer_min_evidence": (0.0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55),
    "answer_max_abstain_p": (0.05, 0.1, 0.2, 0.3, 0.5, 1.01),
}
MAX_WRONGFUL = 0.05  # the target for wrongful abstention; candidates above it lose to any below


@dataclass(frozen=True)
class Outcome:
    """What a policy does over some records."""

    n: int
    accuracy: float
    wrongful_abstention: float | None
    abstain_recall: float | None
    quoted: int

    def line(self) -> str:
        """One readable line."""
        def f(v: float | None) -> str:
            return "n/a" if v is None else f"{v:.3f}"
        return (f"n={self.n} accuracy {f(self.accuracy)} · wrongful abstention {f(self.wrongful_abstention)} · "
                f"abstention recall {f(self.abstain_recall)} · quoted {self.quoted}")


def signals_of(record: dict) -> Signals:
    """The `Signals` logged in a result record."""
    s = record.get("signals") or {}
    relation = s.get("relation_share")
    if relation is None:  # runs before relation_share was logged: read it from the sentence they logged
        relation = relation_share(str(record.get("question") or ""), s.get("best_sentence") or "")
    offers = s.get("offers_answer")
    if offers is None:  # runs before offers_answer was logged: read it from the sentence they logged
        offers = offers_asked_kind(str(record.get("question") or ""), s.get("best_sentence") or "")
    return Signals(float(s.get("dense") or 0.0), bool(s.get("keyword_names")), float(s.get("names_share") or 0.0),
                   float(s.get("evidence") or 0.0), s.get("model_abstained"), s.get("abstain_logprob"),
                   s.get("top_logprob"), float(relation), bool(offers))


def usable(records: Iterable[dict]) -> list[dict]:
    """Records of an answering run that carry the signals a replay needs."""
    return [r for r in records if not r.get("error") and r.get("mode") == "full"
            and (r.get("signals") or {}).get("model_abstained") is not None]


def _quote_correct(record: dict) -> bool:
    sentence = (record.get("signals") or {}).get("best_sentence") or ""
    answers = record.get("answers") or []
    if not record.get("answerable") or not sentence:
        return False
    if m.is_yes_no(answers):
        return bool(m.yes_no_correct(sentence, answers))
    return bool(m.contains_answer(sentence, answers))


def decide(policy: AbstainPolicy, record: dict) -> str:
    """What `policy` does with this record's question: ANSWER (the model's reply), QUOTE or ABSTAIN."""
    s = signals_of(record)
    if policy.before_model(s) == ABSTAIN:
        return ABSTAIN
    decision = policy.after_model(s)
    if decision == ANSWER and record.get("abstained"):  # the model's reply failed the support check
        return ABSTAIN
    return decision


def replay(policy: AbstainPolicy, records: Sequence[dict]) -> Outcome:
    """Accuracy (names the answer / abstains when unanswerable) and abstention figures under `policy`."""
    correct, abstained, quoted = [], [], 0
    for r in records:
        decision = decide(policy, r)
        abstained.append(decision == ABSTAIN)
        quoted += decision == QUOTE
        if decision == ABSTAIN:
            correct.append(not r["answerable"])
        elif decision == QUOTE:
            correct.append(_quote_correct(r))
        else:
            correct.append(bool(r["answerable"]) and bool((r.get("metrics") or {}).get("correct")))
    scores = m.abstention_scores(abstained, [bool(r["answerable"]) for r in records])
    return Outcome(len(records), sum(correct) / len(records) if records else 0.0,
                   scores["wrongful_abstention"], scores["abstain_recall"], quoted)


def halves(records: Sequence[dict]) -> tuple[list[dict], list[dict]]:
    """(fit half: odd-numbered ids, held-apart half: even-numbered ids)."""
    def number(r: dict) -> int:
        digits = re.findall(r"\d+", str(r.get("id")))
        return int(digits[-1]) if digits else 0
    return [r for r in records if number(r) % 2 == 1], [r for r in records if number(r) % 2 == 0]


def fit(records: Sequence[dict], base: AbstainPolicy | None = None) -> AbstainPolicy:
    """The grid policy with the best accuracy whose wrongful abstention is within `MAX_WRONGFUL`.

    Ties go to the policy closest to the base (fewest changed thresholds), then to the grid's order.
    """
    base = base or AbstainPolicy()
    best, best_key = base, None
    names = list(GRID)
    for values in itertools.product(*(GRID[n] for n in names)):
        policy = replace(base, **dict(zip(names, values)))
        out = replay(policy, records)
        within = (out.wrongful_abstention or 0.0) <= MAX_WRONGFUL
        changed = sum(getattr(policy, n) != getattr(base, n) for n in names)
        key = (within, round(out.accuracy, 6), -changed)
        if best_key is None or key > best_key:
            best, best_key = policy, key
    return best


def report(records: Sequence[dict]) -> str:
    """The fitted policy and its figures on both halves, beside the model's own word and the base policy."""
    fit_half, held = halves(usable(records))
    fitted = fit(fit_half)
    model_only = AbstainPolicy(min_dense=-1.0, overrule_model=False)
    lines = [f"fitted on {len(fit_half)} odd-numbered questions, checked on {len(held)} even-numbered ones",
             "policy: " + ", ".join(f"{n}={getattr(fitted, n)}" for n in GRID)]
    for label, policy in (("model's word alone", model_only), ("base policy", AbstainPolicy()), ("fitted", fitted)):
        lines.append(f"{label:>20} · fit half: {replay(policy, fit_half).line()}")
        lines.append(f"{'':>20} · held apart: {replay(policy, held).line()}")
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    """`python -m eval.abstain_fit RUN_DIR`: print the calibration report."""
    if len(argv) != 1:
        print("usage: python -m eval.abstain_fit RUN_DIR (a run whose results.jsonl logs signals)", file=sys.stderr)
        return 2
    path = Path(argv[0]) / "results.jsonl"
    if not path.is_file():
        print(f"{path}: no such file", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not usable(records):
        print(f"{path}: no answered record logs abstention signals (run with the model first)", file=sys.stderr)
        return 2
    print(report(records))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
