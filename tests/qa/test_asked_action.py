"""The action a "Who …?" question asks about, and whether a sentence reports it."""

from __future__ import annotations

import pytest

from qa.asked_action import (asked_act_noun, asked_action, reports_action, subject_action, what_action, who_is_object,
                             yes_no_action)


def test_the_action_is_the_verb_right_after_who():
    assert asked_action("Who stole the Big Maple Leaf gold coin from the Bode Museum?") == "stole"
    assert asked_action("Who succeeded Enda Kenny as leader of Fine Gael?") == "succeeded"
    assert asked_action("Who was arrested over the bomb threats?") == "was arrested"
    assert asked_action("Who has been elected mayor?") == "has been elected"


def test_the_name_of_someone_who_acted_asks_who_acted():
    # blind s36-03 (unanswerable) got "Pyotr Tolstoy", cited to a sentence of his that estimates nothing
    assert asked_action("What is the name of the State Duma official who estimated how long Russia's air "
                        "campaign could last?") == "estimated"
    assert asked_action("What is the name of the head of the State Duma foreign affairs committee?") is None
    assert asked_action("What is the name of the group that Russia targeted?") is None


def test_no_action_for_other_questions_framing_verbs_or_words_that_may_be_nouns():
    assert asked_action("Who is the Palestinian social worker on Lesbos?") is None  # no verb
    assert asked_action("Who did Trump nominate to the Supreme Court?") is None  # the answer is the object
    assert asked_action("Which team won the Stanley Cup?") is None
    assert asked_action("Who said the talks had failed?") is None  # saying is put a dozen ways
    assert asked_action("Who were seen as the leading contenders?") is None
    assert asked_action("Who runs the bakery in Gorey?") is None  # "runs" may be a noun
    assert asked_action("Who?") is None


def test_any_inflection_or_a_derivation_sharing_the_stem_reports_the_action():
    assert reports_action("stole", "The coin was stolen from the museum early on Monday.")
    assert reports_action("won", "Rutte wins a third term.")
    assert reports_action("succeeded", "Leo Varadkar is tipped as his successor.")
    assert reports_action("was arrested", "Police made an arrest in Israel.")
    assert not reports_action("stole", "The coin was issued in 2007, ahead of Queen Elizabeth II's state visit.")


def test_a_cause_is_also_reported_as_what_led_to_or_resulted_in_it():
    # blind s11-14: the right "Yes" to "… say the Russian attacks caused civilian casualties?" was flagged
    # "the quoted passages do not say caused" over "attacks … which led to civilian casualties"
    assert reports_action("caused", "the attacks by the Russian Air Force on Hama which led to civilian casualties")
    assert reports_action("cause", "The storm resulted in widespread flooding.")
    assert reports_action("caused", "It has been leading to delays.")
    assert not reports_action("caused", "The attacks led by Russia hit Hama.")  # "led by" is no cause
    assert not reports_action("caused", "He was led to the car.")  # nor a passive "led to"
    assert not reports_action("killed", "The attacks led to civilian casualties.")  # only for "cause"


def test_the_agent_noun_of_a_short_verb_reports_the_action():
    assert reports_action("won", "The election's winner, Mark Rutte, spoke in The Hague.")
    assert reports_action("led", "Labour's leader, Jeremy Corbyn, said so.")
    assert reports_action("killed", "The killers fled on foot.")
    assert reports_action("made", "The maker of the film was Barry Jenkins.")
    assert not reports_action("won", "The wine list was long.")
    assert not reports_action("won", "All eyes are on the Dutch elections to see if Geert Wilders will continue that trend.")


def test_a_yes_no_question_asks_about_its_first_verb_that_is_no_name():
    assert yes_no_action("Were any explosive devices found at the Jewish community centres?") == "found"
    assert yes_no_action("Has Egypt's highest court acquitted Hosni Mubarak?") == "acquitted"
    assert yes_no_action("Did the Oroville Dam itself fail?") is None  # "Dam" is a name, "fail" may be a noun
    assert yes_no_action("Did the Fed raise interest rates in March 2017?") is None  # "raise" may be a noun


@pytest.mark.parametrize("question, act", [
    ("What did the Kremlin blame for the Russian airstrike that killed three Turkish soldiers?", "blame"),
    ("What did the foreign minister blame for the attack?", "blame"),  # "minister" can be a verb too: the last wins
    ("What did Samsung heir Lee Jae-yong deny?", "deny"),
    ("What did the coalition demand that Moscow do?", "demand"),
    ("What did Lavrov say all sides want Syria to be?", None),  # what someone said: asked elsewhere
    ("What did the joint statement call on Russia to do?", None),  # a framing verb
    ("What pretext did the Ukrainian military give for refusing?", None),  # the noun carries the ask
    ("Who blamed the Kremlin?", None),
])
def test_the_act_of_a_what_did_question_is_its_bare_verb_before_the_first_preposition(question, act):
    assert what_action(question) == act


@pytest.mark.parametrize("question, act", [
    ("Which Pentagon official led the Oct. 1 talks?", "led"),
    ("Which Nobel Prize-winning poet died this week?", "died"),  # a hyphenated describing word is no act
    ("Which airports did the experts inspect?", None),  # an auxiliary first: the object is asked
    ("Which city was hit?", None),
    ("Who led the talks?", None),  # "Who" questions are asked_action's
])
def test_the_act_a_which_subject_question_asks_who_did(question, act):
    assert subject_action(question) == act


@pytest.mark.parametrize("question, whom", [
    ("Who are Russia's air strikes in Syria actually hitting?", True),  # blind s17-16
    ("Who is Russia targeting in Syria?", True),
    ("Who did Kerry meet in New York?", True),
    ("Who did the Academy Awards apologise to this week?", True),
    ("Whom did the minister blame?", True),
    ("Who has veteran broadcaster Emily Maitlis described as an 'active Tory party agent'?", True),
    ("Who is leading the talks?", False),                # the doer
    ("Who is the head of the foreign affairs committee?", False),  # the person
    ("Who is the Turkish foreign minister who held talks with Kerry?", False),
    ("Who is credited with Russia's estimate?", False),  # passive: who is credited
    ("Who has won the Hart Trophy?", False),
    ("Who has been arrested?", False),
    ("Who stole the Big Maple Leaf gold coin?", False),
    ("What did Kerry say?", False),
])
def test_a_who_question_asks_for_the_object_when_its_subject_stands_between_auxiliary_and_verb(question, whom):
    assert who_is_object(question) is whom


def test_a_source_clause_between_commas_is_not_the_action():
    # blind s55-10: "Who, according to the article, gave …" asks who gave, not who "according"
    assert asked_action("Who, according to the article, gave the estimate of how long it could last?") == "gave"
    assert asked_action("Who, according to Moscow, struck Raqqa first?") == "struck"


def test_a_light_verb_s_act_is_in_its_object():
    assert asked_act_noun("Who, according to the article, gave the estimate of how long it could last?") == "estimate"
    assert asked_act_noun("Who made the decision to strike?") == "decision"
    assert asked_act_noun("Who stole the coin?") is None  # a full verb says its act itself
    assert asked_act_noun("Who gave Kerry the list?") is None
