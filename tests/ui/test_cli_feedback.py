"""`newsdesk eval feedback-to-set`: the chat's marked answers become a question set `newsdesk eval` runs."""

from __future__ import annotations

import json

from eval.feedback_log import FeedbackRecord, append_feedback, feedback_path
from eval.questions import load_questions
from ui.cli import main


def test_marked_answers_become_a_set_with_the_skipped_count_printed(tmp_path, capsys):
    log = feedback_path(tmp_path)
    cite = {"n": 1, "article_id": "https://bbc.co.uk/2", "title": "Storm Doris hits Britain", "source": "BBC",
            "published": "2017-02-23", "url": "https://bbc.co.uk/2", "quote": "winds of 94 mph"}
    append_feedback(log, FeedbackRecord("How strong were the winds of Storm Doris?", "94 mph [1]", "up",
                                        [cite], short_answer="94 mph"))
    append_feedback(log, FeedbackRecord("Where did the talks resume?", "In Geneva [1]", "down", [cite],
                                        expected="Astana"))
    append_feedback(log, FeedbackRecord("Who opened the campaign?", "Angela Merkel [1]", "down", [cite]))
    out = tmp_path / "fb-set.jsonl"
    assert main(["eval", "feedback-to-set", str(out), "--home", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert f"wrote {out}: 2 questions (1 marked good, 1 marked wrong with an expected answer); 1 marked wrong without" in printed
    questions = load_questions(out)
    assert [q.answers for q in questions] == [("94 mph",), ("Astana",)]
    assert questions[0].gold_articles == ("https://bbc.co.uk/2",)


def test_no_feedback_file_and_bad_lines_are_one_line_each(tmp_path, capsys):
    assert main(["eval", "feedback-to-set", str(tmp_path / "o.jsonl"), "--home", str(tmp_path)]) == 2
    assert "feedback.jsonl: no feedback yet" in capsys.readouterr().err
    log = tmp_path / "mine.jsonl"
    log.write_text("garbage\n" + json.dumps({"question": "Q?", "answer": "A [1]", "verdict": "up"}) + "\n")
    assert main(["eval", "feedback-to-set", str(tmp_path / "o.jsonl"), "--feedback", str(log)]) == 1
    captured = capsys.readouterr()
    assert f"{log}:1: malformed JSON" in captured.err and "1 questions (1 marked good" in captured.out
