"""Is X one of the group? A membership question settled by a list the passages give (qa/membership.py)."""

from __future__ import annotations

import pytest

from qa.evidence import Evidence
from qa.membership import asked_membership, list_names, membership_answer
from qa.unmentioned import mentioned_in
from test_disputes import evidence  # one evidence item per body, every sentence shown

# The shared sample article's two lists (written out here, not read from ../shared).
STATEMENT = ("“We, the governments of France, Germany, Qatar, Saudi Arabia, Turkey, the United Kingdom and the "
             "United States of America state the following: We express our deep concern with regard to the Russian "
             "military build-up in Syria.")
ALLIES = ("In a joint statement with the United States, Britain, France, Germany and Gulf Arab allies, Turkey said "
          "that Russia's actions constituted a further escalation of the conflict.")
SIGNED = "Was {} one of the governments that signed the joint statement on Russia's strikes in Syria?"


def test_a_list_is_three_or_more_names_joined_by_commas_and_a_last_and():
    assert list_names(STATEMENT) == ["France", "Germany", "Qatar", "Saudi Arabia", "Turkey", "United Kingdom",
                                     "United States of America"]
    assert list_names(ALLIES) == ["United States", "Britain", "France", "Germany", "Gulf Arab"]
    assert list_names("Kerry, Lavrov and Zarif met in Vienna on Tuesday.") == ["Kerry", "Lavrov", "Zarif"]
    assert list_names("Russia and the United States agreed to talk.") == []  # two names are no list
    assert list_names("Russia said on Thursday, in Moscow, that it would go on.") == []


@pytest.mark.parametrize("question, member", [
    (SIGNED.format("Italy"), "Italy"),
    ("Is Germany among the countries that criticised the strikes?", "Germany"),
    ("Were the United Arab Emirates part of the coalition?", "the United Arab Emirates"),
])
def test_a_membership_question_names_its_member(question, member):
    assert asked_membership(question)[0] == member


@pytest.mark.parametrize("question", ["Was Italy angry?", "Who was one of the signatories?",
                                      "Did Italy sign the joint statement?"])
def test_other_questions_ask_no_membership(question):
    assert asked_membership(question) is None


def test_a_member_of_the_list_is_yes_with_the_list_quoted():
    answer = membership_answer(SIGNED.format("Germany"), evidence("Russia bombed Hama.", STATEMENT))
    assert (answer.short, answer.evidence_index) == ("Yes", 1)
    assert answer.answer_text().startswith("“") and answer.answer_text().endswith("[2]")
    assert membership_answer(SIGNED.format("Britain"), evidence(STATEMENT)).short == "Yes"  # the United Kingdom


def test_a_member_named_in_no_passage_beside_a_list_is_no():
    # blind held-out s14-08 and s17-15: Italy is in no passage, the signatories' list is shown
    answer = membership_answer(SIGNED.format("Italy"), evidence(ALLIES, STATEMENT))
    assert answer.short == "No"
    assert "Saudi Arabia" in answer.sentence  # the longer list is quoted


def test_a_member_named_only_inside_another_name_is_named_nowhere():
    # blind s24-14: Iraq is named only in "the Islamic State of Iraq and the Levant (ISIL)"; the model said "Yes"
    isil = ("Russia continued air strikes for a third day, prompting Turkey and its partners in the U.S.-led coalition "
            "against the Islamic State of Iraq and the Levant (ISIL) to demand that Moscow cease its attacks.")
    question = "Was Iraq among the governments that signed the joint statement?"
    sample = [isil, STATEMENT]  # the article's body holds the statement's own list as well
    assert membership_answer(question, evidence(isil, ALLIES), lambda: sample).short == "No"
    assert membership_answer(question, evidence(ALLIES), lambda: sample).short == "No"
    # a name after such a name's "and" is a mention: it may be a list's last item
    assert membership_answer(question, evidence(ALLIES, "The statement's authors met the Bank of England and Iraq.")) \
        is None
    # a mention in a sentence about something else is no sign the list is incomplete (s24-14, re-asked: a story
    # about a Baghdad bombing was found beside the sample)
    baghdad = "A suicide bomber killed 52 people in Baghdad, Iraq, on Sunday, police said."
    assert membership_answer(question, evidence(ALLIES, baghdad), lambda: sample).short == "No"
    assert membership_answer(question, evidence(ALLIES), lambda: [baghdad, STATEMENT]).short == "No"


