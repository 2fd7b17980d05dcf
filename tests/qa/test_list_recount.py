"""A "How many …?" whose count the model got wrong, read off the list that answers it (qa/list_recount.py)."""

from __future__ import annotations

import pytest

from qa.list_recount import recounted

from sample_sentences import ACCUSED, RAQQA

GOVERNMENTS = ("“We, the governments of France, Germany, Qatar, Saudi Arabia, Turkey, the United Kingdom and the "
               "United States of America state the following in view of the recent military actions of the Russian "
               "Federation in Syria: We express our deep concern with regard to the Russian military build-up in "
               "Syria and especially the attacks by the Russian Air Force on Hama, Homs and Idlib since yesterday "
               "which led to civilian casualties and did not target Da’esh,” they said.")
S57_07 = "How many governments were listed as signatories of the joint statement on Russia's military actions?"


@pytest.mark.parametrize("short", ["5", "five", "Five governments", "3"])
def test_a_miscounted_list_is_answered_with_its_size(short):
    # blind s57-07: "5"; the list after "the governments of" has seven, the other list (after the colon) three
    assert recounted(S57_07, short, [RAQQA, GOVERNMENTS]) == (1, "7")


@pytest.mark.parametrize("question, short, sentences", [
    (S57_07, "7", [GOVERNMENTS]),  # counted right
    (S57_07, "seven", [GOVERNMENTS]),
    (S57_07, "France", [GOVERNMENTS]),  # no count
    (S57_07, "5", [ACCUSED, RAQQA]),  # no list after the asked noun
    ("Which governments signed the joint statement?", "5", [GOVERNMENTS]),  # not "how many"
    # the list is of the question's noun, but the sentence is about something else
    (S57_07, "5", ["The governments of France, Germany, Italy and Spain met in Rome on Tuesday."]),
    # the noun far from the list's first comma
    ("How many places did the governments say were attacked by Russia's military?", "2",
     ["The places that the coalition governments in their joint statement listed as attacked by Russia's military "
      "were many, Hama, Homs and Idlib."]),
])
def test_a_right_count_no_count_or_no_list_after_the_noun_is_left_alone(question, short, sentences):
    assert recounted(question, short, sentences) is None


def test_lists_of_different_sizes_after_the_noun_give_nothing():
    other = "The governments of France, Germany and Italy reviewed the joint statement on Russia's military actions."
    assert recounted(S57_07, "5", [GOVERNMENTS, other]) is None
