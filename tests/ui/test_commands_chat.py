"""`newsdesk chat`'s logins, roles and ingest roots: parsed from flags and environment,
checked before anything loads, and handed to the app as given.

Fast: the store is real (fake embedder); `launch` is replaced by a recorder, since
serving is what the slow tests in test_app_access.py do.
"""

from __future__ import annotations

import pytest

import index.runtime
import ui.app
from ui.cli import main


@pytest.fixture
def served(tmp_path, monkeypatch, fake_embedder):
    """Run `newsdesk chat …` up to the point of serving; returns what `launch` was given."""
    calls: list[dict] = []
    monkeypatch.setenv("NEWSDESK_HOME", str(tmp_path / "home"))
    for name in ("NEWSDESK_AUTH", "NEWSDESK_ADMIN", "NEWSDESK_INGEST_ROOTS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(index.runtime, "load_embedder", lambda settings: fake_embedder)
    monkeypatch.setattr(ui.app, "launch", lambda services, **kw: calls.append({"services": services, **kw}))
    return calls


def test_logins_roles_and_roots_reach_the_app(served, tmp_path, monkeypatch, capsys):
    news, wires = tmp_path / "news", tmp_path / "wires"
    news.mkdir()
    wires.mkdir()
    monkeypatch.setenv("NEWSDESK_ADMIN", "chief:s3:cret")  # the password may hold colons
    assert main(["chat", "--no-browser", "--llm", "none", "--host", "0.0.0.0", "--auth", "reader:pw",
                 "--auth", "intern:pw2", "--ingest-root", str(news), "--ingest-root", str(wires)]) == 0
    [call] = served
    assert call["auth"] == [("reader", "pw"), ("intern", "pw2")] and call["admins"] == [("chief", "s3:cret")]
    assert call["services"].settings.ingest_roots == [news.resolve(), wires.resolve()]
    out = capsys.readouterr()
    assert "(login required)" in out.out and "warning" not in out.err


def test_roots_and_logins_from_the_environment(served, tmp_path, monkeypatch):
    news = tmp_path / "news"
    news.mkdir()
    monkeypatch.setenv("NEWSDESK_INGEST_ROOTS", str(news))
    monkeypatch.setenv("NEWSDESK_AUTH", "reader:pw")
    assert main(["chat", "--no-browser", "--llm", "none"]) == 0
    assert served[0]["auth"] == [("reader", "pw")] and served[0]["admins"] == []
    assert served[0]["services"].settings.ingest_roots == [news.resolve()]
    assert main(["chat", "--no-browser", "--llm", "none", "--auth", "other:pw"]) == 0
    assert served[1]["auth"] == [("other", "pw")]  # flags win over the environment


@pytest.mark.parametrize("argv, says", [
    (["--admin", "chief"], "--admin takes USER:PASS"),
    (["--auth", "ann:"], "--auth takes USER:PASS"),
    (["--auth", "ann:1", "--admin", "ann:2"], "ann is given both as --auth and as --admin; give each login once"),
    (["--ingest-root", "{tmp}/nope"], "--ingest-root {tmp}/nope: no such folder"),
])
def test_bad_options_are_one_line_and_nothing_is_served(served, tmp_path, capsys, argv, says):
    argv = [a.format(tmp=tmp_path) for a in argv]
    assert main(["chat", "--no-browser", "--llm", "none", *argv]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"newsdesk chat: {says.format(tmp=tmp_path)}" and served == []


def test_listening_beyond_loopback_without_a_login_warns(served, capsys):
    assert main(["chat", "--no-browser", "--llm", "none", "--host", "0.0.0.0"]) == 0
    assert "warning: listening on 0.0.0.0 without --auth" in capsys.readouterr().err
