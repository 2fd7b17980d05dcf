"""`newsdesk ask` prints the Who said what form for a question about statements, before any model loads.

In-process over a real on-disk store of the fixture story (tests/fixtures/timeline), fake embedder.
"""

from __future__ import annotations

import json

import pytest

import index.runtime
from tests.ui.test_cli_news import home, run  # noqa: F401  (the fixture story's home)


def test_ask_prints_the_form_without_a_model(home, capsys, monkeypatch):  # noqa: F811
    monkeypatch.setattr(index.runtime, "load_embedder", lambda settings: pytest.fail("the form loads no model"))
    code, out, err = run(capsys, "ask", "What did Keane say about the cracks?", "--llm", "none")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:2] == ["Who said what:", "Maria Keane:"]
    assert "“The cracks were wider than anything we had measured before” [" in out
    assert "Valley Times, 2017-03-06, Engineers found cracks in Old Mill bridge weeks before closure" in out
    assert "who said what" in err


def test_ask_falls_back_to_the_answer_when_none_or_json(home, capsys):  # noqa: F811
    code, out, err = run(capsys, "ask", "What did Keane say?", "--until", "2017-03-01", "--llm", "none")
    assert code == 0, err
    assert "Who said what:" not in out  # the filters leave no statement: the normal answer
    code, out, err = run(capsys, "ask", "What did Keane say?", "--llm", "none", "--json")
    assert code == 0, err
    assert "answer" in json.loads(out) and "Who said what" not in out
