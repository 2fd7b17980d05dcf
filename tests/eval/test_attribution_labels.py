"""Speaker attribution against hand-labelled statements of News100 demo articles (eval/attribution.py).

The labels (`tests/fixtures/attribution/*.jsonl`) were written by reading News100 articles (`id` in
`HOME/demo/news100.jsonl`, fetched from its PyPI wheel as `newsdesk demo` does when absent), every
attributed statement of each, so precision can be measured as well as recall. The tuning labels are
what the rules were written against; the held-out labels never were (see the fixture README).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.attribution import load_labels, score_attribution
from index.settings import IndexSettings

LABELS = Path(__file__).parents[1] / "fixtures" / "attribution" / "statements.jsonl"
# Tuning: the first six articles and the five former held-out sets (ABC News 8, RTÉ 1197; Al Jazeera 2292,
# TASS 152, RTÉ 2510, CNN 3303, DW 895; BBC 1253, ABC 3228, DW 869, Al Jazeera 1173, TASS 3334, China Daily
# 368, CNN 1780; the 19 articles of held_out_4; the 14 of held_out_5; the 9 of held_out_6; the 7 of
# held_out_7; the 9 of held_out_8), each promoted to tuning after being scored twice (held_out_8 in round 9).
TUNING = (LABELS, LABELS.with_name("held_out.jsonl"), LABELS.with_name("held_out_2.jsonl"),
          LABELS.with_name("held_out_3.jsonl"), LABELS.with_name("held_out_4.jsonl"),
          LABELS.with_name("held_out_5.jsonl"), LABELS.with_name("held_out_6.jsonl"),
          LABELS.with_name("held_out_7.jsonl"), LABELS.with_name("held_out_8.jsonl"))
# Held out: 7 (held_out_9) and 14 (held_out_10) News100 articles drawn by seeded shuffles (see the fixture
# README), labelled blind by someone who never read the attribution code, and never used to tune: how well
# the rules carry to new articles.
HELD_OUT = (LABELS.with_name("held_out_9.jsonl"), LABELS.with_name("held_out_10.jsonl"))


def test_the_labels_are_at_least_100_statements_of_several_articles():
    records = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 100
    assert len({r["article_id"] for r in records}) >= 5
    assert all(r["speaker"].strip() and len(r["text"]) >= 8 for r in records)


def test_a_text_printed_twice_is_labelled_by_its_occurrence(tmp_path):
    body = "Lavrov said that ties improved. More text. Lavrov also said that ties improved."
    path = tmp_path / "labels.jsonl"
    path.write_text(json.dumps({"article_id": "1", "speaker": "Lavrov", "text": "ties improved"}) + "\n"
                    + json.dumps({"article_id": "1", "speaker": "Lavrov", "text": "ties improved", "occurrence": 2})
                    + "\n", encoding="utf-8")
    first, second = load_labels(path, {"1": body})
    assert body[first.start:first.end] == body[second.start:second.end] == "ties improved"
    assert first.start < 20 < second.start
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"article_id": "1", "speaker": "L", "text": "ties improved", "occurrence": 3}) + "\n")
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        load_labels(bad, {"1": body})


def demo_bodies() -> dict[str, str]:
    from index.demo import ensure_demo

    path = ensure_demo(IndexSettings(), full=False, progress=lambda _message: None)
    return {r["id"]: r["body"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


@pytest.mark.slow
def test_speaker_attribution_precision_and_recall_on_the_labelled_articles():
    bodies = demo_bodies()
    score = score_attribution([lb for path in TUNING for lb in load_labels(path, bodies)], bodies)
    print(f"\nattribution on {score.labels} labelled statements: found {score.found}, "
          f"precision {score.precision:.3f}, recall {score.recall:.3f} "
          f"({score.span_only} found with the wrong speaker)")
    assert score.labels >= 915
    # Floors just under the measured numbers (see README, "Timelines and who said what"): a regression fails here.
    assert score.precision >= 0.91  # measured 0.917 after round 9 (915 labels, held_out_8 included)
    assert score.recall >= 0.72  # measured 0.722 after round 9


def test_the_held_out_labels_are_at_least_100_statements_of_other_articles():
    records = [json.loads(line) for path in HELD_OUT for line in path.read_text(encoding="utf-8").splitlines()]
    tuning = {json.loads(line)["article_id"] for path in TUNING for line in path.read_text(encoding="utf-8").splitlines()}
    assert len(records) >= 100
    assert len({r["article_id"] for r in records}) >= 5 and not tuning & {r["article_id"] for r in records}


@pytest.mark.slow
def test_speaker_attribution_on_held_out_articles():
    bodies = demo_bodies()
    score = score_attribution([lb for path in HELD_OUT for lb in load_labels(path, bodies)], bodies)
    print(f"\nattribution on {score.labels} held-out statements: found {score.found}, "
          f"precision {score.precision:.3f}, recall {score.recall:.3f}")
    assert score.labels >= 241
    # held_out_9 + held_out_10 (241 labels): measured 0.716 / 0.498 on 2026-12-05 (see README "Timelines and who
    # said what"): floors that catch a regression, not the goal (both are far below the 0.9 / 0.8 targets).
    assert score.precision >= 0.70
    assert score.recall >= 0.48
