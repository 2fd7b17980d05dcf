"""`newsdesk bench timeline`: cold runs are the real command in a fresh process over a real store."""

from __future__ import annotations

import json

import pytest

from tests.qa.test_timeline import build_store
from ui.cli import main
from ui.timeline_bench import DEFAULT_TOPICS, TimelineBenchError, load_topics

TOPIC = "How did the Old Mill bridge story develop?"


def test_topics_come_from_a_file_or_the_defaults(tmp_path):
    assert load_topics(None) == list(DEFAULT_TOPICS)
    listed = tmp_path / "topics.txt"
    listed.write_text("# stories\nOld Mill bridge\n\n  Syria peace talks  \n", encoding="utf-8")
    assert load_topics(str(listed)) == ["Old Mill bridge", "Syria peace talks"]
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n\n", encoding="utf-8")
    with pytest.raises(TimelineBenchError, match="holds no topic"):
        load_topics(str(empty))


@pytest.mark.slow
def test_bench_times_the_real_command_and_counts_its_events(tmp_path, real_embedder, capsys):
    store_dir = tmp_path / "store"
    build_store(store_dir, real_embedder).close()
    topics = tmp_path / "topics.txt"
    topics.write_text(TOPIC + "\n", encoding="utf-8")

    assert main(["timeline", TOPIC, "--json", "--store", str(store_dir)]) == 0
    events = len(json.loads(capsys.readouterr().out)["events"])
    assert events > 0

    assert main(["bench", "timeline", "--store", str(store_dir), "--topics", str(topics), "--runs", "2"]) == 0
    out = capsys.readouterr()
    assert out.err.count("cold run") == 2
    header, row, total = out.out.strip().splitlines()
    assert header.split() == ["topic", "events", "cold", "p50", "cold", "max", "warm"]
    cells = row[len(TOPIC):].split()
    assert row.startswith(TOPIC) and int(cells[0]) == events
    p50, worst, warm = map(float, cells[1:])
    assert 0 < p50 <= worst and warm > 0
    assert total.startswith("all cold runs (2)")


def test_a_failing_run_is_one_line_naming_the_topic(tmp_path, capsys):
    code = main(["bench", "timeline", "--store", str(tmp_path / "nothing-here"), "--runs", "1", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert err.startswith("newsdesk bench timeline: `timeline 'Michael Flynn resignation'` exited with 2:")


def test_runs_below_one_are_a_usage_error(capsys):
    assert main(["bench", "timeline", "--runs", "0"]) == 2
    assert capsys.readouterr().err == "newsdesk bench timeline: --runs must be at least 1, got 0\n"
