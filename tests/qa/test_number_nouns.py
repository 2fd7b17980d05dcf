"""A count and the thing it counts (qa/number_nouns.py): a claim's count moved to another noun conflicts."""

from __future__ import annotations

import pytest

from qa.number_nouns import conflicting_count, counted, measured_not_counted

WINDOW = ("About a thousand aircraft, some of them reconnaissance ones, were involved in the operation. NATO forces "
          "launched more than 3,000 cruise missiles and dropped about 80,000 tonnes of bombs.")


def test_counts_are_read_with_the_noun_after_them():
    assert counted(WINDOW) == {"aircraft": {1000.0}, "cruise": {3000.0}}  # "tonnes" is a unit, not a thing counted
    assert counted("Two soldiers and 4 civilians died; 1,864 pandas") == {"soldier": {2.0}, "civilian": {4.0},
                                                                          "panda": {1864.0}}


@pytest.mark.parametrize("claim, window", [
    ("3,000 aircraft were involved in the operation", WINDOW),
    ("Four soldiers died", "Two soldiers and four civilians died."),
])
def test_a_count_the_window_gives_to_another_noun_conflicts(claim, window):
    assert conflicting_count(claim, window)


@pytest.mark.parametrize("claim, window", [
    ("About 1,000 aircraft were involved", "About a thousand aircraft were involved."),  # same count, in words
    ("The attack killed 30 people", "30 were killed in the attack and 45 people were wounded."),  # 30 given bare
    ("3,000 missiles were fired", WINDOW),  # the window never counts "missiles" as a noun of its own
    ("The DUP won 28 seats", "The DUP took 28 seats, down from 38 seats."),
    ("12 people were injured", "At least 30 people were killed."),  # no other noun holds 12: the number check's job
])
def test_no_conflict_without_a_count_given_to_another_noun(claim, window):
    assert conflicting_count(claim, window) is None


DUMA = "Russia estimates its air strike campaign in Syria could last three to four months, the head said."


def test_a_count_asked_that_the_passages_give_only_as_a_measure_is_named():
    # held-out s4-18, unanswerable: the model answered "3" over the campaign's expected length
    question = "How many air strikes had Russia carried out in Syria by Oct. 2?"
    assert measured_not_counted(question, "3", [DUMA]) == "months"
    assert measured_not_counted(question, "three", ["Over three days Russia struck."]) == "days"


@pytest.mark.parametrize("question, short, holding", [
    ("How many air strikes had Russia carried out?", "3", ["Russia carried out three air strikes."]),
    ("How many air strikes had Russia carried out?", "3", ["It carried out 3 strikes over three days."]),
    ("How many months could the campaign last?", "3", [DUMA]),  # the measure is what is asked
    ("How long could the campaign last?", "3", [DUMA]),  # not a "How many" question
    ("How many air strikes had Russia carried out?", "3 air strikes", [DUMA]),  # not a bare number
])
def test_a_count_given_as_a_count_or_a_measure_asked_is_left_alone(question, short, holding):
    assert measured_not_counted(question, short, holding) is None
