"""The kind of answer a question asks for, and which sentences offer one (qa/answer_kind.py)."""

from __future__ import annotations

import pytest

from qa.answer_kind import AnswerKind, expected_kind, offers


@pytest.mark.parametrize("question, kind", [
    ("To how many seats was the Northern Ireland Assembly cut?", AnswerKind.NUMBER),
    ("How much did the company pay in fines?", AnswerKind.NUMBER),
    ("What percentage of voters backed the deal?", AnswerKind.NUMBER),
    ("When was the result of the Aslef ballot due?", AnswerKind.DATE),
    ("On what date did Ana have her interview?", AnswerKind.DATE),
    ("In what year did the dam open?", AnswerKind.DATE),
    ("Who organised the visit of European MPs to Crimea?", AnswerKind.NAME),
    ("Where was Khalid Masood born?", AnswerKind.NAME),
    ("Which company announced layoffs this week?", AnswerKind.NAME),
    ("What was the birth name of Khalid Masood?", AnswerKind.NAME),
    # asked for a name outright, a "how long" in its relative clause asks nothing
    ("What is the name of the committee head who estimated how long the campaign could last?", AnswerKind.NAME),
    ("Why did the rebels say the bodies had not been evacuated?", None),
    ("Did the Oroville Dam itself fail?", None),
    ("What did Lavrov say about the strikes?", None),
    ("Which of these outlets reported it?", None),
])
def test_expected_kind(question, kind):
    assert expected_kind(question) is kind


def test_a_number_counts_only_when_the_question_does_not_already_hold_it():
    question = "How many of the 33 ambassadors turned up?"
    assert offers(AnswerKind.NUMBER, "Only 19 of them came to the dinner.", question)
    assert offers(AnswerKind.NUMBER, "Only nineteen of them came.", question)
    assert not offers(AnswerKind.NUMBER, "Temer invited 33 ambassadors to a steakhouse.", question)
    assert not offers(AnswerKind.NUMBER, "The ambassadors were invited to dinner.", question)


def test_dates_are_month_and_day_names_and_years():
    question = "When was the result of the ballot due?"
    assert offers(AnswerKind.DATE, "The result is expected on 16 February.", question)
    assert offers(AnswerKind.DATE, "The union will announce it on Thursday.", question)
    assert offers(AnswerKind.DATE, "The ballot closed in 2016 after talks.", question)
    assert not offers(AnswerKind.DATE, "The result of the ballot is due soon.", question)


def test_a_name_is_a_capitalised_word_inside_the_sentence_the_question_lacks():
    question = "Where was Khalid Masood born?"
    assert offers(AnswerKind.NAME, "He was born in Kent, south-east England.", question)
    assert not offers(AnswerKind.NAME, "Masood was born on the coast.", question)
    assert not offers(AnswerKind.NAME, "Police said Masood was born there.", question)
    assert not offers(AnswerKind.NAME, "He was born in December, police said.", question)  # a month is no name


def test_diacritics_do_not_make_a_question_name_new():
    assert not offers(AnswerKind.NAME, "The talks were led by Davutoglu himself.", "Who led talks with Davutoğlu?")
