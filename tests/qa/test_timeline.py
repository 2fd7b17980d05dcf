"""Timelines and who-said-what over a real on-disk store of the fixture story (tests/fixtures/timeline).

The fake embedder keeps these fast; tests/qa/test_e2e_timeline.py repeats them with the real MiniLM.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from index.chunking import Chunker
from index.pipeline import Indexer
from index.store import ArchiveStore
from qa.query import QuestionError
from qa.quotes import SPEAKER, TOPIC, find_quotes
from qa.timeline import EVENT, build_timeline

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "timeline"
# The story's events by reading the articles: (day, outlet, first words of the event sentence).
EXPECTED = [
    (date(2017, 2, 20), "Valley Times", "Engineers found cracks"),  # "on Feb. 20" in an article of 6 March
    (date(2017, 2, 28), "Riverside Gazette", "The town council voted on Tuesday"),  # Tuesday before Fri 3 March
    (date(2017, 3, 13), "Northern Wire", "Repair crews will begin work"),  # "will … on Monday" after Wed 8 March
    (date(2017, 3, 16), "Riverside Gazette", "A temporary walkway"),  # "yesterday" in an article of 17 March
]


def build_store(store_dir: Path, embedder, extra: list[Path] = ()) -> ArchiveStore:
    store = ArchiveStore(store_dir)
    Indexer(store, embedder, Chunker(embedder.tokenize, chunk_tokens=200, overlap=24), quiet=True).ingest(
        [FIXTURES, *extra])
    return store


@pytest.fixture
def store(tmp_path, fake_embedder):
    return build_store(tmp_path / "store", fake_embedder)


def check_story(timeline) -> None:
    got = [(e.day, e.citation.ref.source, e.text) for e in timeline.events]
    wire = timeline.events[2]
    # The syndicated copies are one event: either copy may be the best-ranked, the other is listed.
    assert {wire.citation.ref.source, *(r.source for r in wire.also_in)} == {"Northern Wire", "Valley Times"}
    assert len(wire.also_in) == 1
    got[2] = (got[2][0], "Northern Wire", got[2][2])
    assert [(d, s) for d, s, _ in got] == [(d, s) for d, s, _ in EXPECTED], got
    assert all(text.startswith(words) for (_, _, text), (_, _, words) in zip(got, EXPECTED))
    assert all(e.date_kind == EVENT for e in timeline.events)
    assert [e.citation.ref.title for e in timeline.undated] == ["The long life of the Old Mill bridge"]
    assert all(e.day is None for e in timeline.undated)  # "On Tuesday" with no publication date: not placed
    for e in timeline.events:
        assert e.citation.quote in e.citation.passage


def test_the_story_in_date_order_with_event_days_copies_and_undated_apart(store, fake_embedder):
    timeline = build_timeline(store, fake_embedder, "Old Mill bridge", as_of=date(2017, 4, 1))
    check_story(timeline)
    assert "storm" not in " ".join(e.text for e in timeline.events).lower()  # off-topic article left out


def test_since_and_until_bound_the_event_days(store, fake_embedder):
    timeline = build_timeline(store, fake_embedder, "Old Mill bridge", since="2017-03-01", until="2017-03-14",
                              as_of=date(2017, 4, 1))
    assert [e.day for e in timeline.events] == [date(2017, 3, 13)]
    with pytest.raises(QuestionError, match="impossible date range"):
        build_timeline(store, fake_embedder, "Old Mill bridge", since="2017-03-10", until="2017-03-01")


def test_source_filter(store, fake_embedder):
    timeline = build_timeline(store, fake_embedder, "Old Mill bridge", sources=["Riverside Gazette"],
                              as_of=date(2017, 4, 1))
    assert {e.citation.ref.source for e in (*timeline.events, *timeline.undated)} == {"Riverside Gazette"}


def test_json_contract(store, fake_embedder):
    data = build_timeline(store, fake_embedder, "Old Mill bridge", as_of=date(2017, 4, 1)).to_json()
    assert {"topic", "events", "undated"} <= set(data)
    event = data["events"][0]
    assert {"date", "date_kind", "text", "citation", "also_in"} <= set(event)
    assert {"article_id", "title", "source", "published", "url", "quote", "passage"} <= set(event["citation"])
    assert "date" not in data["undated"][0] and data["undated"][0]["citation"]["published"] is None
    assert [e["date"] for e in data["events"]] == sorted(e["date"] for e in data["events"])


def test_quotes_by_speaker_across_titles_and_accents(store):
    found = find_quotes(store, "keane")
    assert found.mode == SPEAKER
    assert [(s.speaker, s.kind) for s in found.statements] == [("Maria Keane", "reported"), ("Maria Keane", "quote")]
    assert found.statements[1].text == "The cracks were wider than anything we had measured before"
    body = store.article(found.statements[1].ref.article_id).body
    assert body[found.statements[1].quote_start:found.statements[1].quote_end] == found.statements[1].text
    assert [s.speaker for s in find_quotes(store, "council leader Tom Brady").statements] == ["Tom Brady"]


def test_quotes_about_a_topic_name_their_speakers(store):
    found = find_quotes(store, "corrosion inspection report")
    assert found.mode == TOPIC
    assert [(s.speaker_as_written, s.text[:20]) for s in found.statements] == [
        ("the inspection report", "corrosion had eaten ")]
