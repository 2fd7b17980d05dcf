"""The type-spreading sampler behind `--limit` and the Evaluate tab's default ten questions."""

from __future__ import annotations

from collections import Counter

from eval.questions import Question, bundled_sets, load_questions
from eval.sampling import spread


def _q(i: int, qtype: str) -> Question:
    return Question(id=f"q{i}", question=f"question {i}?", answers=("a",) if qtype != "unanswerable" else (),
                    type=qtype)


def test_ten_of_the_demo_set_cover_every_type_not_the_first_ten_factoids():
    questions = load_questions(bundled_sets()["demo"])
    assert {q.type for q in questions[:10]} == {"factoid"}  # the problem: the file is written type by type
    picked = spread(questions, 10, seed=0)
    types = Counter(q.type for q in picked)
    assert len(picked) == 10
    assert set(types) == {q.type for q in questions}  # all 8 types
    assert max(types.values()) <= 2


def test_same_seed_same_questions_other_seed_other_questions_file_order_kept():
    questions = [_q(i, t) for i, t in enumerate(["factoid"] * 20 + ["yes_no"] * 5 + ["temporal"] * 5)]
    a = spread(questions, 6, seed=3)
    assert a == spread(questions, 6, seed=3)
    assert a != spread(questions, 6, seed=4)
    assert [questions.index(q) for q in a] == sorted(questions.index(q) for q in a)
    assert Counter(q.type for q in a) == {"factoid": 2, "yes_no": 2, "temporal": 2}


def test_a_small_type_runs_out_and_the_others_fill_the_sample():
    questions = [_q(i, t) for i, t in enumerate(["factoid"] * 10 + ["unanswerable"])]
    picked = spread(questions, 5, seed=0)
    assert Counter(q.type for q in picked) == {"factoid": 4, "unanswerable": 1}
    assert spread(questions, 50) == questions
