"""A person answered for a qualified role must be tied to it somewhere (qa/role_tie.py)."""

from __future__ import annotations

import pytest

from qa.role_tie import asked_role, role_untied, titled_holder

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
    # held-out s64-18, typed in lower case: the qualifier's words that are no title word
    ("whats the name of the duma foreign affairs committee head who gave the 3-4 month estimate",
     ({"duma", "affa", "comm"}, "head")),
    ("What's the name of the State Duma foreign affairs committee chief who gave the estimate?",
     ({"stat", "duma"}, "chief")),
])
def test_a_qualified_role_is_read_off_the_question(question, asked):
    assert asked_role(question) == asked


@pytest.mark.parametrize("question", ["Which senior official led the talks?", "Who led the Pentagon talks?",
                                      "Which city did Kerry visit?", "which senior official led the talks?",
                                      "Which US body held talks with officials in Moscow?",  # a clause before the role
                                      "Which Supreme Court ruling did President Joe Biden describe as devastating?"])
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


LAVROV = ("The United States and Russia will hold a military meeting soon to avoid accidental conflict in Syria, Kerry "
          "said after meeting Russian Foreign Minister Sergei Lavrov.")
RUSSIAN_FM = "What is the name of the Russian foreign minister Kerry met before announcing military talks?"


def test_a_name_titled_for_another_countrys_office_is_untied():
    # blind s24-09: "Feridun Sinirlioğlu", Turkey's foreign minister, for the Russian one
    assert asked_role(RUSSIAN_FM) == ({"russ"}, "minister")
    assert role_untied(RUSSIAN_FM, "Feridun Sinirlioğlu", [SAMPLE])
    assert not role_untied(RUSSIAN_FM, "Sergei Lavrov", [LAVROV])
    assert not role_untied("Who is the Turkish foreign minister who met Kerry?", "Feridun Sinirlioğlu", [SAMPLE])


def test_the_one_person_a_sentence_titles_with_the_role_asked_is_its_holder():
    assert titled_holder(RUSSIAN_FM, [SAMPLE, LAVROV]) == (1, "Sergei Lavrov")
    assert titled_holder("Which Turkish foreign minister met Kerry?", [LAVROV, SAMPLE]) == (1, "Feridun Sinirlioğlu")
    assert titled_holder(PENTAGON, [SAMPLE, LAVROV]) is None  # nobody is titled so
    two = "Russian Foreign Minister Sergei Lavrov and Russian Deputy Foreign Minister Sergei Ryabkov spoke."
    assert titled_holder(RUSSIAN_FM, [two]) is None  # two holders: no one answer


def test_a_role_asked_without_the_and_answered_with_its_own_words_names_nobody():
    # blind s26-06: "Who is Turkey's foreign minister, as named in the report?" → "Turkish foreign minister"
    question = "Who is Turkey's foreign minister, as named in the report?"
    assert asked_role(question) == ({"turk"}, "minister")
    assert role_untied(question, "Turkish foreign minister", [SAMPLE])
    assert titled_holder(question, [LAVROV, SAMPLE]) == (1, "Feridun Sinirlioğlu")
    assert asked_role("Who was arrested in Seoul?") is None


def test_a_name_never_beside_the_committee_asked_about_is_not_its_head():
    # held-out s64-18 (unanswerable): "Lavrov", unflagged; the sample's scrape lost the committee head's name
    duma = ("Russia estimates its air strike campaign in Syria could last three to four months, the head of the "
            "foreign affairs committee at the State Duma, said Oct. 1. Russia does not consider the Free Syrian Army a "
            "terrorist group, Lavrov said Oct. 1.")
    question = "whats the name of the duma foreign affairs committee head who gave the 3-4 month estimate"
    assert role_untied(question, "Lavrov", [duma])
    assert not role_untied(question, "Lavrov", [duma + " Lavrov heads the Duma's foreign affairs committee."])
