"""A timeline event's day is its main clause's (issue 14, round 4).

The timeline labels read a sentence by its main clause (`tests/fixtures/timeline_order/README.md`): "He said
… talks in Geneva due on February 20" is the day he said it — its own day when the sentence gives one, else
its article's — while "A new round of talks is scheduled for February 20", whose subject is the scheduled
event, is placed on the 20th, as "will … on Monday" is read forward.
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


def test_a_planned_day_inside_what_was_said_is_the_saying_s_article_day():
    event = _event("Pipeline protest leaders said the next march would be held on Feb. 20.")
    assert event is not None and event.day == date(2017, 2, 13) and event.date_kind == PUBLISHED


def test_the_saying_s_own_day_places_it():
    event = _event("Pipeline protest leaders said on Saturday that the next march would be held on Feb. 20.")
    assert event is not None and event.day == date(2017, 2, 11) and event.date_kind == EVENT


def test_a_day_in_the_main_clause_stays_the_event_s():
    event = _event("Police cleared the pipeline protest camp on Feb. 9, protest leaders said.")
    assert event is not None and event.day == date(2017, 2, 9) and event.date_kind == EVENT


def test_an_event_scheduled_in_the_present_is_placed_on_its_day():
    event = _event("The next pipeline protest march is scheduled for Feb. 20.")
    assert event is not None and event.day == date(2017, 2, 20) and event.date_kind == EVENT


def test_a_state_in_the_present_stays_on_the_publication_day():
    event = _event("The pipeline protest camp is still in danger after the Feb. 9 clearance.")
    assert event is not None and event.day == date(2017, 2, 13) and event.date_kind == PUBLISHED
