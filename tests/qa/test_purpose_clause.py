"""A "Why …?" answered by the purpose or cause a shown sentence gives after the question's words (qa/purpose_clause.py)."""

from __future__ import annotations

import pytest

from qa.purpose_clause import asks_why, why_clause

DAVUTOGLU = ("Turkish Prime Minister Ahmet Davutoğlu accused Russia on Oct. 2 of targeting moderate Syrian rebels in "
             "its air strikes in Syria to prop up the government of President Bashar al-Assad.")
STRIKES = "Russia continued air strikes for a third day on Oct. 2, prompting Turkey to demand that Moscow cease its attacks."


def test_the_purpose_after_the_question_s_words_in_the_sentence_about_the_act():
    # blind s56-01: "moderate Syrian rebels", an echo, was withheld while the shown sentence gave the why
    assert why_clause("According to Davutoğlu, why was Russia targeting moderate Syrian rebels?",
                      [STRIKES, DAVUTOGLU]) == (1, "to prop up the government of President Bashar al-Assad")


@pytest.mark.parametrize("question, sentence, clause", [
    ("Why did the Pentagon hold talks with officials in Moscow?",
     "The Pentagon held talks with officials in Moscow on Oct. 1 in a bid to avoid mishaps in the region.",
     "to avoid mishaps in the region"),
    ("Why was the match postponed?", "The match was postponed because of heavy snow, officials said.",
     "because of heavy snow"),
    ("Why did the council close the pier?", "The council closed the pier in order to repair it, Keane said.",
     "in order to repair it"),
])
def test_cues_of_purpose_and_cause(question, sentence, clause):
    assert why_clause(question, [sentence]) == (0, clause)


def test_nothing_when_no_clause_follows_or_the_sentence_is_about_something_else():
    assert why_clause("Why was the match postponed?", ["The match was postponed on Sunday."]) is None
    # "to" before a noun is no purpose
    assert why_clause("Why was the match postponed?", ["The match was postponed to Sunday's date."]) is None
    assert why_clause("Why was the match postponed?", ["Officials met to discuss the budget."]) is None
    assert why_clause("Who won the match?", [DAVUTOGLU]) is None
    assert asks_why("According to TASS, why did Russia strike?") and not asks_why("Who asked why?")
