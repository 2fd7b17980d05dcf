"""A person answered for a qualified role must be tied to it somewhere (qa/role_tie.py)."""

from __future__ import annotations

import pytest

from qa.role_tie import asked_role, role_untied

# Sentences of the shared sample article (written out here, not read from ../shared).
SAMPLE = ("The Pentagon held talks with officials in Moscow on Oct. 1 in a bid to avoid mishaps in the region. "
          "Turkish Foreign Minister Feridun Sinirlioğlu met with Kerry in New York on Oct. 1 to discuss the Syria "
          "issue. Kerry said both men would take the proposals they discussed back to their respective leaders, "
          "presidents Barack Obama and Vladimir Putin. Secretary of State John Kerry spoke to his Russian "
          "counterpart on the phone.")
PENTAGON = "Which Pentagon official led the Oct. 1 talks with Russian officials in Moscow?"


@pytest.mark.parametrize("question, asked", [
    (PENTAGON, ({"pent"}, "official")),
    ("Which U.S. president did Kerry say the proposals would go back to?", ({"us"}, "president")),
    ("What Turkish foreign minister met Kerry?", ({"turk"}, "minister")),
])
def test_a_qualified_role_is_read_off_the_question(question, asked):
    assert asked_role(question) == asked


@pytest.mark.parametrize("question", ["Which senior official led the talks?", "Who led the Pentagon talks?",
                                      "Which city did Kerry visit?"])
def test_other_questions_ask_no_qualified_role(question):
    assert asked_role(question) is None


def test_a_name_never_tied_to_the_qualifier_or_the_role_is_untied():
    assert role_untied(PENTAGON, "Kerry", [SAMPLE])  # blind s20-20, s22-20: he is the Secretary of State
    assert role_untied(PENTAGON, "John Kerry", [SAMPLE])


@pytest.mark.parametrize("question, short", [
    ("Which U.S. president did Kerry say the proposals would go back to?", "Barack Obama"),  # "presidents Barack Obama"
    ("Which Turkish official met Kerry in New York?", "Feridun Sinirlioğlu"),  # "Turkish Foreign Minister …"
    ("Which Russian president did Kerry mention?", "Vladimir Putin"),  # "Russian" meets nothing, "presidents" does
])
def test_a_name_tied_by_the_qualifier_or_the_role_stands(question, short):
    assert not role_untied(question, short, [SAMPLE])


def test_the_questions_own_words_with_a_count_name_nobody():
    assert role_untied("Which Pentagon officials took part in the Oct. 1 talks?", "two Pentagon officials", [SAMPLE])
    assert not role_untied("Which Pentagon officials took part in the talks?", "Peter Cook", [SAMPLE])  # not named


def test_a_short_answer_that_is_no_name_is_left_to_the_other_checks():
    assert not role_untied(PENTAGON, "the head of the delegation", [SAMPLE])


def test_a_list_of_names_none_tied_is_untied():
    question = "Which Pentagon officials took part in the Oct. 1 talks with Moscow?"
    assert role_untied(question, "Kerry and Putin", [SAMPLE])  # the e2e test's answer, 2026-12-06
    assert not role_untied("Which U.S. presidents did Kerry name?", "Barack Obama and Vladimir Putin", [SAMPLE])
