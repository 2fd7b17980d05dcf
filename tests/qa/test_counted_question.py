"""A counting question and the closed lists a sentence writes (qa/counted_question.py)."""

from __future__ import annotations

import pytest

from qa.counted_question import asked_count, counted_noun, counted_size, offers_counted_list


def test_a_question_counts_what_it_asks_for():
    assert asked_count("Which three places did the statement name?") == ("three", "places did the statement name")
    assert asked_count("Which places did the statement name?") is None
    # a count written in digits (held-out s64-08), not a year
    assert counted_size("the statement says russian air force attacked which 3 places since yesterday?") == 3
    assert counted_size("Which 2017 election did Wilders lose?") is None


@pytest.mark.parametrize("asked, sentence, offers", [
    ("Which three places were attacked?", "The attacks on Hama, Homs and Idlib were condemned.", True),
    ("Which two presidents?", "They will take them back to Barack Obama and Vladimir Putin.", True),
    ("What three qualities?", "We want Syria to be democratic, united and secular.", True),
    ("Which two places were attacked?", "The attacks on Hama, Homs and Idlib were condemned.", False),  # three
    ("What two things were discussed?", "They discussed trade and investment.", False),  # two words: one thing
    ("Which places were attacked?", "The attacks on Hama, Homs and Idlib were condemned.", False),  # no count
    ("Who were seen as the two leading contenders?", "They were Simon Coveney and Mr Varadkar.", True),
    # blind s44-14: "the two military powers" is no count of the answer ("The Pentagon")
    ("Which U.S. body held talks to avoid mishaps between the two military powers?",
     "They will take them back to Barack Obama and Vladimir Putin.", False),
])
def test_a_sentence_offers_a_list_of_as_many_items_as_counted(asked, sentence, offers):
    assert offers_counted_list(asked, sentence) is offers


@pytest.mark.parametrize("asked, noun", [
    ("How many governments put their names to the joint statement?", "governments"),
    ("How many Russian warplanes are taking part in the air campaign?", "warplanes"),
    ("How many of the 33 ambassadors invited turned up?", "ambassadors"),
    ("How many people were killed?", "people"),
    ("Counting up the governments that signed it, how many were there in total?", None),
    ("Who signed the statement?", None),
])
def test_the_noun_a_how_many_question_counts_is_its_first_plural(asked, noun):
    assert counted_noun(asked) == noun
