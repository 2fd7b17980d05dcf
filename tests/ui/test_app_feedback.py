"""The app's `feedback` endpoint over HTTP with gradio_client: mark an answer of this session, and what
HOME/feedback.jsonl then holds; the Evaluate tab then offers and runs the marked answers.

Real server on a loopback port, real fixture store, real MiniLM, extractive answers.
"""

from __future__ import annotations

import pytest
from gradio_client import Client

from eval.feedback_log import feedback_path, read_feedback

pytestmark = pytest.mark.slow


def _client(url: str) -> Client:
    return Client(url, verbose=False, analytics_enabled=False, download_files=False)


def test_feedback_endpoint_marks_this_sessions_answers(live_app, kit):
    home = live_app.services.settings.home
    before = len(list(read_feedback(feedback_path(home)))) if feedback_path(home).exists() else 0
    c = _client(live_app.url)
    c.predict(kit.QUESTION, [], "", "", ["TASS"], 6, api_name="/ask")
    c.predict("How strong were the winds of Storm Doris?", [], "", "", [], 6, api_name="/ask")
    assert "Answer 1 marked 👍 good" in c.predict(1, "up", "", api_name="/feedback")
    status = c.predict(2, "down", "winds of up to 94 mph", api_name="/feedback")
    assert "Answer 2 marked 👎 wrong with the expected answer “winds of up to 94 mph”" in status
    assert "there is no answer 3" in c.predict(3, "up", "", api_name="/feedback")
    other = _client(live_app.url)  # another session has no answers of its own to mark
    assert "there is no answer 1 in this conversation (it has 0)" in other.predict(1, "up", "", api_name="/feedback")
    records = [r for _, r in read_feedback(feedback_path(home))][before:]
    assert [(r.question, r.verdict, r.expected) for r in records] == [
        (kit.QUESTION, "up", None), ("How strong were the winds of Storm Doris?", "down", "winds of up to 94 mph")]
    assert records[0].filters["sources"] == ["TASS"] and records[0].citations[0]["source"] == "TASS"
    assert len(records[1].history) == 2  # the first question and its answer
