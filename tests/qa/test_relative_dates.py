"""Days named in article text, read against the publication date (qa/relative_dates.py)."""

from __future__ import annotations

from datetime import date

import pytest

from qa.relative_dates import dates_in_text, event_date, yearless_days

FRIDAY = date(2015, 10, 2)  # Friday 2 October 2015, the shared sample's day


@pytest.mark.parametrize("text, expected", [
    ("Lavrov said on Tuesday that the strikes hit ISIL.", date(2015, 9, 29)),
    ("Tuesday's strikes hit Homs.", date(2015, 9, 29)),
    ("The ministry said on Friday that", FRIDAY),  # the day of publication itself
    ("He spoke last Friday.", date(2015, 9, 25)),
    ("The talks will resume on Monday.", date(2015, 10, 5)),  # future context reads forward
    ("They meet next Friday.", date(2015, 10, 9)),
    ("Yesterday the coalition demanded a halt.", date(2015, 10, 1)),
    ("Russia continued air strikes for a third day on Oct. 2.", date(2015, 10, 2)),
    ("Kerry met Sinirlioğlu on 1 October.", date(2015, 10, 1)),
    ("The war began on March 15, 2011.", date(2011, 3, 15)),
    ("He was arrested on Dec. 28.", date(2014, 12, 28)),  # a yearless day far ahead is last year's
])
def test_days_are_read_against_the_publication_date(text, expected):
    found = event_date(text, FRIDAY)
    assert found is not None and found.day == expected
    assert text[found.start:found.end] == found.phrase


def test_a_january_article_reads_december_as_last_year():
    assert event_date("The attack on Dec. 19 killed 12.", date(2017, 1, 10)).day == date(2016, 12, 19)


@pytest.mark.parametrize("text", [
    "The strikes began recently.",  # too vague even for a period
    "Theresa May said the strikes were wrong.",  # a month's name that is a name
    "She may be right, and 10 may be too many.",
    "The monday meeting",  # lower case: not a date in edited text
])
def test_vague_or_no_days_give_nothing(text):
    assert event_date(text, FRIDAY) is None


def test_an_undated_article_gets_only_days_with_their_year():
    assert event_date("on Tuesday", None) is None
    assert event_date("on Oct. 1", None) is None
    found = event_date("on Oct. 1, 2015", None)
    assert found is not None and found.day == date(2015, 10, 1) and not found.relative


def test_several_days_come_in_text_order():
    days = dates_in_text("Talks on Oct. 1 were followed by strikes on Tuesday.", FRIDAY)
    assert [d.day for d in days] == [date(2015, 10, 1), date(2015, 9, 29)]


def test_a_quotation_s_present_tense_does_not_make_the_sentence_a_state():
    # Flynn timeline: the letter of 15 Feb was placed on the article's day, 28 Feb, because of "have".
    text = '"We have serious concerns," they wrote to the inspector general on Feb. 15, two days after Flynn resigned.'
    found = event_date(text, date(2017, 2, 28))
    assert found is not None and found.day == date(2017, 2, 15)
    assert event_date("North Korea has not confirmed that the man killed on 13 February was Kim.",
                      date(2017, 2, 28)) is None  # outside a quotation the present still makes it a state


def test_single_quoted_words_are_a_quotation_too():
    # Kim Jong-nam timeline (Al Jazeera, 28 Feb): a linked headline glued to the sentence put its quoted
    # 'are spies' first, so the sentence read as a state and "said on Saturday" was dropped.
    text = ("READ MORE: Kim Jong-nam death - Four N Korean suspects 'are spies' Indonesia's deputy ambassador "
            "to Malaysia, Andriano Erwin, said on Saturday that Aisyah said she was paid $90.")
    found = event_date(text, date(2017, 2, 28))
    assert found is not None and found.day == date(2017, 2, 25)
    # an apostrophe of a plural possessive opens no quotation: the present "has" still makes a state
    assert event_date("The judges' panel has heard that the officers' cars left on Saturday.",
                      date(2017, 2, 28)) is None


def test_month_days_reads_calendar_dates_with_or_without_a_year():
    from qa.relative_dates import month_days
    assert month_days("on Oct. 2 and on 5 November 2016, not on Tuesday") == {(10, 2), (11, 5)}
    assert month_days("no date here, 2017 only") == set()


def test_yearless_days_are_the_dates_written_without_a_year():
    text = "Russia struck on Oct. 2, after talks on 1 October 2015 and a call on September 30."
    assert yearless_days(text) == [(10, 2, "Oct. 2"), (9, 30, "September 30")]


@pytest.mark.parametrize("text", [
    "He said the talks in Geneva were due on February 20.",  # the labels' own example: the saying's day
    "The Post reported that they met in September.",
    "The United Nations said the talks would resume on Feb. 23.",  # "United" is a name, not a verb
    "Asked about the raid, Spicer said it began on Jan. 28.",
])
def test_a_day_inside_what_was_said_is_not_the_sentence_s_day(text):
    assert event_date(text, FRIDAY) is not None  # read as before without main_clause
    assert event_date(text, FRIDAY, main_clause=True) is None


@pytest.mark.parametrize("text, expected", [
    ("Lavrov said on Tuesday that the strikes hit ISIL.", date(2015, 9, 29)),  # the saying's own day
    ("Officials said in a statement on Thursday that the raid killed 14.", date(2015, 10, 1)),
    ("He said Tuesday the vote would be held on Oct. 20.", date(2015, 9, 29)),
    ("Spicer told reporters on Monday that Flynn had resigned.", date(2015, 9, 28)),
    ("The ministry announced the plan on Monday.", date(2015, 9, 28)),  # a plain object, no clause
    ("Russia struck Homs on Tuesday, officials said.", date(2015, 9, 29)),  # the first verb is the strike
])
def test_the_saying_s_own_day_and_other_main_clauses_keep_their_day(text, expected):
    found = event_date(text, FRIDAY, main_clause=True)
    assert found is not None and found.day == expected


def test_a_verb_with_a_plain_object_needs_that_to_say_something():
    # travel-ban timeline: "denied a request to delay the case earlier this week" is the denial's own week
    text = "The court denied a request to delay the case earlier this week."
    assert event_date(text, FRIDAY, main_clause=True) == event_date(text, FRIDAY)
    assert event_date("The court denied that it met on Oct. 1.", FRIDAY, main_clause=True) is None


@pytest.mark.parametrize("text, expected", [
    ("A new round of talks is scheduled for Oct. 20.", date(2015, 10, 20)),  # the labels' own example
    ("The vote is expected on Tuesday.", date(2015, 10, 6)),
    ("The talks are due to resume on Oct. 23.", date(2015, 10, 23)),
])
def test_a_present_naming_a_plan_gives_the_scheduled_day(text, expected):
    found = event_date(text, FRIDAY)
    assert found is not None and found.day == expected


def test_a_present_state_still_names_no_event_day():
    assert event_date("The dam is still in danger after the Oct. 1 evacuation.", FRIDAY) is None
