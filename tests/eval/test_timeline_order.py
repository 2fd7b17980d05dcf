"""Kendall tau of a timeline's days against hand-placed days (eval/timeline_order.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eval.timeline_order import load_gold_days, order_agreement

FIXTURES = Path(__file__).parents[1] / "fixtures" / "timeline_order"

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


def test_the_labelled_topics_load_tuned_and_new_apart():
    tuned = load_gold_days(FIXTURES / "demo_full.jsonl")
    new = load_gold_days(FIXTURES / "new_topics.jsonl")
    assert set(tuned) == {"Berlin Christmas market attack", "Kim Jong-nam killed in Malaysia"}
    assert len(new) >= 2 and not set(new) & set(tuned)
    assert all(len(days) >= 10 for days in new.values())


def test_a_bad_day_names_its_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"topic": "t", "article_id": "a", "day": "2017-02-30"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="gold.jsonl:1"):
        load_gold_days(path)


def test_the_held_out_topics_are_apart_from_every_tuning_topic():
    held_out = load_gold_days(FIXTURES / "held_out_topics.jsonl")
    tuning = {**load_gold_days(FIXTURES / "demo_full.jsonl"), **load_gold_days(FIXTURES / "new_topics.jsonl")}
    assert len(held_out) >= 2 and not set(held_out) & set(tuning)
    assert sum(len(days) >= 8 for days in held_out.values()) >= 2
