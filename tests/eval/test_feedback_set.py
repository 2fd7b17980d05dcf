"""The feedback log (safe appends from several processes) and its conversion into a question set."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

from eval.feedback_log import FeedbackRecord, append_feedback, read_feedback
from eval.feedback_set import CONFIRMED, CORRECTED, feedback_to_set
from eval.questions import load_questions, write_questions

CITATION = {"n": 1, "article_id": "http://tass.com/world/929472", "title": "Syrian army gaining ground",
            "source": "TASS", "published": "2017-02-07", "url": "http://tass.com/world/929472",
            "quote": "The Syrian army has regained the communities of Tias and El Beida near Palmyra"}


def _record(question: str, verdict: str, **more) -> FeedbackRecord:
    return FeedbackRecord(question=question, answer=more.pop("answer", f"An answer to {question} [1]"),
                          verdict=verdict, citations=more.pop("citations", [CITATION]),
                          time="2026-12-01T23:00:00+00:00", **more)


def test_up_down_with_expected_and_down_without_become_a_loadable_set(tmp_path):
    log = tmp_path / "feedback.jsonl"
    append_feedback(log, _record("What did the Syrian army retake?", "up", short_answer="Tias and El Beida",
                                 filters={"since": "2017-02-01", "until": None, "sources": ["TASS"]}))
    append_feedback(log, _record("How fast were the winds?", "down", expected="94 mph",
                                 history=[{"role": "user", "content": "Tell me about Storm Doris"},
                                          {"role": "assistant", "content": "Storm Doris hit Britain [1]"}]))
    append_feedback(log, _record("Who won the vote?", "down"))
    append_feedback(log, _record("Who won the 2031 Eurovision?", "up", answer="The archive does not say.",
                                 abstained=True, citations=[]))
    made = feedback_to_set(log)
    assert (made.confirmed, made.corrected, made.skipped, made.problems) == (2, 1, 1, [])
    assert "1 marked wrong without an expected answer skipped" in made.summary()
    by_text = {q.question: q for q in made.questions}
    up = by_text["What did the Syrian army retake?"]
    assert up.answers == ("Tias and El Beida",) and up.type == CONFIRMED
    assert up.gold_articles == ("http://tass.com/world/929472",) and up.gold_evidence == (CITATION["quote"],)
    assert (up.since, up.sources, up.as_of.isoformat()) == ("2017-02-01", ("TASS",), "2026-12-01")
    down = by_text["How fast were the winds?"]
    assert down.answers == ("94 mph",) and down.type == CORRECTED and down.gold_articles == ()
    assert down.history[0]["content"] == "Tell me about Storm Doris"
    assert by_text["Who won the 2031 Eurovision?"].type == "unanswerable"
    out = write_questions(made.questions, tmp_path / "feedback-set.jsonl")
    assert load_questions(out) == made.questions  # the eval format, validated by its own loader


def test_the_latest_verdict_on_an_answer_counts(tmp_path):
    log = tmp_path / "feedback.jsonl"
    append_feedback(log, _record("How fast were the winds?", "up", short_answer="90 mph"))
    append_feedback(log, _record("How fast were the winds?", "down"))
    append_feedback(log, _record("How fast were the winds?", "down", expected="94 mph"))
    made = feedback_to_set(log)
    assert [q.answers for q in made.questions] == [("94 mph",)]
    assert (made.confirmed, made.corrected, made.skipped) == (0, 1, 0)


def test_bad_lines_are_named_and_the_rest_is_used(tmp_path):
    log = tmp_path / "feedback.jsonl"
    append_feedback(log, _record("What did the Syrian army retake?", "up"))
    with log.open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
        handle.write(json.dumps({"question": "Q?", "answer": "A", "verdict": "meh"}) + "\n")
    append_feedback(log, _record("How fast were the winds?", "down", expected="94 mph"))
    made = feedback_to_set(log)
    assert len(made.questions) == 2
    assert made.problems[0].startswith(f"{log}:2: malformed JSON")
    assert made.problems[1] == f"{log}:3: field 'verdict': must be 'up' or 'down', got 'meh'"


def _append_many(path: str, writer: int, count: int) -> None:
    for i in range(count):
        # long lines (≈ 40 KB) make interleaving likely if appends were not atomic
        append_feedback(Path(path),
                        _record(f"writer {writer} question {i}?", "up", answer="x" * 40_000))


def test_several_processes_append_at_once_and_every_line_is_whole(tmp_path):
    log = tmp_path / "feedback.jsonl"
    writers = [multiprocessing.Process(target=_append_many, args=(str(log), w, 25)) for w in range(4)]
    for p in writers:
        p.start()
    for p in writers:
        p.join(timeout=120)
        assert p.exitcode == 0
    items = [item for _, item in read_feedback(log)]
    assert all(isinstance(item, FeedbackRecord) for item in items), [i for i in items if isinstance(i, str)][:2]
    assert len(items) == 100 and len({r.question for r in items}) == 100
