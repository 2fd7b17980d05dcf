"""Months and weeks named in article text place an event at the period's start (qa/period_dates.py)."""

from __future__ import annotations

from datetime import date

import pytest

from qa.relative_dates import event_date

THURSDAY = date(2017, 2, 9)  # Thursday 9 February 2017: the Berlin deportation article's day


@pytest.mark.parametrize("text, first, precision", [
    # The README's misplacement: placed on 9 Feb (its publication day) although it recalls December.
    ("In December of last year, Tunisian migrant Anis Amri drove a truck into a crowded Christmas market.",
     date(2016, 12, 1), "month"),
    ("It includes the deadly truck assault at a Berlin Christmas market in December 2016.", date(2016, 12, 1), "month"),
    ("The attack last December killed 12.", date(2016, 12, 1), "month"),
    ("Sales rose in March.", date(2016, 3, 1), "month"),  # a later month of the year is last year's
    ("Flynn was fired last month after he misled the White House.", date(2017, 1, 1), "month"),
    ("Flynn resigned from his post earlier this week.", date(2017, 2, 6), "week"),
    ("The strikes began last week.", date(2017, 1, 30), "week"),
])
def test_a_month_or_week_places_the_event_at_its_first_day(text, first, precision):
    found = event_date(text, THURSDAY)
    assert found is not None and (found.day, found.precision) == (first, precision)
    assert text[found.start:found.end] == found.phrase


def test_a_day_in_the_same_sentence_wins_over_a_month():
    found = event_date("In December, on Feb. 2, the court ruled.", THURSDAY)
    assert found.day == date(2017, 2, 2) and found.precision == "day"


@pytest.mark.parametrize("text", [
    # a coming month names a plan, not the sentence's event
    "Merkel faced pressure ahead of the national election in September.",
    # a relative clause is background about someone
    "The White House remains under fire over Flynn, who was seen in Moscow in December 2015 beside Putin.",
    # the news is a state as of publication (present first verb): the day named is background
    "North Korea has not confirmed that the person killed on 13 February was Kim Jong-nam.",
    "Merkel has been facing pressure in light of a truck attack on a Berlin Christmas market in December.",
])
def test_background_periods_and_states_do_not_date_the_sentence(text):
    assert event_date(text, THURSDAY) is None


def test_a_clause_closed_by_a_dash_no_longer_holds_the_period():
    text = "Judge Robart -- the judge who halted the ban -- denied a request earlier this week."
    assert event_date(text, THURSDAY).day == date(2017, 2, 6)


def test_an_undated_article_gets_only_months_with_their_year():
    assert event_date("in December", None) is None
    assert event_date("in December 2016", None).day == date(2016, 12, 1)
