"""Which day of a campaign: the ordinal day a shown sentence gives (qa/ordinal_day.py)."""

from __future__ import annotations

from qa.ordinal_day import counts_days, ordinal_day

from sample_sentences import PARTNERS, RAQQA

PENTAGON = "The Pentagon held talks with officials in Moscow on Oct. 1 in a bid to avoid mishaps."


def test_the_ordinal_day_of_the_sentence_holding_the_questions_date_answers_which_day():
    # held-out s65-01: "October 2", the question's own date, was the answer
    question = "my teacher said russia kept bombing syria on october 2, so which day of there air strikes was that?"
    assert ordinal_day(question, [PENTAGON, PARTNERS]) == (1, "third day")
    assert ordinal_day("Oct. 1 was which day of the campaign?", [PENTAGON, PARTNERS]) is None  # no sentence gives it


def test_without_a_date_the_sentence_holding_most_of_the_question_gives_the_day():
    assert ordinal_day("Which day of its campaign did Russia first bomb Raqqa?", [PARTNERS, RAQQA]) == (1, "third day")
    assert ordinal_day("Which day of its campaign did Russia hold talks with the Pentagon?", [PARTNERS, RAQQA]) is None


def test_other_questions_and_answers_that_count_days_are_left_alone():
    assert ordinal_day("When did Russia bomb Raqqa?", [RAQQA]) is None
    assert counts_days("3rd") and counts_days("the third day") and counts_days("day 3") and counts_days("3")
    assert not counts_days("October 2") and not counts_days("Oct. 2")
