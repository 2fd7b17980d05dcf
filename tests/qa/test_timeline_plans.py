"""A sentence whose subject is a scheduled event is placed on the day scheduled (issue 14).

The timeline labels place "A new round of talks is scheduled for February 20" on the 20th, as the
timeline reads "will … on Monday" (`tests/fixtures/timeline_order/README.md`); its present tense names a
plan, not a state as of publication.
"""

from __future__ import annotations

from datetime import date

from index.article import ArticleRef
from qa.retrieval import Passage
from qa.timeline import EVENT, PUBLISHED, event_of


def _event(sentence: str):
    ref = ArticleRef("a1", "Pipeline protest leaders plan march", "ABC News", "2017-02-13",
                     "http://abcnews.go.com/US/story?id=45")
    passage = Passage("a1#0", ref, sentence, 0, len(sentence), 1.0)
    return event_of(passage, sentence, {"pipeline", "protest"}, sentence)


def test_an_event_scheduled_in_the_present_is_placed_on_its_day():
    event = _event("The next pipeline protest march is scheduled for Feb. 20.")
    assert event is not None and event.day == date(2017, 2, 20) and event.date_kind == EVENT


def test_a_state_in_the_present_stays_on_the_publication_day():
    event = _event("The pipeline protest camp is still in danger after the Feb. 9 clearance.")
    assert event is not None and event.day == date(2017, 2, 13) and event.date_kind == PUBLISHED
