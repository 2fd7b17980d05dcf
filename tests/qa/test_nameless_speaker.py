"""A "who said it?" answered with the role the article gives when it names nobody (qa/nameless_speaker.py)."""

from __future__ import annotations

import pytest

from qa.nameless_speaker import speaker_role

DUMA = ("Russia estimates its air strike campaign in Syria could last three to four months, the head of the foreign "
        "affairs committee at the State Duma, said Oct. 1.")
ROLE = "the head of the foreign affairs committee at the State Duma"


@pytest.mark.parametrize("question", [
    "Which official gave Russia's estimate of how long the air campaign in Syria might last?",  # blind s13-11
    "Which Russian official gave the estimate of how long the bombing campaign would last?",  # blind s28-11
    "Who is credited in the article with Russia's estimate that the air campaign could last three to four months?",
    "Who said Russia's campaign could last three to four months?",
])
def test_a_who_question_answered_by_a_nameless_role_gets_the_role(question):
    assert speaker_role(question, "Lavrov", DUMA) == ROLE
    assert speaker_role(question, None, DUMA) == ROLE


@pytest.mark.parametrize("question, short, sentence", [
    # the question asks the name of the role: the role is no answer (unanswerable, qa/role_names.py)
    ("What is the name of the head of the State Duma's foreign affairs committee who estimated it?", "Lavrov", DUMA),
    ("Who is the head of the foreign affairs committee at the State Duma who said it could last months?", "Lavrov",
     DUMA),
    ("How long could Russia's campaign last?", "three to four months", DUMA),  # not a "who" question
    ("Who said the campaign could last months?", "Ahmet Davutoğlu",  # named before the role
     "The campaign could last months, Ahmet Davutoğlu, the Turkish prime minister, said."),
    ("Who said the campaign could last months?", "the head", DUMA),  # the model's answer is in the sentence
    ("Who met Kerry in New York to discuss the talks?", "Lavrov", DUMA),  # the sentence answers something else
    # blind s17-16: asked whom the strikes hit, not who said something about them
    ("Who are Russia's air strikes in Syria estimated to be hitting for three to four months?", "ISIL", DUMA),
    ("Who did Russia's air strike campaign in Syria target, three to four months, the Duma said?", None, DUMA),
])
def test_a_named_speaker_another_question_or_an_answer_in_the_sentence_is_left_alone(question, short, sentence):
    assert speaker_role(question, short, sentence) is None


def test_the_role_is_read_from_the_sentence_holding_the_questions_words_not_the_next_one():
    # blind s44-19 (unanswerable): the quote ran over two sentences, and the Duma head of the second was given
    # for "Which Pentagon official led the Oct. 1 talks …?"
    pentagon = ("The Pentagon held talks with officials in Moscow on Oct. 1 in a bid to avoid mishaps in the region "
                "between the two military powers.")
    question = "Which Pentagon official led the Oct. 1 talks with officials in Moscow on avoiding mishaps in Syria?"
    assert speaker_role(question, "Kerry", pentagon + "\n\n" + DUMA) is None
    # the role of the sentence that does hold the question's words is still read off a two-sentence quote
    assert speaker_role("Which official gave Russia's estimate of how long the air campaign in Syria might last?",
                        "Lavrov", pentagon + "\n\n" + DUMA) == ROLE
