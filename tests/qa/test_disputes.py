"""Disputed claims (issue 8, item 1): a claim and its denial are answered with both sides."""

from __future__ import annotations

import pytest

from index.article import ArticleRef
from index.text import content_words
from qa.disputes import (asks_what_was_said, denies_question, disputed_answer, disputed_sides, offered_answers,
                         unshown_denial)
from qa.evidence import Evidence
from qa.retrieval import Passage


def evidence(*bodies: str) -> list[Evidence]:
    """One evidence item per body, every sentence shown."""
    out = []
    for n, body in enumerate(bodies):
        url = f"https://news.example/{n}"
        p = Passage(f"{url}#0", ArticleRef(url, f"Story {n}", "Wire", "2017-03-01", url), body, 0, len(body), 0.5)
        out.append(Evidence(p, body, ((0, len(body)),), 0.5))
    return out


SAMSUNG = ("Samsung is accused of giving donations to foundations in exchange for government favours. "
           "In a hearing, Samsung admitted giving 20.4bn won to two foundations, but denied seeking favours in return.")


@pytest.mark.parametrize("sentence", [
    "Samsung admitted giving 20.4bn won, but denied seeking favours in return.",
    "Moscow has denied any military ambitions in the region.",
    "Putin again rejected allegations that Russia has a state doping program.",
    "Adam Schiff rejected Sessions's claim that his contacts were unrelated to the campaign.",
    "The World Bank has disputed the report's findings on its engagement.",
])
def test_a_denial_of_a_claim_is_a_dispute(sentence):
    words = content_words("Did Samsung seek favours? Does Moscow have military ambitions? Does Russia have a state "
                          "doping program? Were the contacts unrelated to the campaign? Are the report's findings right?")
    assert denies_question(sentence, words)


@pytest.mark.parametrize("sentence", [
    "But the judge denied her appeal against the deportation order.",
    "A judge denied a permanent restraining order against Moreno.",
    "Dodon earlier rejected several candidates for ambassador posts.",
    "Being denied entry to businesses is a common occurrence.",
])
def test_a_decision_is_no_dispute(sentence):
    words = content_words("Was the deportation appeal against the restraining order for ambassador posts entry "
                          "to businesses candidates Moreno?")
    assert not denies_question(sentence, words)


def test_a_denial_of_something_else_is_no_dispute():
    # "Sessions denied any impropriety" does not dispute whether he recused himself.
    words = content_words("Did Jeff Sessions recuse himself from investigations of the presidential campaigns?")
    assert not denies_question("Sessions denied any impropriety or that he lied about those encounters.", words)


def test_a_disputed_yes_no_question_gets_the_claim_and_the_denial():
    sides = disputed_sides("Did Samsung seek favours in return for its donations?", evidence(SAMSUNG))
    assert [s.denies for s in sides] == [False, True]
    assert "accused of giving donations" in sides[0].sentence and "denied seeking favours" in sides[1].sentence
    text = disputed_answer(sides)
    assert text.count("[1]") == 2 and text.startswith("“Samsung is accused")


def test_the_denial_cites_its_own_passage():
    claim = "Prosecutors say the mayor took bribes from the builder of the new bridge."
    denial = "The mayor denied taking bribes from the builder."
    sides = disputed_sides("Did the mayor take bribes from the builder?", evidence(claim, denial))
    assert [(s.evidence_index, s.denies) for s in sides] == [(0, False), (1, True)]


@pytest.mark.parametrize("question", [
    "Did Samsung deny seeking favours?",  # asks about the denial itself: a plain yes/no
    "What did Samsung give the two foundations?",  # not a yes/no question
    "Did the harbour council approve the timetable?",  # nothing denied about it
])
def test_other_questions_are_not_disputes(question):
    assert disputed_sides(question, evidence(SAMSUNG, "The harbour council approved the timetable.")) == []


STRIKES = ("Russia continued air strikes, prompting Turkey to demand that Moscow cease its attacks on the Syrian "
           "opposition and focus on fighting ISIL. Davutoğlu rejected Moscow's insistence that its campaign of air "
           "strikes was aimed at ISIL. Lavrov said Russian troops were targeting ISIL and other terrorist groups.")


