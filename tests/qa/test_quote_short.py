"""The short answer taken from a quoted answer's sentence (qa/quote_short.py): one candidate of the kind asked, or none."""

from __future__ import annotations

import pytest

from qa.abstain import offers_asked_kind
from qa.quote_short import names_doer, short_from_quote

KERRY = ("Turkish Foreign Minister Feridun Sinirlioglu met with Kerry in New York on Oct. 1 to discuss the Syria "
         "issue, according to Anadolu Agency.")
DUMA = ("Russia estimates its air strike campaign in Syria could last three to four months, the head of the foreign "
        "affairs committee at the State Duma, said Oct. 1.")


@pytest.mark.parametrize("question, sentence, short", [
    ("Who met Kerry in New York on Oct. 1?", KERRY, "Feridun Sinirlioglu"),  # the doer, titles left out
    ("How long could Russia's air campaign in Syria last?", DUMA, "three to four months"),  # a date is no count
    ("When did the Turkish foreign minister meet Kerry?", KERRY, "Oct. 1"),
    ("Winds of up to how many mph were recorded in Wales?", "Winds of up to 94 mph were recorded in Wales.", "94 mph"),
    ("How old was Derek Walcott when he died?", "Walcott died on Friday at the age of 87.", "87"),
    ("How much did the bridge cost?", "The bridge cost $2.4 million, officials said.", "$2.4 million"),
])
def test_the_one_candidate_of_the_kind_asked_is_the_short_answer(question, sentence, short):
    assert short_from_quote(question, sentence) == short


@pytest.mark.parametrize("question, sentence", [
    # two figures: which one answers is the model's call, not a pattern's
    ("How much did Meals on Wheels receive?", "Donations were $50,000 against the usual daily rate of $1,000."),
    ("Which agency reported the meeting?", KERRY),  # "Which …?" names are too many to choose from
    ("Who stole the coin?", "Police said four men stole the coin in March."),  # no name before the act
    ("Why did Turkey object?", KERRY),  # no kind asked
    ("When did Kerry meet Sinirlioglu on Oct. 1?", KERRY),  # the question already holds the only date
])
def test_no_short_answer_when_the_sentence_does_not_offer_exactly_one(question, sentence):
    assert short_from_quote(question, sentence) is None


def test_a_quote_for_who_did_it_must_name_who_did_it():
    question = "Who stole the Big Maple Leaf gold coin from the Bode Museum?"
    # demo-084, unanswerable: the act and names, but nobody who stole
    assert names_doer(question, "A precious gold coin in the Guinness Book of Records was stolen early Monday "
                                "from a museum in Germany.") is False
    assert not offers_asked_kind(question, "A gold coin in the Guinness Book of Records was stolen from a museum.")
    assert names_doer(question, "Police say Ahmed Remmo stole the coin.") is True
    assert names_doer(question, "The coin was stolen by Remmo clan members.") is True
    assert names_doer("What did Lavrov say?", "Anything.") is None  # not a "Who <act>" question


def test_a_quote_for_which_someone_did_it_must_name_who_did_it():
    # blind held-out s5-12, unanswerable: the sentence says talks were held, by no one named
    question = "Which Pentagon official led the Oct. 1 talks with Russian officials?"
    assert names_doer(question, "The Pentagon held talks with officials in Moscow on Oct. 1.") is False
    assert names_doer(question, "Joe Smith, a deputy assistant secretary, led the talks in Moscow.") is True
    assert names_doer("Which mint issued the coin?", "The coin was issued by the Royal Canadian Mint in 2007.") is True
    # the object asked for, not the doer: no doer needed
    assert names_doer("Which airports did the experts inspect?", "They visited Hurghada.") is None


JOINT = ("\"We express our deep concern with regard to the attacks by the Russian Air Force on Hama, Homs and Idlib "
         "since yesterday which led to civilian casualties and did not target Da'esh,\" they said.")


def test_a_quote_that_says_not_answers_a_yes_no_question_no():
    # blind held-out s6-17: quoted with no short answer
    q = "According to the joint statement, did the Russian attacks on Hama, Homs and Idlib target Da'esh?"
    assert short_from_quote(q, JOINT) == "No"
    # a quote sharing the question's words proves no "Yes"
    assert short_from_quote("Did the attacks lead to civilian casualties?", JOINT) is None
