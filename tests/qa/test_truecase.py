"""A lower-case question's names, capitalised as the passages write them (qa/truecase.py)."""

from __future__ import annotations

from qa.truecase import cased_as_written

PASSAGES = ["On Monday Kerry spoke to his Russian counterpart. Russia denied it. The meeting of the State Duma was held.",
            "Talks with Russia will go on, the minister said."]


def test_a_lower_case_question_gets_the_capitals_the_passages_write():
    # held-out s64-19: no capital letter, so no name to look for in the cited articles
    assert cased_as_written("when will kerry meet russia's minister?", PASSAGES) == \
        "when will Kerry meet Russia's minister?"


def test_a_word_capitalised_only_where_a_sentence_opens_or_also_written_in_lower_case_stays_as_typed():
    assert cased_as_written("what did the meeting decide?", PASSAGES) == "what did the meeting decide?"  # "The"
    assert cased_as_written("was talks on?", PASSAGES) == "was talks on?"  # "Talks" opens a sentence


def test_a_question_opening_with_a_capital_is_left_as_typed():
    assert cased_as_written("When will kerry meet Lavrov?", PASSAGES) == "When will kerry meet Lavrov?"


def test_a_question_typed_in_lower_case_with_a_capital_inside_gets_the_capitals_too():
    # held-out s65-15: "according to the joint statement, did the russian attacks on hama, homs and idlib target
    # Da'esh?" kept its one capital, so its places were read as what it asks of them, not as names
    assert cased_as_written("did the russian minister meet Lavrov?", PASSAGES) == "did the Russian minister meet Lavrov?"
