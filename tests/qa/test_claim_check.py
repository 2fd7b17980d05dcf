"""A reported claim followed by "Is that correct?" asked as the yes/no question it is (qa/claim_check.py)."""

from __future__ import annotations

import pytest

from qa.claim_check import claim_as_question


@pytest.mark.parametrize("text, question", [
    # held-out s68-13 and s68-14, both gold No, answered "yes"
    ("A social media post says the Dutch government was among the signatories of the joint statement criticising "
     "Russia's strikes in Syria. Is that correct?",
     "Was the Dutch government among the signatories of the joint statement criticising Russia's strikes in Syria?"),
    ("Someone claims Lavrov said Russia regards the U.S.-backed Free Syrian Army as a terrorist group. Is that what "
     "the article reports?",
     "Did Lavrov say Russia regards the U.S.-backed Free Syrian Army as a terrorist group?"),
    ("A blogger wrote that Russia regards the Free Syrian Army as terrorists. Is this true?",
     "Does Russia regard the Free Syrian Army as terrorists?"),
    ("One tweet claimed that Turkey has signed the statement. Does the article support that?",
     "Has Turkey signed the statement?"),
])
def test_a_reported_claim_then_is_that_correct_is_asked_as_its_yes_no_question(text, question):
    assert claim_as_question(text) == question


@pytest.mark.parametrize("text", [
    "Was the Dutch government among the signatories?",  # already a question
    "Someone posted that the statement condemned attacks on Aleppo. Which places does it name?",  # a wh-ask
    "A post says Russian attacks hit Aleppo. Is that correct?",  # "attacks", "hit": nouns too; no verb to ask with
    "Is that correct?",  # no claim
])
def test_other_questions_are_left_as_they_are(text):
    assert claim_as_question(text) == text
