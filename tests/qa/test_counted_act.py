"""A "How many <things> were <act>?" answered with a number the passages give for another act (qa/counted_act.py)."""

from __future__ import annotations

import pytest

from qa.counted_act import asked_count_act, other_act

WOUNDED = "Another 10,000 people were wounded with civilians making up two-thirds of that number."
INJURED = ("A Russian airstrike in Syria killed three Turkish soldiers and injured 11 others as they both fought the "
           "so-called \"Islamic State,\" Turkish officials announced on Thursday.")
S62_17 = "how many civilians were actually killed in the russian strikes on hama, homs and idlib, did anyone give a number?"


@pytest.mark.parametrize("question, act", [
    (S62_17, "killed"),
    ("How many people died in the fire?", "died"),
    ("How many people were injured?", "injured"),
    ("How many civilians were thought to be trapped inside Mosul?", None),  # the act is wrapped (demo-007)
    ("How many combat flights did NATO aircraft fly?", None),  # "combat" is no past form
    ("How many seats will the assembly have?", None),
    ("How many of the 90 refugees buried on Lesbos have been identified?", None),  # too far from "how many"
    ("Which governments signed the statement?", None),
])
def test_the_act_a_count_question_asks(question, act):
    assert asked_count_act(question) == act


@pytest.mark.parametrize("short", ["10,000 civilians", "10,000", "about 10,000"])
def test_a_count_of_the_wounded_does_not_answer_how_many_were_killed(short):
    assert other_act(S62_17, short, [WOUNDED]) == "wounded"
    # the number's own act decides, though the sentence kills others
    assert other_act(S62_17, short, ["10,000 people were wounded and 300 killed."]) == "wounded"


def test_a_number_after_its_act_counts_that_act():
    # blind s62-17 again, once keyword search stemmed its words: "11" from DW's "injured 11 others"
    assert other_act(S62_17, "11", [INJURED]) == "injured"


@pytest.mark.parametrize("question, short, sentences", [
    (S62_17, "3", [INJURED]),  # three killed: the asked act, right before the number
    (S62_17, "11", ["The attack left 11 dead."]),  # "dead" beside the number is the killed
    ("How many civilians were killed?", "30", ["30 people were confirmed dead."]),  # "dead" is the killed
    ("How many civilians were killed?", "30", ["30 people were reported killed."]),  # the act wrapped
    ("How many people died?", "30", ["30 people were killed in the blaze."]),
    ("How many people were injured?", "12", ["12 people were hurt."]),
    ("How many people were arrested?", "12", ["12 people were detained overnight."]),
    ("How many were evacuated?", "30", ["30 residents were forced to leave."]),  # wrapped: left to other checks
    ("How many civilians were killed?", "30", ["The toll rose to 30."]),  # no act stated for the number
    ("How many civilians were killed?", "30", [WOUNDED]),  # the sentence never gives 30
    ("How many civilians were killed?", "Hama", [WOUNDED]),  # no number
    ("Which city was hit?", "10,000", [WOUNDED]),  # no count asked
])
def test_a_count_given_for_the_asked_act_or_for_no_act_is_left_alone(question, short, sentences):
    assert other_act(question, short, sentences) is None


def test_every_holding_sentence_must_give_the_number_for_another_act():
    killed = "10,000 people were killed in the fighting."
    assert other_act(S62_17, "10,000", [WOUNDED, killed]) is None
    assert other_act("How many people were arrested?", "12", ["12 people were released."]) == "released"
