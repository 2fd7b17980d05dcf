"""`newsdesk ingest PATH --source NAME --date D --author A`: metadata for files that lack it, the headlines
in the summary, and a bad date as one clear line (exit 2, nothing read)."""

from __future__ import annotations

import json

import pytest

from qa.settings import Settings
from ui.cli import main


@pytest.fixture
def home(tmp_path, monkeypatch):
    models = Settings().models  # before NEWSDESK_HOME moves it
    monkeypatch.setenv("NEWSDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NEWSDESK_MODELS_DIR", str(models))
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "talks.txt").write_text("Sinirlioğlu holds talks in Moscow\n\nTurkey's foreign ministry undersecretary "
                                    "held talks with Russian officials in Moscow on Oct. 1.", encoding="utf-8")
    return docs


def test_a_bad_date_is_one_line_and_reads_nothing(home, capsys, tmp_path):
    code = main(["ingest", str(home), "--date", "03/10/2015", "--quiet"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1
    assert "03/10/2015" in err and "2015-10-03" in err and "--date" in err
    assert not (tmp_path / "home" / "store").exists()


@pytest.mark.slow
def test_ingest_with_metadata_then_stats(home, capsys):
    code = main(["ingest", str(home), "--source", "Hürriyet Daily News", "--date", "2015-10-03",
                 "--author", "Staff", "--quiet"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "added: Sinirlioğlu holds talks in Moscow" in out
    main(["stats", "--json"])
    stats = json.loads(capsys.readouterr().out)
    assert stats["sources"] == {"Hürriyet Daily News": 1} and stats["unattributed"] == 0
    assert stats["first_date"] == "2015-10-03"
    main(["articles", "--json"])
    (row,) = json.loads(capsys.readouterr().out)
    assert row["source"] == "Hürriyet Daily News" and row["published"] == "2015-10-03"
