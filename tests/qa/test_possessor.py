"""A "whose …?" or "which …'s …?" answered with the owner the sentence names (qa/possessor.py)."""

from __future__ import annotations

import pytest

from qa.possessor import asks_whose, possessor

PROP_UP = ("Turkish Prime Minister Ahmet Davutoğlu accused Russia on Oct. 2 of targeting moderate Syrian rebels in its "
           "air strikes in Syria to prop up the government of President Bashar al-Assad.")


@pytest.mark.parametrize("question", [
    "Whose government did the Turkish prime minister say Russia's air strikes were meant to prop up?",  # blind s21-02
    "According to Turkey's prime minister, whose government was Russia trying to prop up by hitting moderate rebels?",
])
def test_the_owner_after_the_noun_of_is_the_answer(question):
    assert asks_whose(question)
    assert possessor(question, PROP_UP) == "President Bashar al-Assad"


def test_the_owner_before_s_is_the_answer_and_a_name_the_question_holds_is_not():
    assert possessor("Whose campaign did the senator join?", "He joined Hillary Clinton's campaign in May.") == \
        "Hillary Clinton"
    assert possessor("Whose government did Assad's rivals attack?", "They attacked Assad's government.") is None


def test_other_questions_and_sentences_give_nothing():
    assert not asks_whose("Who propped up the government?")
    assert possessor("Who propped up the government?", PROP_UP) is None
    assert possessor("Whose plan did Russia back?", PROP_UP) is None


DUMA = ("Russia estimates its air strike campaign in Syria could last three to four months, the head of the foreign "
        "affairs committee at the State Duma, said Oct. 1.")


@pytest.mark.parametrize("question", [
    # blind s21-06 and s23-06 got "Foreign Affairs Committee"
    "The head of which Russian parliamentary body's foreign affairs committee gave an estimate of the campaign?",
    "Which body's foreign affairs committee is headed by the man who gave Russia's estimate?",
])
def test_which_kinds_owner_is_the_name_after_the_noun_at(question):
    assert asks_whose(question)
    assert possessor(question, DUMA) == "State Duma"
    assert possessor(question, "The State Duma's foreign affairs committee met on Oct. 1.") == "State Duma"


@pytest.mark.parametrize("question", [
    "Which official gave Russia's estimate of how long the air campaign might last?",  # the owner is no kind
    "Which places did the coalition's joint statement say were attacked?",  # an auxiliary before the 's
    "Which children's book was Raymond Briggs celebrated for?",  # a compound, not an owner
])
def test_a_possessive_that_is_no_owner_asked_gives_nothing(question):
    assert not asks_whose(question)