@pytest.mark.parametrize("question", [
    "Who is the target of Russia's air strikes in Syria: ISIL or the Syrian opposition?",  # held-out s6-07
    "Did Russia's air strikes target ISIL or the Syrian opposition?",
])
def test_an_either_or_question_with_a_denial_gets_both_sides(question):
    sides = disputed_sides(question, evidence(STRIKES))
    assert [s.denies for s in sides] == [False, True]
    # the claim is the sentence stating the option denied (ISIL), not one naming both options
    assert sides[0].sentence.startswith("Lavrov said") and sides[1].sentence.startswith("Davutoğlu rejected")


EITHER_OR = "Are Russia's air strikes in Syria hitting ISIL and terrorist groups, or the Syrian opposition and civilians?"


def _shown_first_two(body: str) -> tuple[list[Evidence], Passage]:
    """Evidence showing only the first two sentences of `body`, and the whole passage it came from."""
    [whole] = evidence(body)
    cut = body.index("Davutoğlu")
    return [Evidence(whole.passage, body[:cut].strip(), ((0, cut - 1),), 0.5)], whole.passage


ACCUSED = ("Turkish Prime Minister Ahmet Davutoğlu accused Russia on Oct. 2 of targeting moderate Syrian rebels in its "
           "air strikes in Syria to prop up the government of President Bashar al-Assad.")


@pytest.mark.parametrize("question", [
    "Who is Russia really targeting in its Syria air strikes?",  # blind s32-16, answered one side
    "Who were Russia's air strikes in Syria actually aimed at?",  # blind s34-16, answered one side
    # held-out s65-16: asked after a lead-in, "ISIL" flagged as an echo
    "my teacher said russia started bombing syria, so who were they actually bombing, ISIL or somebody else?",
])
def test_a_question_asking_what_is_really_so_with_a_denial_gets_both_sides(question):
    sides = disputed_sides(question, evidence(ACCUSED + " " + STRIKES))
    assert [s.denies for s in sides] == [False, True]
    assert "accused Russia" in sides[0].sentence and "rejected Moscow's insistence" in sides[1].sentence


@pytest.mark.parametrize("question", [
    "Who is Russia targeting in its Syria air strikes?",  # no doubt in the question: the accusation answers it
    "How did Davutoğlu describe the outcome of the Russian air strikes?",  # blind s30-09: a description asked
    "What is Russia really bombing in Paris?",  # nothing denied about what it asks
    "my teacher said russia really is bombing syria, so who was it?",  # the doubt is in the lead-in, not the ask
])
def test_a_wh_question_without_really_or_without_a_denial_of_it_is_no_dispute(question):
    assert disputed_sides(question, evidence(ACCUSED + " " + STRIKES)) == []


def test_an_option_named_against_somebody_else_has_its_unshown_denial_found():
    # held-out s65-16: the denial of ISIL was in the passage but not among the sentences shown
    question = "my teacher said russia started bombing syria, so who were they actually bombing, ISIL or somebody else?"
    shown, passage = _shown_first_two(STRIKES)
    denial = unshown_denial(question, [passage], shown)
    assert denial is not None and denial.text.startswith("Davutoğlu rejected")
    assert [s.denies for s in disputed_sides(question, [*shown, denial])] == [False, True]


def test_an_either_or_questions_unshown_denial_of_an_option_is_found_and_settles_the_dispute():
    # blind s21-16: the denial was in the passage but not among the sentences shown, so no dispute was seen
    shown, passage = _shown_first_two(STRIKES)
    assert disputed_sides(EITHER_OR, shown) == []
    denial = unshown_denial(EITHER_OR, [passage], shown)
    assert denial is not None and denial.text.startswith("Davutoğlu rejected")
    assert [s.denies for s in disputed_sides(EITHER_OR, [*shown, denial])] == [False, True]


def test_a_lower_case_question_names_what_the_passages_write_as_a_name():
    # held-out s64-16: "hitting isil with these strikes" named nothing capitalised, so every word had to be denied
    question = "is russia actually hitting isil with these strikes or going after the opposition?"
    shown, passage = _shown_first_two(STRIKES)
    denial = unshown_denial(question, [passage], shown)
    assert denial is not None and denial.text.startswith("Davutoğlu rejected")
    assert [s.denies for s in disputed_sides(question, [*shown, denial])] == [False, True]


