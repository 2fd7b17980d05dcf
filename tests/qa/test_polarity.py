"""Yes or no read from the settling sentence (qa/polarity.py)."""

from __future__ import annotations

import pytest

from index.article import ArticleRef
from qa.citations import Citation
from qa.polarity import quote_saying_no, settled_no, settling_no, unshown_no


@pytest.mark.parametrize("sentence, question", [
    ("The dam did not fail, but the spillway crumbled.", "Did the Oroville Dam itself fail during the crisis?"),
    ("A Derry man has been found not guilty of possessing explosives.", "Was the Derry man convicted of possessing explosives?"),
    ("The G20 failed to get Washington to sign-off on a pledge.", "Did the United States sign up to the G20 pledge?"),
    ("There have been no reports that authorities found devices.", "Were any explosive devices found at the centres?"),
    ("Ireland does not recognise Travellers as a separate ethnicity.", "Does Ireland recognise Travellers as an ethnic group?"),
    ("Its views don't reflect those of the secretary-general.", "Does the report reflect the views of the secretary-general?"),
    # "U.S." is one word within the negation's reach (a held-out sample-article question)
    ("Russia does not consider the U.S.-backed Free Syrian Army rebels a terrorist group, Lavrov said.",
     "Does Russia regard the U.S.-backed Free Syrian Army as a terrorist group, according to Sergei Lavrov?"),
    # the clause after "but" states nothing asked: the "not" stands
    ("Russia targeted not ISIL but moderate rebels, the coalition said.", "Did Russia target ISIL?"),
    # blind s23-15: the name between the "not" and what is negated is passed over
    ("Russia does not consider the U.S.-backed Free Syrian Army rebels a terrorist group and they should be part of "
     "a political solution in Syria, Lavrov said Oct. 1.",
     "Does Russia regard the Free Syrian Army as a terrorist group?"),
])
def test_a_negated_answer_is_no(sentence, question):
    assert settled_no(sentence, question)


@pytest.mark.parametrize("sentence, question", [
    ("I have decided to recuse myself from any investigations.", "Did Jeff Sessions recuse himself from investigations?"),
    ("The Fed has raised the base interest rate by 25 basis points.", "Did the Federal Reserve raise interest rates?"),
    # a "not" about something else is no answer to the question
    ("He did not comment, but said the talks were held in Astana.", "Were the talks held in Astana?"),
    # a name reached only by passing over others is not what is negated
    ("The coalition was almost never hitting the positions of Jabhat al-Nusra in Moscow's view.",
     "Did Moscow say its air strikes were aimed at ISIL?"),
    # a negated question is left alone
    ("The dam did not fail.", "Didn't the dam fail?"),
    # blind s20-15: the "not" is about the rebels' label; what is asked of them is stated in the next clause
    ("Russia does not consider the U.S.-backed Free Syrian Army rebels a terrorist group and they should be part of "
     "a political solution in Syria, Lavrov said Oct. 1.",
     "Did Lavrov say the U.S.-backed Free Syrian Army should be part of a political solution in Syria?"),
])
def test_other_sentences_are_not_a_no(sentence, question):
    assert not settled_no(sentence, question)


def _citation(quote: str) -> Citation:
    ref = ArticleRef("a", "Clashes", "Al Jazeera", "2017-02-27", None)
    return Citation(1, ref, quote, 0, quote, 0, len(quote), True)


def test_a_yes_whose_quote_says_not_is_caught_and_only_a_yes():
    question = "Did the separatists report casualties on their own side?"
    saying_no = _citation("There were no casualties on their side, the separatists said.")
    agreeing = _citation("The separatists reported casualties on their side.")
    assert quote_saying_no("Yes", question, [agreeing, saying_no]) is saying_no
    assert quote_saying_no("Yes.", question, [agreeing]) is None
    assert quote_saying_no("No", question, [saying_no]) is None
    assert quote_saying_no(None, question, [saying_no]) is None


LAVROV = ("“We all want Syria to be democratic, united and secular – a Syria which is a home for all ethnic groups whose "
          "rights are guaranteed, but we have some differences as for the details on how to get there,” Lavrov said.")
NO_DIFFERENCES = "Did Lavrov say Russia and the United States had no differences over how to reach a political solution?"


@pytest.mark.parametrize("sentence, question", [
    # blind s11-15: "Yes" over a shown sentence that counts what the question says there was none of
    (LAVROV, NO_DIFFERENCES),
    ("Police made three arrests after the blast.", "Did Police say there were no arrests after the blast?"),
    ("Police said several protesters were arrested.", "Were no protesters arrested, according to police?"),
])
def test_a_sentence_counting_what_the_question_says_there_was_none_of_is_a_no(sentence, question):
    assert settled_no(sentence, question)


