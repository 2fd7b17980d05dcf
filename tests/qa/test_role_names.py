"""A name given for a role the passages describe without naming anyone (qa/role_names.py)."""

from __future__ import annotations

import pytest

from qa.role_names import quote_names_role, role_asked, role_unnamed

DUMA = ("Russia estimates its air strike campaign in Syria could last three to four months, the head of the foreign "
        "affairs committee at the State Duma, said Oct. 1.")
LAVROV = "Russia does not consider the Free Syrian Army a terrorist group, Lavrov said Oct. 1."
QUESTION = ("What is the name of the head of the State Duma's foreign affairs committee who estimated how long "
            "Russia's Syria campaign could last?")


def test_a_name_from_another_sentence_for_a_role_described_nameless_is_named():
    # held-out s4-06 and blind s5-03: the scraped article lost the committee head's name
    assert role_asked(QUESTION) == "head of the State Duma's foreign affairs committee"
    assert role_unnamed(QUESTION, "Lavrov", [DUMA, LAVROV])


def test_a_role_asked_without_its_articles_is_read():
    # blind s60-18 (unanswerable): "Lavrov", unflagged, for a question leaving out "the"
    question = "what is name of head of foreign affairs committee at State Duma who gave estimate for campaign"
    assert role_asked(question) == "head of foreign affairs committee at State Duma"
    assert role_unnamed(question, "Lavrov", [DUMA, LAVROV])
    assert role_asked("What is the name of Kerry's counterpart?") is None  # a name, not a role
    assert role_asked("what is name of Turkish foreign minister who met Kerry?") is None


@pytest.mark.parametrize("question, short, sentences", [
    (QUESTION, "Alexei Pushkov", [DUMA, "Alexei Pushkov, head of the Duma's foreign affairs committee, said so."]),
    # demo-009: the role and the first name in one sentence, the full name elsewhere
    ("Who is the Palestinian social worker who washes the bodies?", "Warda Alkenawy",
     ["Warda Alkenawy prepares for the washing.", "As a trained social worker, Warda knows how to deal with trauma."]),
    (QUESTION, "Lavrov", [LAVROV]),  # no sentence describes the role: not this check's business
    ("Who was arrested over the bomb threats?", "David Jacobs", [DUMA]),  # no role asked
])
def test_a_role_named_with_the_answer_or_not_described_is_left_alone(question, short, sentences):
    assert not role_unnamed(question, short, sentences)


def test_a_quote_for_a_role_must_name_someone_where_it_describes_the_role():
    # s4-06 re-asked: the model abstained and the fallback quoted the nameless sentence with the next one
    assert not quote_names_role(QUESTION, f"{DUMA}\n\n{LAVROV}")
    assert quote_names_role(QUESTION, "Alexei Pushkov, the head of the foreign affairs committee at the State Duma, "
                                      "said Oct. 1 the campaign could last months.")
    assert quote_names_role("When did Lavrov speak?", DUMA)  # no role asked


def test_a_role_sentence_referring_back_to_the_name_just_before_it_names_it():
    # demo-009 (2026-12-05 run): right, withheld; the cited passage names her one sentence before the role
    lead = ("In the large one-room container in the quiet cemetery of Kato Tritos, Warda Alkenawy wipes the "
            "glass of a picture frame.")
    role = ("The 35-year-old Palestinian Bedouin from Herat, Israel, is a social worker and accidental washer of "
            "the dead.")
    question = "Who is the Palestinian social worker who washes the bodies of drowned refugee women on Lesbos?"
    assert not role_unnamed(question, "Warda Alkenawy", [role], [f"{lead} {role}"])
    assert role_unnamed(question, "Warda Alkenawy", [role], [f"{role} {lead}"])  # the name after it: no reference
    assert role_unnamed(question, "Warda Alkenawy", [role])  # the passage not given
    # the sample article's nameless committee head: the sentence before it names nobody asked, and it opens on no reference
    pentagon = "The Pentagon held talks with officials in Moscow on Oct. 1 in a bid to avoid mishaps."
    assert role_unnamed(QUESTION, "Lavrov", [DUMA], [f"{pentagon} {DUMA} {LAVROV}"])
    assert role_unnamed(QUESTION, "Lavrov", [DUMA], [f"{LAVROV} {DUMA}"])  # named before, but no reference back


def test_a_name_for_a_role_asked_with_a_contraction_is_withheld(fake_embedder):
    # blind s32-18: "What's the name of …?" got an unflagged "Lavrov"; the checks read "What is …" (qa/query.py)
    from sample_sentences import sample_passage
    from test_answer import AS_OF, FakeLLM, make_qa

    llm = FakeLLM("Short answer: Lavrov\nThe head of the foreign affairs committee at the State Duma is Lavrov [1].")
    qa, _ = make_qa(fake_embedder, llm, [sample_passage(DUMA, LAVROV)])
    answer = qa.ask("What's the name of the head of the Duma's foreign affairs committee?", as_of=AS_OF)
    assert answer.abstained and answer.short_answer is None, answer.text
    assert answer.question == "What's the name of the head of the Duma's foreign affairs committee?"


def test_the_role_given_back_for_who_heads_it_names_nobody():
    # blind s45-09 (unanswerable): the role echoed as the answer, flagged only as repeating the question
    question = "Who heads the State Duma foreign affairs committee that gave the campaign-duration estimate?"
    echoed = "the head of the foreign affairs committee at the State Duma"
    assert role_asked(question) == "State Duma foreign affairs committee"
    assert role_unnamed(question, echoed, [DUMA, LAVROV], [DUMA + " " + LAVROV])
    # a sentence naming the holder beside the role: the echo is a poor answer, not a nameless role
    named = DUMA.replace("the head of", "Alexei Pushkov, the head of")
    assert not role_unnamed(question, echoed, [named], [named])


def test_a_role_given_back_is_no_name_in_the_short_answer_check():
    from types import SimpleNamespace

    from qa.role_names import ROLE_UNNAMED
    from qa.short_answer_check import ECHO, short_answer_concern

    question = "Who heads the State Duma foreign affairs committee that gave the campaign-duration estimate?"
    cited = [SimpleNamespace(passage=DUMA, quote=DUMA)]
    assert short_answer_concern(question, "the head of the foreign affairs committee at the State Duma",
                                cited) == ROLE_UNNAMED
    named = DUMA.replace("the head of", "Alexei Pushkov, the head of")
    assert short_answer_concern(question, "the head of the foreign affairs committee at the State Duma",
                                [SimpleNamespace(passage=named, quote=named)]) == ECHO
