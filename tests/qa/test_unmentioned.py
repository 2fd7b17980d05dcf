"""A short answer from articles that never mention what the question asks about (qa/unmentioned.py)."""

from __future__ import annotations

import pytest

from qa.unmentioned import asks, every_ask_unmentioned, unmentioned_concern, unmentioned_name

NATO = ("Russian lawmaker compares European Union to Soviet Union\nAbout a thousand aircraft were involved in the "
        "operation against Yugoslavia. NATO forces launched more than 3,000 cruise missiles.")


def test_a_name_no_cited_article_mentions_is_returned_in_the_questions_words():
    assert unmentioned_name("How many Russian aircraft took part in the strikes on Raqqa?", [NATO]) == "Raqqa"
    assert unmentioned_name("What did Western officials say about Raqqa?", [NATO]) == "Raqqa"  # the place, still
    assert unmentioned_concern("Raqqa") == "the cited articles never mention Raqqa"
    # a full name is shown whole, without its possessive
    assert unmentioned_name("How did Saudi Arabia's foreign minister respond?", [NATO]) == "Saudi Arabia"


@pytest.mark.parametrize("question, article", [
    ("Which Syrian cities were bombed?", "Russia bombed Hama in Syria."),  # a prefix: Syrian ~ Syria
    ("When did Ana, the Guatemalan asylum seeker, have her interview?", "Ana fled Guatemala in 2016."),
    ("Whose rights did MPs decline to safeguard?", "UK members of parliament rejected the amendment."),  # an alias
    ("Where did Nancy Pelosi travel this week?", "Pelosi landed in Taipei on Tuesday."),  # the surname suffices
    ("Which MLB team's owner wants to sell?", "The Major League Baseball club's owner may sell."),  # an acronym
    # spelt out in another order (RealTimeQA 20220909_17 was turned away as "never mention DOJ")
    ("Pausing the DOJ's investigation, what did a judge approve?", "The Justice Department's review was halted."),
    # a number is no name (20220805_11: "$1.3 billion" against an article's "$1.34 billion")
    ("In which state was the $1.3 billion Mega Millions ticket bought?", "A $1.34 billion Mega Millions ticket."),
    # nor the small part of a compound (20220902_20 was turned away as "never mention winning")
    ("Which Nobel Peace Prize-winning former leader died?", "Gorbachev, a Nobel Peace Prize laureate, died."),
    ("What did the Pentagon discuss in Moscow on Oct. 1?", "The Pentagon held talks in Moscow on Thursday."),
    ("What did TASS report about Palmyra?", "Syrian troops entered Palmyra."),  # an outlet, left out below
    ("CNN reported on post-Brexit Britain. Whose rights did MPs decline to safeguard?", "MPs rejected it."),
    # a name with an apostrophe inside, curly in the article (blind s15-14 was flagged "never mention da")
    ("Did the joint statement say the attacks on Hama targeted Da'esh?", "The attacks on Hama did not target Da’esh."),
    # a compass adjective describes a bloc the article names otherwise (blind s56-02: "never mention Western")
    ("Which Gulf Arab states signed the statement with Turkey and the Western powers?",
     "France, Germany, Qatar, Saudi Arabia, Turkey and the UK signed it with Gulf Arab allies."),
])
def test_names_mentioned_in_the_forms_news_uses_raise_nothing(question, article):
    assert unmentioned_name(question, [article], outlets=["TASS", "CNN"]) is None


def test_an_acronym_needs_its_own_capitals_spelt_out():
    assert unmentioned_name("What did the DOJ say?", ["The Joint Chiefs met in Washington."]) == "DOJ"
    assert unmentioned_name("What did the DOJ say?", ["Dan Oates spoke."]) == "DOJ"  # no J
    assert unmentioned_name("What did the Doj say?", ["The Justice Department spoke."]) == "Doj"  # not an acronym


def test_an_acronym_of_plain_words_is_mentioned_by_those_words_in_a_row():
    # blind s52-10: "… agree to set up ASAP …" had its right answer turned away as "never mention ASAP"
    quote = "We agreed on the imperative of, as soon as possible, having a military-to-military discussion."
    q = "What kind of talks did Kerry and Lavrov agree to set up ASAP to avoid accidents?"
    assert unmentioned_name(q, ["Kerry met Lavrov. " + quote]) is None
    assert unmentioned_name(q, ["Kerry met Lavrov. We agreed on the imperative, as possible, soon."]) == "ASAP"
    assert unmentioned_name("What did the EU say?", ["Kerry met Lavrov. Every unit agreed."]) == "EU"  # two letters: no


def test_any_cited_article_may_mention_the_name():
    assert unmentioned_name("How many aircraft struck Raqqa?", [NATO, "Jets struck Raqqa overnight."]) is None
    assert unmentioned_name("How many aircraft struck Raqqa?", []) is None


KREMLIN = "Putin, Merkel call for immediate ceasefire in Ukraine — Kremlin\nThe Kremlin blamed the Ukrainian side."
TWO_ASKS = ("TASS and DW both covered the fighting. Whom did the Kremlin blame for the escalation, and what did "
            "German President Gauck call worrisome?")


def test_a_sentence_asking_two_things_is_split_into_its_asks():
    assert asks(TWO_ASKS) == ["Whom did the Kremlin blame for the escalation",
                              "what did German President Gauck call worrisome?"]
    assert asks("Who won and what did he say?") == ["Who won", "what did he say?"]
    assert asks("What did Kerry and Lavrov agree?") == ["What did Kerry and Lavrov agree?"]  # "and" joining names


def test_an_answer_to_one_of_two_asks_is_half_an_answer_not_one_about_something_else():
    # demo-049: the TASS story names the Kremlin, never Gauck
    assert unmentioned_name(TWO_ASKS, [KREMLIN], outlets=["TASS", "DW"]) == "German President Gauck"
    assert not every_ask_unmentioned(TWO_ASKS, [KREMLIN], outlets=["TASS", "DW"])
    assert every_ask_unmentioned(TWO_ASKS, [NATO], outlets=["TASS", "DW"])  # neither ask's names: off topic
    assert every_ask_unmentioned("How many Russian aircraft took part in the strikes on Raqqa?", [NATO])


def test_the_name_shown_leaves_out_the_question_word_before_it():
    # blind s16-05: "the articles found never mention What Arabic"
    question = "What Arabic acronym for the jihadist group was used in the coalition's joint statement?"
    assert unmentioned_name(question, [NATO]) == "Arabic"
    assert unmentioned_name("Which Saudi Arabia minister spoke?", [NATO]) == "Saudi Arabia"
