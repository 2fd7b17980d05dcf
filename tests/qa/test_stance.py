"""Did X accept Y? A stance question answered "No" by the party's own denial (qa/stance.py)."""

from __future__ import annotations

import pytest

from index.text import content_words
from qa.disputes import disputed_sides
from qa.stance import asked_stance, stance_denial
from test_disputes import evidence  # one evidence item per body, every sentence shown

# The shared sample article's sentences (written out here, not read from ../shared).
REJECTED = ("Speaking to Turkish reporters on his plane as he returned from the U.N. General Assembly in New York, "
            "Davutoğlu rejected Moscow's insistence that its campaign of air strikes launched this week was "
            "aimed at ISIL.")
CLAIM = ("Russia continued air strikes for a third day on Oct. 2, prompting Turkey and its partners to demand that "
         "Moscow cease its attacks on the Syrian opposition.")
ACCEPT = "Did Ahmet Davutoğlu accept Moscow's insistence that its air strikes were aimed at ISIL?"
# demo-116's article (DW, 2017): the World Bank disputes a report it is asked to have accepted.
BANK = ("But the World Bank has apparently disputed the report's findings, which 'grossly misrepresent the World "
        "Bank's engagement in these countries,' a spokesperson for the World Bank told BBC News.")


@pytest.mark.parametrize("question, party", [
    (ACCEPT, "Ahmet Davutoğlu"),
    ("Does the World Bank agree with the BIC report's findings?", "World Bank"),
    ("Has Turkey's prime minister endorsed the Russian campaign?", "Turkey prime minister"),
])
def test_a_stance_question_names_its_party(question, party):
    asked = asked_stance(question)
    assert asked is not None and asked[0] == content_words(party)


@pytest.mark.parametrize("question", [
    "Did Davutoğlu reject Moscow's insistence?",           # asks about the denial itself
    "Did Russia take the proposals back to Moscow?",      # "back" here is no stance, and the party no name
    "Did the strikes target ISIL?",
    "Who accepted the proposal?",
])
def test_other_questions_ask_no_stance(question):
    assert asked_stance(question) is None


def test_the_partys_own_denial_answers_no_with_the_denial_quoted():
    found = stance_denial(ACCEPT, evidence(CLAIM, REJECTED))
    assert found is not None and found.evidence_index == 1
    assert found.answer_text() == f"“{REJECTED}” [2]"
    # without the rule the same evidence is laid out as a dispute
    assert disputed_sides(ACCEPT, evidence(CLAIM, REJECTED))


def test_a_body_denying_the_report_it_is_asked_about():
    question = ("Did the World Bank accept the BIC report's findings about its engagement in Indonesia, Peru, "
                "Egypt and Mozambique?")
    assert stance_denial(question, evidence(BANK)) is not None


def test_another_partys_denial_is_not_the_partys():
    said = "Davutoğlu said Russia rejected claims that its air strikes were aimed at the opposition."
    assert stance_denial(ACCEPT, evidence(said)) is None
    earlier = ("Davutoğlu spoke in New York on Thursday while the Kremlin and its ministers in Moscow once again "
               "rejected claims that its air strikes were aimed at ISIL.")
    assert stance_denial(ACCEPT, evidence(earlier)) is None  # named too far back


def test_a_denial_of_something_else_does_not_answer():
    other = "Davutoğlu rejected any talk of a no-fly zone over northern Syria."
    assert stance_denial(ACCEPT, evidence(other)) is None
