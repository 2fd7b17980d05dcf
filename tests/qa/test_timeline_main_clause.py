"""A timeline event's day is its main clause's (issue 14, round 4).

The timeline labels read a sentence by its main clause (`tests/fixtures/timeline_order/README.md`): "He said
… talks in Geneva due on February 20" is the day he said it — its own day when the sentence gives one, else
its article's — while "A new round of talks is scheduled for February 20", whose subject is the scheduled
event, is placed on the 20th, as "will … on Monday" is read forward.
"""

from __future__ import annotations

from datetime import date

import pytest

from index.article import ArticleRef
from qa.retrieval import Passage
from qa.timeline import EVENT, PUBLISHED, event_of


def _event(sentence: str):
    ref = ArticleRef("a1", "Pipeline protest leaders plan march", "ABC News", "2017-02-13",
                     "http://abcnews.go.com/US/story?id=45")
    passage = Passage("a1#0", ref, sentence, 0, len(sentence), 1.0)
    return event_of(passage, sentence, {"pipeline", "protest"}, sentence)


@pytest.mark.parametrize("sentence, day, kind", [
    # a day inside what was said: the saying's article day
    ("Pipeline protest leaders said the next march would be held on Feb. 20.", date(2017, 2, 13), PUBLISHED),
    # the saying's own day places it
    ("Pipeline protest leaders said on Saturday that the next march would be held on Feb. 20.",
     date(2017, 2, 11), EVENT),
    # a day in the main clause stays the event's
    ("Police cleared the pipeline protest camp on Feb. 9, protest leaders said.", date(2017, 2, 9), EVENT),
    # an event scheduled in the present is placed on its day
    ("The next pipeline protest march is scheduled for Feb. 20.", date(2017, 2, 20), EVENT),
    # a state in the present stays on the publication day
    ("The pipeline protest camp is still in danger after the Feb. 9 clearance.", date(2017, 2, 13), PUBLISHED),
])
def test_the_main_clause_gives_the_day(sentence, day, kind):
    event = _event(sentence)
    assert event is not None and (event.day, event.date_kind) == (day, kind)
