"""Days for event sentences that do not name their own (issue 14, second round).

Unit checks of each rule (a sentence cut by a chunk boundary, the day an article was
filed, a day carried by the narration, the story's first report of a recalled event),
then the fixture story `tests/fixtures/timeline_recall` through a real on-disk store.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from index.article import ArticleRef
from qa.filing_date import filing_day
from qa.first_reported import EventKey, earliest_mention, event_keys, mentions_in
from qa.inherited_dates import inherited_date, narrates_the_past
from qa.evidence import claim_spans
from qa.retrieval import Passage
from qa.timeline import EVENT, build_timeline, event_of
from tests.qa.test_timeline import build_store

RECALL = Path(__file__).resolve().parents[1] / "fixtures" / "timeline_recall"


def _passage(body: str, start: int, end: int, published: str = "2017-02-28", url: str | None = None) -> Passage:
    ref = ArticleRef("a1", "Congressional probes", "ABC News", published, url)
    return Passage("a1#0", ref, body[start:end], start, end, 1.0)


def test_a_sentence_cut_by_a_chunk_boundary_is_read_whole_with_its_day():
    body = ("Republicans asked the inspector general to look at the leaks. \"We have serious concerns,\" "
            "they wrote to the inspector general on Feb. 15, two days after Flynn resigned. Chaffetz agreed.")
    cut = body.index("15, two days")
    passage = _passage(body, cut, len(body))
    words = {"flynn", "resign"}
    alone = event_of(passage, passage.text, words)
    whole = event_of(passage, passage.text, words, body)
    assert alone is not None and alone.day == date(2017, 2, 28) and alone.text.startswith("15, two days")
    assert whole is not None and whole.day == date(2017, 2, 15) and whole.date_kind == EVENT
    assert whole.citation.quote == body[whole.citation.quote_start:whole.citation.quote_end]
    assert whole.citation.quote in whole.citation.passage  # the passage shown is widened to the sentence


def test_the_filing_day_in_the_address_is_believed_only_just_before_publication():
    published = date(2017, 3, 1)
    assert filing_day(published, "http://www.cnn.com/2017/02/28/politics/x/index.html") == date(2017, 2, 28)
    assert filing_day(published, "http://www.cnn.com/2016/02/28/politics/x/index.html") == published  # a year off
    assert filing_day(published, "http://www.cnn.com/2017/03/02/x/") == published  # after publication
    assert filing_day(published, "http://abcnews.go.com/Politics/story?id=45") == published
    assert filing_day(None, "http://www.cnn.com/2017/02/28/x/") is None


def test_earlier_this_month_is_read_against_the_filing_day():
    body = "A federal court issued a temporary stay that halted the travel ban earlier this month."
    passage = _passage(body, 0, len(body), "2017-03-01", "http://www.cnn.com/2017/02/28/politics/ban/index.html")
    event = event_of(passage, body, {"travel", "ban"}, body)
    assert event is not None and event.day == date(2017, 2, 1) and event.date_precision == "month"


def test_a_day_carries_over_undated_past_narration_in_one_paragraph_only():
    body = ("On Tuesday evening, the court heard oral arguments. The hearing allowed each side 30 minutes. "
            "After listening to both sides, the three judges withdrew.\n\nThe judges ruled against the ban.")
    spans = claim_spans(body)
    published = date(2017, 2, 10)  # a Friday: Tuesday is 7 February
    carried = inherited_date(body, spans, 2, published)
    assert carried is not None and carried.day == date(2017, 2, 7) and carried.phrase == "On Tuesday"
    assert inherited_date(body, spans, 3, published) is None  # a paragraph break ends the narration


def test_a_present_tense_or_quoted_sentence_does_not_take_the_day_before():
    body = "Trump spoke on Tuesday. He says the judges are political. \"We will win,\" he said."
    spans = claim_spans(body)
    assert not narrates_the_past(body[spans[1][0]:spans[1][1]])
    assert inherited_date(body, spans, 1, date(2017, 2, 10)) is None
    assert inherited_date(body, spans, 2, date(2017, 2, 10)) is None


def test_three_sentences_back_is_too_far():
    body = "On Monday the board met. It voted. It adjourned. It left."
    spans = claim_spans(body)
    assert inherited_date(body, spans, 2, date(2017, 2, 10)) is not None
    assert inherited_date(body, spans, 3, date(2017, 2, 10)) is None


def test_event_keys_name_and_verb_not_saying_and_only_past_for_reports():
    assert event_keys("Flynn subsequently resigned from his post.", past_only=True) == {EventKey("flynn", "resign")}
    assert EventKey("flynn", "resign") in event_keys("Flynn was asked to resign.", past_only=True)
    assert event_keys("Flynn resigns a few hours later.", past_only=True) == set()  # not a report in the past
    assert event_keys("Flynn resigns a few hours later.", past_only=False) == {EventKey("flynn", "resign")}
    assert event_keys("Flynn said he was sorry.", past_only=True) == set()  # saying is no event key
    assert event_keys("In February the dam failed.", past_only=True) == set()  # a month is no name


def test_the_earliest_mention_of_an_event_is_found_across_articles():
    first = mentions_in("Flynn resigned late on Monday. Pence was angry.", "a", "BBC", date(2017, 2, 14))
    later = mentions_in("Flynn resigned after 23 days.", "b", "CNN", date(2017, 3, 2))
    month = mentions_in("Flynn resigned in February.", "c", "RTE", date(2017, 3, 3))
    assert [m.day for m in first] == [date(2017, 2, 13)] and month == []  # a month gives no day
    found = earliest_mention({EventKey("flynn", "resign")}, later + first)
    assert found is not None and found.day == date(2017, 2, 13) and found.source == "BBC"
    assert earliest_mention({EventKey("pence", "resign")}, later + first) is None


def test_the_recalled_story_over_a_real_store(tmp_path, fake_embedder):
    store = build_store(tmp_path / "store", fake_embedder, [RECALL])
    timeline = build_timeline(store, fake_embedder, "harbour dredging contract", as_of=date(2017, 5, 1))
    got = {e.citation.ref.title: e for e in timeline.events}
    recalled = got["Port board names interim harbour master"]
    assert recalled.day == date(2017, 3, 13) and recalled.date_kind == EVENT  # first reported: "late on Monday"
    assert "first reported 2017-03-13 (Coast Courier)" in (recalled.date_phrase or "")
    judges = got["Court hears dredging contract appeal"]
    assert judges.text.startswith("After listening") and judges.day == date(2017, 3, 14)  # "On Tuesday evening"
    rejected = got["Dredging contract appeal fails"]
    assert rejected.day == date(2017, 3, 1) and rejected.date_precision == "month"  # filed 31 March
    assert got["Harbour master Lund resigns over dredging contract"].day == date(2017, 3, 13)
    order = [e.citation.ref.title for e in timeline.events if e.citation.ref.title in got]
    assert order.index("Dredging contract appeal fails") < order.index("Court hears dredging contract appeal")


def test_a_month_takes_the_story_s_only_day_named_in_it(tmp_path, fake_embedder):
    # "in March" beside one event dated 13 March (the story's only day named in March) is that day.
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "05-month.txt").write_text(
        "Dredging contract scandal recalled\nDate: 2017-04-20\nSource: Coast Courier\n\n"
        "In March, the harbour master quit over the dredging contract.\n", encoding="utf-8")
    store = build_store(tmp_path / "store", fake_embedder, [RECALL / "01-resignation.txt", extra])
    timeline = build_timeline(store, fake_embedder, "harbour dredging contract", as_of=date(2017, 5, 1))
    got = {e.citation.ref.title: e for e in timeline.events}
    month = got["Dredging contract scandal recalled"]
    assert month.day == date(2017, 3, 13) and month.date_precision == "day" and "In March" in month.date_phrase


def test_earlier_this_week_is_not_narrowed_to_its_article_s_own_day(tmp_path, fake_embedder):
    # Travel-ban timeline: "denied a request … earlier this week" (Thursday's article) went to that Thursday,
    # the story's only day named that week; a period recalled in the past ended before its article.
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "05-week.txt").write_text(
        "Harbour court refuses delay\nDate: 2017-03-16\nSource: Coast Courier\n\n"
        "The harbour court denied a request to delay the dredging contract case earlier this week.\n", encoding="utf-8")
    (extra / "06-thursday.txt").write_text(
        "Dredging firm appeals\nDate: 2017-03-17\nSource: Valley Times\n\n"
        "The dredging firm appealed the harbour contract ruling on Thursday.\n", encoding="utf-8")
    store = build_store(tmp_path / "store", fake_embedder, [extra])
    timeline = build_timeline(store, fake_embedder, "harbour dredging contract", as_of=date(2017, 5, 1))
    got = {e.citation.ref.title: e for e in timeline.events}
    assert got["Dredging firm appeals"].day == date(2017, 3, 16)
    week = got["Harbour court refuses delay"]
    assert week.day == date(2017, 3, 13) and week.date_precision == "week"  # Monday of that week, not Thursday