@pytest.mark.parametrize("sentence, question", [
    ("There were no casualties on their side, the separatists said.", "Were there no casualties on their side?"),
    # a count of something else, or of the thing but about someone the question does not name
    ("Lavrov said there are some questions left.", NO_DIFFERENCES),
    ("We have some differences with Paris, Merkel said.", NO_DIFFERENCES),
])
def test_no_count_of_it_or_another_story_is_no_no(sentence, question):
    assert not settled_no(sentence, question)


def test_the_shown_sentence_settling_no_is_the_best_or_one_counting_what_is_denied():
    other = "Russia does not consider the Free Syrian Army a terrorist group, Lavrov said Oct. 1."
    assert settling_no(NO_DIFFERENCES, (1, other), [(1, other), (0, LAVROV)]) == (0, LAVROV)
    dam = "The dam did not fail, but the spillway crumbled."
    assert settling_no("Did the Oroville Dam itself fail?", (2, dam), [(2, dam)]) == (2, dam)
    assert settling_no("Did the Oroville Dam itself fail?", (2, "It held."), [(2, "It held.")]) is None
    assert settling_no(NO_DIFFERENCES, None, []) is None


def test_a_sentence_of_a_given_passage_not_shown_settles_no_when_it_holds_most_of_the_question():
    # demo-039: the sentence saying no sat in a passage the answer cites, not among the four shown
    question = "Does the UN report accusing Israel of apartheid reflect the views of the UN secretary-general?"
    passage = ("Israel's ambassador called the report a lie. UN spokesman Stephane Dujarric, when asked about the "
               "report, said it was published without any prior consultations with the UN Secretariat and its views "
               "do not reflect those of the secretary-general. The report was authored by two critics of Israel.")
    assert unshown_no(question, [(0, "The report was authored by two critics."), (1, passage)]) == (
        1, passage[passage.index("UN spokesman"):passage.index(" The report was")])
    # a "not" about something else, or a sentence holding little of the question, settles nothing
    assert unshown_no(question, [(0, "The report does not name the UN's other agencies.")]) is None
    assert unshown_no(question, [(0, "Critics do not reflect on it.")]) is None


RAQQA = "Russia, however, said it had bombed the ISIL stronghold of Raqqa for the first time on the third day of its campaign."


@pytest.mark.parametrize("question", [
    "Had Russia bombed Raqqa before the third day of its air campaign?",  # blind s26-14
    "According to Russia, had it bombed Raqqa before the third day of its air campaign?",  # blind s21-13
])
def test_what_first_happened_at_a_moment_had_not_happened_before_it(question):
    assert settled_no(RAQQA, question)


@pytest.mark.parametrize("question", [
    "Did Russia bomb Raqqa on the third day of its campaign?",  # no "before": a plain Yes
    "Had Russia bombed Aleppo before the third day?",  # another place
    "Had Russia bombed Raqqa before October?",  # another moment
])
def test_a_first_time_says_nothing_of_other_moments_or_acts(question):
    assert not settled_no(RAQQA, question)


def test_a_negation_of_something_else_is_no_no_beside_a_sentence_stating_the_claim():
    # blind s56-13: "No" over the rebels "not … a terrorist group", beside the sentence saying they saw eye-to-eye
    from qa.polarity import affirmed_elsewhere
    question = ("Did Lavrov claim Moscow and the U.S.-led coalition saw eye-to-eye on targeting ISIL and other "
                "terrorist groups?")
    rebels = ("Russia does not consider the U.S.-backed Free Syrian Army rebels a terrorist group and they should be "
              "part of a political solution in Syria, Lavrov said Oct. 1.")
    eye = ("He told a news conference at the United Nations that Russian troops were targeting ISIL and \"other "
           "terrorist groups\" in Syria and saw eye-to-eye with the U.S.-led coalition on this.")
    assert settled_no(rebels, question)  # alone, it reads as a denial
    assert affirmed_elsewhere(rebels, question, [eye])
    assert not settled_no(rebels, question, [eye])
    assert settling_no(question, (0, rebels), [(1, eye)]) is None
    # a denial of the claim itself stands beside a sentence that restates it
    denial = "Lavrov said Moscow and the coalition did not see eye-to-eye on targeting terrorist groups."
    assert settled_no(denial, question, [eye])
