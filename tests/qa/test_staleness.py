"""Answers about "this week" that rest on older news are flagged, never withheld."""

from __future__ import annotations

from datetime import date

import pytest

from index.article import ArticleRef
from qa.citations import Citation
from qa.staleness import stale_concern, window_days

AS_OF = date(2022, 7, 15)
SPAN = ("2020-01-01", "2022-09-30")


def cite(published: str | None) -> Citation:
    ref = ArticleRef("a", "Headline", "CNN", published, "http://x")
    return Citation(1, ref, "Passage.", 0, "Passage.", 0, 8, True)


@pytest.mark.parametrize("question, days", [
    ("Which tennis star pulled out of Wimbledon this week?", 7),
    ("What did the Fed announce today?", 7),
    ("Who resigned last week?", 14),
    ("What happened this month?", 31),
    ("Who won the election this week in 2016?", None),  # a year names its own time
    ("Which city hosted the summit?", None),
    ("What did the latest poll show?", None),  # not a window: "latest" may be months old in an archive
])
def test_the_window_the_question_names(question, days):
    assert window_days(question) == days


def test_only_reports_older_than_the_window_make_an_answer_stale():
    q = "Which tennis star pulled out of Wimbledon this week?"
    assert stale_concern(q, [cite("2022-07-10")], AS_OF, SPAN) is None  # five days before
    assert stale_concern(q, [cite("2021-07-02"), cite("2022-07-11")], AS_OF, SPAN) is None  # the newest counts
    concern = stale_concern(q, [cite("2021-07-02")], AS_OF, SPAN)
    assert concern and "2021-07-02" in concern and "378 days before 2022-07-15" in concern
    assert stale_concern(q, [cite("2021-07-02"), cite(None)], AS_OF, SPAN) is None  # undated: could be any week
    assert stale_concern("Who won Wimbledon?", [cite("2021-07-02")], AS_OF, SPAN) is None


def test_ages_count_from_the_archives_newest_day_when_as_of_is_later():
    # Asked today of an archive that ends in April 2017: "this week" means its last week.
    span = ("2017-02-17", "2017-04-10")
    q = "What did the Fed do to interest rates this week?"
    assert stale_concern(q, [cite("2017-04-05")], date(2026, 12, 3), span) is None
    assert stale_concern(q, [cite("2017-03-15")], date(2026, 12, 3), span)
