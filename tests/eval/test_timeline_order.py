"""Kendall tau of a timeline's days against hand-placed days (eval/timeline_order.py)."""

from __future__ import annotations

from datetime import date

from eval.timeline_order import order_agreement

GOLD = {"a": date(2016, 12, 19), "b": date(2016, 12, 23), "c": date(2017, 2, 9), "d": date(2017, 2, 13)}


def test_the_same_order_is_one_even_with_other_days():
    shifted = {k: date.fromordinal(v.toordinal() + 1) for k, v in GOLD.items()}
    score = order_agreement(shifted, GOLD)
    assert score.tau == 1.0 and score.n == 4 and set(score.misplaced) == set(GOLD)


def test_an_old_event_placed_on_its_publication_day_lowers_tau():
    # "In December … Amri drove a truck into the market", published 9 Feb, placed on 9 Feb.
    placed = {**GOLD, "a": date(2017, 2, 14)}
    score = order_agreement(placed, GOLD)
    assert score.tau < 0.5 and score.misplaced == ("a",)


def test_only_articles_both_list_count():
    score = order_agreement({"a": GOLD["a"], "x": date(2017, 1, 1)}, GOLD)
    assert score.n == 1 and score.tau != score.tau  # NaN: no pair to compare
