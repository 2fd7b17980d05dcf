"""A sentence with no day of its own is placed on the day its article was written (issue 14, round 3).

The archive dates many pieces a day after they were written (its feed's day); when the address
carries the writing day (`/2017/02/12/`), past narration with no day happened by then.
"""

from __future__ import annotations

from datetime import date

from index.article import ArticleRef
from qa.retrieval import Passage
from qa.timeline import PUBLISHED, event_of

HUFFPOST = "http://www.huffingtonpost.com/2017/02/12/donald-trump-west-palm-beach-protest_n_1.html"


def _event(sentence: str, url: str | None, published: str = "2017-02-13"):
    ref = ArticleRef("a1", "Protesters line Trump's motorcade route", "HuffPost", published, url)
    passage = Passage("a1#0", ref, sentence, 0, len(sentence), 1.0)
    return event_of(passage, sentence, {"pipeline", "protest"}, sentence)


def test_past_narration_with_no_day_takes_the_writing_day_from_the_address():
    # Dakota Access timeline: filed 12 Feb, dated 13 Feb by the archive; the photo was taken on the 12th.
    event = _event("Pipeline protesters even took a photo of them and shared it on a page set up for the "
                   "protest.", HUFFPOST)
    assert event is not None and event.day == date(2017, 2, 12) and event.date_kind == PUBLISHED
    assert "2017-02-12" in (event.date_phrase or "")


def test_a_state_in_the_present_stays_on_the_publication_day():
    # "have evacuated" is news as of publication (Oroville, CNN, filed the evening before): not moved.
    event = _event("Pipeline protesters have gathered outside the hotel, protest organisers say.", HUFFPOST)
    assert event is not None and event.day == date(2017, 2, 13) and event.date_phrase is None


def test_without_a_day_in_the_address_the_publication_day_stays():
    event = _event("Pipeline protesters even took a photo of them at the protest.",
                   "http://abcnews.go.com/US/story?id=45")
    assert event is not None and event.day == date(2017, 2, 13) and event.date_phrase is None
