"""The subject a shown sentence gives the question's own verb (qa/asked_subject.py)."""

from __future__ import annotations

import pytest

from qa.asked_subject import asked_subject

RECOVERY = ("The troops died in clashes early on Saturday in the remote Khojavend and Fizuli regions, but the-separatists "
            "prevented the recovery of the bodies until Monday,-Azerbaijan's defence ministry said.")
ACCUSED = ("Turkish Prime Minister Ahmet Davutoğlu accused Russia on Oct. 2 of targeting moderate Syrian rebels in its "
           "air strikes in Syria to prop up the government of President Bashar al-Assad.")
BOMBED = "Russia, however, said it had bombed the ISIL stronghold of Raqqa for the first time."
HANDED = "Armenia-backed fighters have handed over the bodies of five Azerbaijani soldiers."


def test_the_subject_of_the_questions_verb_is_read_off_the_sentence():
    # demo-103: the model echoed the ministry the question names; the glued "the-" is left off
    asked = ("According to Azerbaijan's defence ministry, who prevented the recovery of the dead soldiers' bodies "
             "until Monday?")
    assert asked_subject(asked, [ACCUSED, RECOVERY]) == (1, "separatists")


def test_a_titled_name_is_the_whole_run_before_the_verb():
    assert asked_subject("Who accused Russia of targeting moderate rebels?", [ACCUSED]) == (
        0, "Turkish Prime Minister Ahmet Davutoğlu")


def test_auxiliaries_before_the_verb_are_skipped():
    assert asked_subject("Who handed over the soldiers' bodies?", [HANDED]) == (0, "Armenia-backed fighters")


@pytest.mark.parametrize("asked, sentence", [
    ("Who bombed the stronghold of Raqqa?", BOMBED),  # "it": a pronoun is no answer
    ("Who was accused of bribery?", "Lee Jae-yong was accused of bribery."),  # "who was" asks something else
    ("Who prevented the ceasefire talks in Geneva?", RECOVERY),  # the verb, but not what follows it
    ("Who accused Davutoğlu of lying?", ACCUSED),  # the verb's rest is not the question's
    ("What prevented the recovery of the bodies?", RECOVERY),  # not a "who" question
])
def test_no_subject(asked, sentence):
    assert asked_subject(asked, [sentence]) is None


def test_a_subject_made_of_the_questions_words_is_no_answer():
    assert asked_subject("Who accused Russia of targeting moderate rebels, according to Davutoğlu?",
                         ["Davutoğlu accused Russia of targeting moderate Syrian rebels."]) is None
