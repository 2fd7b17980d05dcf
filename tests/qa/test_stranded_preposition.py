"""What …? ending in a preposition, answered with what that preposition takes (qa/stranded_preposition.py)."""

from __future__ import annotations

import pytest

from qa.stranded_preposition import stranded_object, stranded_preposition

from sample_sentences import ACCUSED, PARTNERS, PLANE, sample_passage


@pytest.mark.parametrize("question", [
    # blind s27-03 and s28-03 (written apart): both withheld
    "What event was the Turkish prime minister flying back from when he spoke to reporters about the Russian strikes?",
    "What event was Turkey's premier flying back from when he spoke to reporters about the Russian strikes?",
])
def test_the_name_the_stranded_preposition_takes_in_the_answering_sentence(question):
    assert stranded_preposition(question) == "from"
    assert stranded_object(question, [ACCUSED, PLANE]) == (1, "the U.N. General Assembly")


@pytest.mark.parametrize("question", [
    # blind s52-03 (withheld) and s47-05 ("Rotterdam", flagged): one relation word in the sentence, and a name
    "where was Davutoglu flying home from when he talked to reporters on the plane?",
    "Where was the Turkish prime minister flying home from when he spoke to reporters?",
])
def test_the_question_s_names_help_find_the_answering_sentence(question):
    assert stranded_object(question, [ACCUSED, PLANE]) == (1, "the U.N. General Assembly")


def test_other_questions_and_sentences_give_nothing():
    assert stranded_preposition("Where did Davutoğlu fly from New York?") is None  # not What/Which
    assert stranded_preposition("What did Davutoğlu say about the strikes in Syria?") is None  # not stranded
    # one relation word ("speak") is met by too many sentences
    assert stranded_object("Which city did Kerry speak in?", [PLANE]) is None
    # a capitalised word joined to a participle modifies the noun after it
    assert stranded_object("Which coalition were Turkey's partners in when they demanded Moscow cease its attacks?",
                           [PARTNERS]) is None
    # a capitalised word before a noun is no name of its own ("to Turkish reporters")
    assert stranded_object("What was Davutoğlu returning from the U.N. General Assembly to, as he spoke to reporters?",
                           [PLANE]) is None
    # the first of two joined names is no answer of its own
    assert stranded_object("What organisation did Turkey and its partners demand action against, in the statement?",
                           ["Turkey and its partners demanded action against the Islamic State of Iraq and the Levant."]) \
        is None
    # the question already names what the preposition takes
    assert stranded_object("Which city did he fly to Ankara from when he spoke to reporters about the strikes?",
                           ["Speaking to reporters about the strikes, he said he had flown from Ankara."]) is None
    # two names after the preposition: no one answer
    assert stranded_object("Which assembly was Davutoğlu flying back from when he spoke to Turkish reporters?",
                           [PLANE.replace("in New York", "from Washington")]) is None


@pytest.mark.parametrize("question", [
    # blind s34-02: "Syria", unflagged, from another sentence's "air strikes in Syria" (the place rule's reading)
    "Where was Turkey's prime minister flying back from when he spoke to Turkish reporters about the Russian strikes?",
    # blind s33-03: the preposition in front; withheld as another article's headline
    "From which event was the Turkish premier coming back when he spoke to reporters on his plane?",
    # blind s60-12: "from where …", "Turkey", flagged
    "from where Davutoglu was returning when he talked to turkish reporters on plane",
])
def test_where_from_and_a_fronted_from_ask_what_from_takes(question):
    assert stranded_preposition(question) == "from"
    assert stranded_object(question, [ACCUSED, PLANE]) == (1, "the U.N. General Assembly")


APPEARANCE = ("“We agreed on the imperative of, as soon as possible … at having a military-to-military de-confliction "
              "discussion,” Kerry told reporters at a joint appearance with Lavrov.")


def test_a_fronted_with_asks_what_with_takes():
    # blind s57-12: "John Kerry", the question's own man; a capitalised adjective before the asked noun
    question = "With which Russian official did Kerry make a joint appearance before reporters?"
    assert stranded_preposition(question) == "with"
    assert stranded_object(question, [ACCUSED, APPEARANCE]) == (1, "Lavrov")


@pytest.mark.parametrize("question", [
    "On what date did Davutoğlu accuse Russia of targeting moderate rebels?",  # a date, not what "on" takes
    "From what I read, who won?",
    "With what I know, who won?",
    "Where was Davutoğlu when he spoke to reporters?",
    "Where did Kerry meet Lavrov, according to the article?",
])
def test_other_fronted_prepositions_and_where_questions_strand_nothing(question):
    assert stranded_preposition(question) is None


def test_a_where_from_question_is_answered_with_what_from_takes_not_the_place_rules_reading(fake_embedder):
    from test_answer import AS_OF, FakeLLM, make_qa

    llm = FakeLLM("Short answer: Syria\nDavutoğlu accused Russia of targeting moderate Syrian rebels in Syria [1].")
    qa, _ = make_qa(fake_embedder, llm, [sample_passage(ACCUSED, PLANE)])
    answer = qa.ask("Where was Turkey's prime minister flying back from when he spoke to Turkish reporters about the "
                    "Russian strikes?", as_of=AS_OF)
    assert not answer.abstained and answer.short_answer == "the U.N. General Assembly", answer.text
    assert answer.quoted and "returned from the U.N. General Assembly" in answer.text
