"""A "besides X, what else …?" answered with X itself (qa/besides.py)."""

from __future__ import annotations

import pytest

from qa.besides import besides_answer, excluded, lists_beside

S46_08 = ("In the joint statement Turkey signed, besides more extremism, what else did the governments say Russia's "
          "military actions would fuel?")
STATEMENT = "“These military actions constitute a further escalation and will only fuel more extremism and radicalization."
SUMMARY = "Turkey said Russia's actions constituted a further escalation and would only fuel more extremism."
CAIRO = "Besides Cairo, which Egyptian airports did Russian aviation security experts inspect?"
AIRPORTS = "Russian aviation security experts inspected the airports of Cairo, Sharm el-Sheikh and Hurghada in Egypt."


@pytest.mark.parametrize("question, set_aside", [
    (S46_08, "more extremism"), (CAIRO, "Cairo"),
    ("Apart from ISIL, what did Lavrov say Russian troops were targeting in Syria?", "ISIL"),
    ("What did Lavrov say Russian troops were targeting in Syria?", None),
])
def test_what_the_question_sets_aside(question, set_aside):
    assert excluded(question) == set_aside


def test_the_rest_of_the_list_answers_a_short_answer_repeating_what_was_set_aside():
    passages = [(0, SUMMARY), (1, "Kerry met Lavrov. " + STATEMENT)]
    assert besides_answer(S46_08, "extremism", passages) == (1, STATEMENT, "radicalization")
    assert besides_answer(S46_08, "more extremism and radicalization", passages) == (1, STATEMENT, "radicalization")
    assert besides_answer(CAIRO, "Cairo", [(0, AIRPORTS)]) == (0, AIRPORTS, "Sharm el-Sheikh and Hurghada")


def test_one_of_the_things_set_aside_is_a_repeat_too():
    # blind s57-01: "Homs", one of the two places set aside, withheld as repeating the question
    question = ("Besides Hama and Homs, which location was named in the joint statement as having been attacked by "
                "the Russian Air Force?")
    sentence = ("We express our deep concern with regard to the Russian military build-up in Syria and especially the "
                "attacks by the Russian Air Force on Hama, Homs and Idlib since yesterday.")
    assert besides_answer(question, "Homs", [(0, sentence)]) == (0, sentence, "Idlib")
    assert besides_answer(question, "Hama", [(0, sentence)]) == (0, sentence, "Idlib")
    assert besides_answer(question, "Idlib", [(0, sentence)]) is None  # what was asked


@pytest.mark.parametrize("short, passages", [
    ("radicalization", [(0, STATEMENT)]),  # the model answered what was asked
    ("extremism", [(0, SUMMARY)]),  # no sentence lists more beside it
    # a list beside it in a sentence about something else
    ("extremism", [(0, "Critics warned of extremism and poverty in the region.")]),
])
def test_an_answer_or_a_sentence_that_is_not_the_list_is_left_alone(short, passages):
    assert besides_answer(S46_08, short, passages) is None


def test_a_sentence_listing_what_was_set_aside_with_more_offers_the_answer():
    assert lists_beside(S46_08, STATEMENT) and lists_beside(CAIRO, AIRPORTS)
    assert not lists_beside(S46_08, SUMMARY)
    assert not lists_beside("What did the governments say the actions would fuel?", STATEMENT)


def test_evidence_selection_shows_the_sentence_listing_more():
    from test_evidence import SameVectorEmbedder, make_passage
    from qa.evidence import select_evidence

    body = f"{SUMMARY} Officials met in New York on Oct. 1. {STATEMENT[1:]} Markets were calm."
    [ev] = select_evidence(S46_08, [make_passage(body, 0, len(body))], SameVectorEmbedder(), max_sentences=1,
                           neighbours=0, every_passage=False)
    assert body[ev.best_span[0]:ev.best_span[1]] == STATEMENT[1:]


def test_what_besides_sets_aside_is_taken_out_of_the_question():
    from qa.besides import without_excluded

    assert without_excluded("Besides Western governments and Turkey, which two Gulf states signed?") == (
        "which two Gulf states signed?")
    assert without_excluded(S46_08) == ("In the joint statement Turkey signed, what else did the governments say "
                                        "Russia's military actions would fuel?")
    assert without_excluded("Which Gulf states signed?") == "Which Gulf states signed?"
