"""A day named inside what a sentence says someone said is not the sentence's event day (issue 14).

The timeline labels read a sentence by its main clause ("He said … talks in Geneva due on February 20"
is the day he said it; `tests/fixtures/timeline_order/README.md`), so the event is the saying: its own
day when the sentence gives one, else its article's.
"""

from __future__ import annotations

from datetime import date

from index.article import ArticleRef
from qa.retrieval import Passage
from qa.timeline import EVENT, PUBLISHED, event_of

ABC = "http://abcnews.go.com/US/story?id=45"


def _event(sentence: str, published: str = "2017-02-13"):
    ref = ArticleRef("a1", "Pipeline protest leaders plan march", "ABC News", published, ABC)
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

