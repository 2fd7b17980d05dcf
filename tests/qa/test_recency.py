"""The recency prior: which questions get it, how it decays, and that it reorders a real store."""

from __future__ import annotations

from datetime import date

import pytest

from index.chunking import Chunker
from index.pipeline import Indexer
from qa.settings import Settings
from index.store import ArchiveStore
from qa.query import understand
from qa.recency import HALF_LIFE_DAYS, RECENCY_WEIGHT, is_current_events, recency_anchor, recency_bonus
from qa.retrieval import HybridRetriever
from qa.retrieval_config import parse_retriever

SPAN_WEEKS = ("2022-06-01", "2022-09-30")
SPAN_YEARS = ("2015-01-01", "2022-09-30")


def test_current_events_questions():
    assert is_current_events("Who won the election this week?", dates_from_question=False, span=SPAN_WEEKS)
    assert is_current_events("What is the latest inflation figure?", dates_from_question=False, span=SPAN_WEEKS)
    assert not is_current_events("Who won the election?", dates_from_question=False, span=SPAN_WEEKS)
    assert is_current_events("Who won the election?", dates_from_question=False, span=SPAN_YEARS)  # no date, years
    assert not is_current_events("Who won the latest election in March?", dates_from_question=True, span=SPAN_YEARS)
    assert not is_current_events("What is the latest news on the 2016 election?", dates_from_question=False,
                                 span=SPAN_YEARS)


def test_bonus_halves_every_half_life_and_ignores_undated_and_later():
    as_of = date(2022, 9, 9)
    assert recency_bonus("2022-09-09", as_of) == pytest.approx(RECENCY_WEIGHT)
    later = date.fromordinal(as_of.toordinal() - int(HALF_LIFE_DAYS)).isoformat()
    assert recency_bonus(later, as_of) == pytest.approx(RECENCY_WEIGHT / 2)
    assert recency_bonus(None, as_of) == 0.0 and recency_bonus("2022-09-10", as_of) == 0.0


def test_ages_count_from_the_archives_newest_day_when_as_of_is_later():
    span = ("2016-12-01", "2017-03-29")
    assert recency_anchor(date(2026, 12, 3), span) == date(2017, 3, 29)  # "the latest", asked today
    assert recency_anchor(date(2017, 2, 1), span) == date(2017, 2, 1)  # as of a day inside the archive
    assert recency_anchor(date(2026, 12, 3), (None, None)) == date(2026, 12, 3)
    assert recency_anchor(date(2026, 12, 3), ("x", "not a date")) == date(2026, 12, 3)


def _three_coaches(tmp_path, fake_embedder, as_of: date = date(2022, 9, 9)):
    """A store with two old reports (the better word matches) and this week's, and the question."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, day, body in (
            ("spring.txt", "2022-04-01", "The Portvale club named Ana Ruiz as the latest coach of the club."),
            ("summer.txt", "2022-06-03", "The Portvale club named Leo Sand as its coach."),
            ("new.txt", "2022-09-08", "Ben Ode is the Portvale coach after a change.")):
        (docs / name).write_text(f"Portvale club and coach\nDate: {day}\n\n{body}\n", encoding="utf-8")
    store = ArchiveStore(tmp_path / "store")
    s = Settings()
    Indexer(store, fake_embedder, Chunker(fake_embedder.tokenize, s.chunk_tokens, s.chunk_overlap),
            quiet=True).ingest([docs])
    query = understand("Who is the latest coach of the Portvale club?", outlets=list(store.outlets()),
                       as_of=as_of, k=3)
    return store, query


def _days(store, fake_embedder, query, spec):
    return [p.published for p in HybridRetriever(store, fake_embedder, config=parse_retriever(spec)).retrieve(query)]


def test_recency_prior_lifts_this_weeks_report_but_keeps_the_fused_first(tmp_path, fake_embedder):
    store, query = _three_coaches(tmp_path, fake_embedder)
    plain = _days(store, fake_embedder, query, "newsdesk-recency")
    assert plain[2] == "2022-09-08"  # this week's report is the weakest word match
    recent = _days(store, fake_embedder, query, "newsdesk+recency=7x4")
    assert recent[0] == plain[0]  # the fused first passage stays (RECENCY_KEEPS_FIRST)
    assert recent[1] == "2022-09-08"
    assert _days(store, fake_embedder, query, "newsdesk+recency=7x0.01") == plain  # a tiny prior moves nothing


def test_the_latest_in_an_old_archive_asked_today_is_its_newest_report(tmp_path, fake_embedder):
    store, query = _three_coaches(tmp_path, fake_embedder, as_of=date(2026, 12, 3))
    assert _days(store, fake_embedder, query, "newsdesk+recency=7x4")[1] == "2022-09-08"


def test_half_life_and_size_are_switches():
    as_of = date(2022, 9, 9)
    assert recency_bonus("2022-08-26", as_of, half_life_days=14, weight=2.0) == pytest.approx(1.0)
    config = parse_retriever("newsdesk+recency=14x2")
    assert (config.recency, config.recency_half_life_days, config.recency_votes) == (True, 14.0, 2.0)
    days_only = parse_retriever("rrf+recency=30")
    assert (days_only.recency, days_only.recency_half_life_days, days_only.recency_votes) == (True, 30.0, 2.0)
    product = parse_retriever("newsdesk")
    assert (product.recency, product.recency_half_life_days, product.recency_votes) == (True, 3.5, 2.0)
    assert not parse_retriever("rrf").recency and not parse_retriever("keyword").recency
    assert not parse_retriever("newsdesk-recency").recency
    with pytest.raises(ValueError):
        parse_retriever("newsdesk+recency=0")
