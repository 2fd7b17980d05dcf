"""Yes or no read from the settling sentence (qa/polarity.py)."""

from __future__ import annotations

import pytest

from index.article import ArticleRef
from qa.citations import Citation
from qa.polarity import quote_saying_no, settled_no


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
])
def test_a_negated_answer_is_no(sentence, question):
    assert settled_no(sentence, question)


@pytest.mark.parametrize("sentence, question", [
    ("I have decided to recuse myself from any investigations.", "Did Jeff Sessions recuse himself from investigations?"),
    ("The Fed has raised the base interest rate by 25 basis points.", "Did the Federal Reserve raise interest rates?"),
    # a "not" about something else is no answer to the question
    ("He did not comment, but said the talks were held in Astana.", "Were the talks held in Astana?"),
    # a negated question is left alone
    ("The dam did not fail.", "Didn't the dam fail?"),
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
