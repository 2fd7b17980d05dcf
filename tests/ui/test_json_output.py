"""`--json` is indented on a terminal and one line when piped (ui/json_output.py).

In-process `ask --json` over a real on-disk store (fake embedder) with stdout
a terminal or a pipe, and the real `python -m ui.cli stats --json` process
under a pseudo-terminal and through a pipe.
"""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys

from tests.ui.test_cli_ask import home  # noqa: F401  (fixture: a store of two articles, fake embedder)
from ui.cli import main
from ui.json_output import print_json

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QUESTION = ["ask", "How strong were the winds of Storm Doris?", "--json", "--as-of", "2017-03-01"]


class Terminal(io.StringIO):
    """Captured output that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_print_json_indents_on_a_terminal_only():
    data = {"question": "Où?", "citations": [{"n": 1}]}
    tty, pipe = Terminal(), io.StringIO()
    print_json(data, stream=tty)
    print_json(data, stream=pipe)
    assert tty.getvalue() == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert pipe.getvalue() == json.dumps(data, ensure_ascii=False) + "\n" and pipe.getvalue().count("\n") == 1


def test_ask_json_is_pretty_on_a_terminal_and_one_line_in_a_pipe(home, capsys, monkeypatch):
    assert main(QUESTION) == 0
    piped = capsys.readouterr().out
    assert piped.count("\n") == 1
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(QUESTION) == 0
    pretty = terminal.getvalue()
    assert pretty.startswith('{\n  "question": ') and pretty.count("\n") > 20
    same = lambda d: {k: v for k, v in d.items() if k != "timings_ms"}  # noqa: E731
    assert same(json.loads(pretty)) == same(json.loads(piped))


def test_stats_json_in_a_real_terminal_and_a_real_pipe(home):
    command = [sys.executable, "-m", "ui.cli", "stats", "--json"]
    env = {**os.environ, "NEWSDESK_HOME": str(home), "PYTHONPATH": REPO}
    piped = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.count("\n") == 1 and json.loads(piped.stdout)["articles"] == 2
    leader, follower = pty.openpty()
    try:
        process = subprocess.run(command, cwd=REPO, env=env, stdout=follower, stderr=subprocess.PIPE, timeout=120)
        os.close(follower)
        follower = -1
        out = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: everything was read
                break
            if not chunk:
                break
            out += chunk
    finally:
        os.close(leader)
        if follower != -1:
            os.close(follower)
    assert process.returncode == 0, process.stderr
    text = out.decode().replace("\r\n", "\n")
    assert text.startswith('{\n  "articles": 2,') and json.loads(text)["articles"] == 2
