"""Where …? answered with the place the answering sentence puts the question's own thing in (qa/place_phrase.py)."""

from __future__ import annotations

import pytest

from qa.place_phrase import asks_where, place_after

from sample_sentences import ACCUSED, PARTNERS, PLANE, UN


@pytest.mark.parametrize("question, sentences, expected", [
    # blind s24-02, s26-11 (and s18-07): "New York"
    ("Where did Lavrov give the news conference in which he said Russian troops were targeting ISIL?", [PLANE, UN],
     (1, "the United Nations")),
    # blind s24-10, s26-02: "Turkey"; the word stated first in the question wins over "strikes in Syria"
    ("Where was Turkey's prime minister when he spoke to Turkish reporters about the Russian strikes?",
     [ACCUSED, PLANE], (1, "his plane")),
])
def test_the_place_after_the_questions_own_word_is_read(question, sentences, expected):
    assert place_after(question, sentences) == expected


def test_no_place_for_other_questions_days_or_sentences_about_something_else():
    assert not asks_where("When did Lavrov speak?") and place_after("When did Lavrov speak?", [UN]) is None
    assert place_after("Where did the fire start?", ["The fire started on Friday, officials said."]) is None
    assert place_after("Where did Lavrov give the news conference?", [ACCUSED]) is None  # shares too little


def test_a_capitalised_word_joined_to_a_participle_is_no_place():
    # blind s27-12: "the U.S.-led" (of "the U.S.-led coalition") overruled the model's answer
    assert place_after("Where did Turkey publish the joint statement with its coalition partners?", [PARTNERS]) is None
    assert place_after("Where were the rebels based?", ["The rebels were based in Kurdish-held Kobani, aides said."]) \
        == (0, "Kurdish-held Kobani")