def test_a_member_named_elsewhere_or_no_list_of_the_group_is_left_to_the_model():
    named_elsewhere = "Italy said it would study the statement before joining it."
    assert membership_answer(SIGNED.format("Italy"), evidence(STATEMENT, named_elsewhere)) is None
    # ... also outside the passages shown, in their articles' bodies
    assert membership_answer(SIGNED.format("Italy"), evidence(STATEMENT), lambda: [named_elsewhere]) is None
    assert membership_answer(SIGNED.format("Italy"), evidence("Russia bombed Hama and Homs.")) is None
    # a list that shares no word of the group answers nothing about it
    teams = "Arsenal, Chelsea and Liverpool won on Saturday."
    assert membership_answer(SIGNED.format("Italy"), evidence(teams)) is None
    assert membership_answer(SIGNED.format("the city"), evidence(STATEMENT)) is None  # names no one


def test_names_are_found_in_the_forms_news_uses():
    assert mentioned_in("Britain", ["the United Kingdom"])
    assert mentioned_in("Saudi Arabia", ["Saudi Arabia"]) and not mentioned_in("Saudi Arabia", ["Arabia"])
    assert mentioned_in("Saudi Arabia", ["Arabia"], every_name=False)
    assert not mentioned_in("the city", ["the city"])  # no name written


def test_a_list_ending_in_a_group_settles_no_only_by_the_whole_list_of_its_articles():
    # blind s47-17: "Gulf Arab allies" shown, a ruled "No" for Qatar, which the statement's own list names
    question = "Was Qatar one of the countries that signed the joint statement?"
    assert membership_answer(question, evidence(ALLIES), lambda: [ALLIES, STATEMENT]) is None
    assert membership_answer(question, evidence(ALLIES)) is None  # no whole list to read
    assert membership_answer(SIGNED.format("Qatar"), evidence(ALLIES, STATEMENT)).short == "Yes"
    # Italy: left out of the whole list the article holds
    assert membership_answer(SIGNED.format("Italy"), evidence(ALLIES), lambda: [STATEMENT]).short == "No"


def test_a_list_ending_in_a_group_is_yes_by_its_whole_list_in_a_passage_shown():
    # blind s49-13: the group words ("signatories", "criticising", "strikes") match only Turkey's summary, which
    # ends in "Gulf Arab allies"; the statement's own list sits in a passage shown beside it, unselected
    question = "Was Qatar among the signatories of the joint statement criticising Russia's strikes?"
    shown, beside = evidence(ALLIES, "Russia kept up its strikes. " + STATEMENT)
    beside = Evidence(beside.passage, "Russia kept up its strikes.", ((0, 27),), 0.5)  # the list not selected
    answer = membership_answer(question, [shown, beside])
    assert answer is not None and answer.short == "Yes"
    assert answer.evidence_index == 1 and answer.sentence.startswith("“We, the governments of France")
    # a member of neither list, or a whole list that shares too little with the shown one, is not a Yes
    assert membership_answer(question.replace("Qatar", "Italy"), [shown, beside]) is None
    # a "No" the articles' whole list settles quotes that list when a passage shown holds it
    italy = membership_answer(question.replace("Qatar", "Italy"), [shown, beside], lambda: [ALLIES, STATEMENT])
    assert italy is not None and italy.short == "No" and italy.evidence_index == 1
    other = evidence(ALLIES, "Spain, Portugal, Qatar and Greece voted for it.")
    assert membership_answer(question, other) is None
    # a list that ends in no group is the whole group: another list naming the member does not overrule it
    closed = evidence("In a joint statement with the United States, Britain, France and Germany, Turkey said so.",
                      "France, Germany and Qatar opposed it.")
    assert membership_answer(question, closed) is None or membership_answer(question, closed).short != "Yes"