def test_rather_than_offers_two_answers_as_or_does():
    # blind s57-16: "Yes", the statement's sentence cited; the denial was not among the sentences shown
    question = "Is Russia's air campaign in Syria being directed at ISIL rather than at the Syrian opposition?"
    assert offered_answers(question) == ("at ISIL", "at the Syrian opposition")
    assert offered_answers("Did Kerry fly to Geneva instead of New York?") == ("Geneva", "New York")
    assert offered_answers("Is Russia's air campaign in Syria directed at ISIL?") is None
    shown, passage = _shown_first_two(STRIKES)
    denial = unshown_denial(question, [passage], shown)
    assert denial is not None and denial.text.startswith("Davutoğlu rejected")
    assert [s.denies for s in disputed_sides(question, [*shown, denial])] == [False, True]


def test_an_unshown_denial_is_looked_for_only_for_either_or_questions_and_only_of_an_option():
    shown, passage = _shown_first_two(STRIKES)
    assert unshown_denial("Did Russia's air strikes hit ISIL targets in Syria?", [passage], shown) is None
    assert unshown_denial("Are the strikes hitting Raqqa, or the Syrian opposition?",
                          [passage], shown) is None  # it denies ISIL, neither option


def test_a_yes_no_question_sharing_one_word_with_a_denial_is_no_dispute():
    # held-out s10-17: a question about a remark's newspapers against a denial about the strikes' aim
    remark = ("“The outcome is very worrisome,” Davutoğlu was quoted as saying in several Turkish dailies. " + STRIKES)
    question = "Was Davutoğlu's remark about the outcome of Russia's strikes carried by just one Turkish newspaper?"
    assert disputed_sides(question, evidence(remark)) == []
    # two shared words make it one (the real disputes on record share 2-6)
    assert [s.denies for s in disputed_sides("Were Russia's air strikes aimed at ISIL?", evidence(STRIKES))] == [
        False, True]
    # one word is enough when it is most of what is denied ("denied any wrongdoing")
    assert [s.denies for s in disputed_sides("Was Samsung involved in wrongdoing in the scandal?", evidence(
        "Samsung is accused of wrongdoing in the corruption scandal. Samsung denied any wrongdoing."))] == [False, True]
    # an either-or question's options name the dispute: one shared word is enough (held-out s8-15)
    either = "Is Russia bombing Syria to fight ISIL or to shore up Assad?"
    assert [s.denies for s in disputed_sides(either, evidence(STRIKES))] == [False, True]


STATEMENT = ("The joint statement said the attacks by the Russian Air Force on Hama, Homs and Idlib led to "
             "civilian casualties. Davutoğlu rejected Moscow's insistence that its campaign of air strikes "
             "launched this week was aimed at ISIL.")


@pytest.mark.parametrize("question, asked", [
    ("Did the joint statement say the Russian air strikes had caused civilian casualties?", True),
    ("Did the coalition's joint statement say the Russian attacks led to civilian casualties?", True),
    ("Did Lavrov claim that Russia sees eye-to-eye with the coalition?", True),
    ("Does Russia run a state doping programme?", False),  # "state" is no verb of saying here
    ("Did the World Bank accept the BIC report's findings?", False),
    ("Does the UN report accusing Israel of apartheid reflect the views of the secretary-general?", False),
    ("Did Ahmet Davutoğlu accept Moscow's claim that its air strikes were aimed at ISIL?", False),
])
def test_a_question_about_what_one_source_said_is_told_apart(question, asked):
    assert asks_what_was_said(question) is asked


def test_another_partys_denial_does_not_dispute_what_a_source_said():
    # blind held-out s18-13: answered "Disputed" because Davutoğlu's denial shares "air strikes" with it
    question = "Did the joint statement say the Russian air strikes had caused civilian casualties?"
    assert disputed_sides(question, evidence(STATEMENT)) == []
    assert disputed_sides("Were the Russian air strikes aimed at ISIL?", evidence(STATEMENT))  # still a dispute
