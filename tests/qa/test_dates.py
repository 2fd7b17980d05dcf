"""Date expressions in questions -> inclusive date ranges, relative to `as_of`."""

from __future__ import annotations

from datetime import date

import pytest

from qa.dates import find_date_range

AS_OF = date(2017, 4, 12)  # a Wednesday
D = date

CASES = [
    # absolute months and years
    ("What happened in February 2017?", AS_OF, D(2017, 2, 1), D(2017, 2, 28)),
    ("Feb 2017 news about Syria", AS_OF, D(2017, 2, 1), D(2017, 2, 28)),
    ("What did the BBC report during Sept. 2016?", AS_OF, D(2016, 9, 1), D(2016, 9, 30)),
    ("Who led the polls in 2016?", AS_OF, D(2016, 1, 1), D(2016, 12, 31)),
    ("February 2016 was a leap month", AS_OF, D(2016, 2, 1), D(2016, 2, 29)),
    ("Anything in early 2017?", AS_OF, D(2017, 1, 1), D(2017, 4, 30)),
    ("What happened in late 2016?", AS_OF, D(2016, 9, 1), D(2016, 12, 31)),
    # single days (searched with a short reporting window)
    ("What happened on 3 March 2017?", AS_OF, D(2017, 3, 3), D(2017, 3, 6)),
    ("What happened on March 3, 2017?", AS_OF, D(2017, 3, 3), D(2017, 3, 6)),
    ("Reports from the 5th of June 2016", AS_OF, D(2016, 6, 5), D(2016, 6, 8)),
    ("What was said on Dec. 5, 2016?", AS_OF, D(2016, 12, 5), D(2016, 12, 8)),
    ("What happened on 2017-03-03?", AS_OF, D(2017, 3, 3), D(2017, 3, 3)),
    ("What happened on April 10?", AS_OF, D(2017, 4, 10), D(2017, 4, 12)),  # window stops at as_of
    # ranges
    ("between January and March 2017", AS_OF, D(2017, 1, 1), D(2017, 3, 31)),
    ("from Jan to March", AS_OF, D(2017, 1, 1), D(2017, 3, 31)),
    ("from November to February", AS_OF, D(2016, 11, 1), D(2017, 2, 28)),
    ("from March 2016 to February 2017", AS_OF, D(2016, 3, 1), D(2017, 2, 28)),
    ("between 3 March and 10 March 2017", AS_OF, D(2017, 3, 3), D(2017, 3, 10)),
    ("between 2015 and 2016", AS_OF, D(2015, 1, 1), D(2016, 12, 31)),
    # open-ended
    ("since January 2017", AS_OF, D(2017, 1, 1), None),
    ("before March 2017", AS_OF, None, D(2017, 2, 28)),
    ("after 2016", AS_OF, D(2017, 1, 1), None),
    ("until 2016", AS_OF, None, D(2016, 12, 31)),
    ("by March 2017", AS_OF, None, D(2017, 3, 31)),
    ("since March 3, 2017", AS_OF, D(2017, 3, 3), None),
    # month without a year: the most recent such month not after as_of
    ("What happened in February?", AS_OF, D(2017, 2, 1), D(2017, 2, 28)),
    ("What happened in April?", AS_OF, D(2017, 4, 1), D(2017, 4, 30)),
    ("What happened in May?", AS_OF, D(2016, 5, 1), D(2016, 5, 31)),
    ("What happened in December?", D(2017, 1, 5), D(2016, 12, 1), D(2016, 12, 31)),
    ("What happened last March?", AS_OF, D(2017, 3, 1), D(2017, 3, 31)),
    ("What happened last April?", AS_OF, D(2016, 4, 1), D(2016, 4, 30)),
    # relative to as_of
    ("What happened yesterday?", AS_OF, D(2017, 4, 11), D(2017, 4, 12)),
    ("What happened today?", AS_OF, D(2017, 4, 12), D(2017, 4, 12)),
    ("What happened this week?", AS_OF, D(2017, 4, 6), D(2017, 4, 12)),  # the past seven days
    ("What happened last week?", AS_OF, D(2017, 4, 3), D(2017, 4, 9)),
    ("What happened last week?", D(2017, 4, 10), D(2017, 4, 3), D(2017, 4, 9)),  # as_of is a Monday
    ("What happened this week?", D(2017, 4, 10), D(2017, 4, 4), D(2017, 4, 10)),
    ("What happened last month?", AS_OF, D(2017, 3, 1), D(2017, 3, 31)),
    ("What happened last month?", D(2017, 1, 15), D(2016, 12, 1), D(2016, 12, 31)),  # January
    ("What happened last month?", D(2016, 3, 31), D(2016, 2, 1), D(2016, 2, 29)),  # leap February
    ("What happened this month?", AS_OF, D(2017, 4, 1), D(2017, 4, 12)),
    ("What happened last year?", AS_OF, D(2016, 1, 1), D(2016, 12, 31)),
    ("What happened this year?", AS_OF, D(2017, 1, 1), D(2017, 4, 12)),
    ("What has happened recently?", AS_OF, D(2017, 3, 29), D(2017, 4, 12)),
    ("in the past 10 days", AS_OF, D(2017, 4, 2), D(2017, 4, 12)),
    ("over the last 2 weeks", AS_OF, D(2017, 3, 29), D(2017, 4, 12)),
    ("in the past week", AS_OF, D(2017, 4, 5), D(2017, 4, 12)),
    ("in the past few days", AS_OF, D(2017, 4, 9), D(2017, 4, 12)),
    ("What happened on Monday?", AS_OF, D(2017, 4, 10), D(2017, 4, 11)),
    ("What happened last Wednesday?", AS_OF, D(2017, 4, 5), D(2017, 4, 6)),
    ("What happened on Wednesday?", AS_OF, D(2017, 4, 12), D(2017, 4, 12)),
]


@pytest.mark.parametrize("question, as_of, since, until", CASES)
def test_date_expressions(question, as_of, since, until):
    found = find_date_range(question, as_of)
    assert found is not None, question
    assert (found.since, found.until) == (since, until)
    assert found.phrase and found.phrase in question.lower()


@pytest.mark.parametrize("question", [
    "Who won the 2016 election?",            # a year as a name, not a filter
    "What is the May government planning?",  # May the person
    "What did Theresa May say after May's speech?",
    "What happened at Mar-a-Lago?",
    "10 may be dead after the storm",
    "Her album is coming July 29",            # a yearless day without a preposition: an event, not a filter
    "What did the ministry say about Syria?",
    "How many people march for science?",
    "What is the population of Turkey?",
])
def test_no_date_in_question(question):
    assert find_date_range(question, AS_OF) is None


def test_first_expression_wins():
    found = find_date_range("What happened in February 2017 and in March 2016?", AS_OF)
    assert (found.since, found.until) == (D(2017, 2, 1), D(2017, 2, 28))


def test_invalid_day_is_not_a_date():
    assert find_date_range("on 31 February 2017", AS_OF) is None
