"""The CLI's one error edge: `ui.cli.main` turns every `NewsdeskError` into one
line `newsdesk COMMAND: message` on stderr and exits with the error's status.
Run in-process against real files and a real (empty) store."""

from __future__ import annotations

import pytest

from index.errors import NewsdeskError
from ui.cli import main


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A private home with no models in it."""
    monkeypatch.setenv("NEWSDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NEWSDESK_MODELS_DIR", str(tmp_path / "no-models"))
    return tmp_path / "home"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_an_eval_run_folder_without_results_is_one_line(home, tmp_path, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    code, out, err = run(capsys, "eval", "compare", str(tmp_path / "a"), str(tmp_path / "b"))
    assert (code, out) == (2, "")
    assert err == f"newsdesk eval: {tmp_path / 'a'}: no results.jsonl here (is this an eval run folder?)\n"


def test_missing_benchmark_files_are_one_line(home, tmp_path, capsys):
    code, _, err = run(capsys, "eval", "multihop-rag", "--data", str(tmp_path))
    assert code == 2
    assert err == f"newsdesk eval: {tmp_path} lacks corpus.json and MultiHopRAG.json (the benchmark's data files)\n"


def test_usage_errors_name_the_command(home, capsys):
    assert run(capsys, "remove") == (2, "", "newsdesk remove: give article ids or --path PATH\n")
    code, _, err = run(capsys, "ask", "What happened?", "--as-of", "nope")
    assert (code, err) == (2, "newsdesk ask: --as-of must be a date like 2017-03-01, got 'nope'\n")


def test_an_empty_archive_is_named_with_the_bench_subcommand(home, capsys):
    code, out, err = run(capsys, "bench", "query")
    assert (code, out) == (2, "")
    assert err == f"newsdesk bench query: the archive at {home / 'store'} is empty: run `newsdesk demo` first\n"


def test_missing_models_stop_ingest_in_one_line(home, tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Headline\n\nBody text of the article.", encoding="utf-8")
    code, out, err = run(capsys, "ingest", str(tmp_path / "a.txt"))
    assert (code, out) == (2, "")
    assert err.startswith("newsdesk ingest: the embedding model is not at ") and err.count("\n") == 1


def test_any_new_domain_error_gets_its_line_and_status_without_a_guard(home, capsys, monkeypatch):
    """A command that raises a domain error no command lists: main alone turns it into the
    line (control characters escaped) and the error's own exit status."""
    class Quota(NewsdeskError):
        exit_status = 3

    def cmd_config(args):
        raise Quota("over quota\x1b[31m for /srv/news")
    monkeypatch.setattr("ui.commands_index.cmd_config", cmd_config)
    assert run(capsys, "config") == (3, "", "newsdesk config: over quota\\x1b[31m for /srv/news\n")
