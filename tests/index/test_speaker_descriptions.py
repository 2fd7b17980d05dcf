"""Described speakers and the definite descriptions that point back to them (index/speaker_descriptions.py).

Sentences written for these tests, not taken from the labelled articles.
"""

from __future__ import annotations

import pytest

from index.attribution import attributed_statements
from index.speaker_descriptions import head_noun


def found(text: str) -> list[tuple[str, str]]:
    return [(s.name, s.text) for s in attributed_statements(text)]


@pytest.mark.parametrize("sentence, name", [
    ('"Leave the building within the hour," a voice warned.', "a voice"),
    ("The receptionist said the caller hung up after a minute.", "The receptionist"),
    ('"We never saw him again," said the landlady.', "the landlady"),
])
def test_a_speaker_described_by_words_no_title_lexicon_lists(sentence, name):
    assert [n for n, _ in found(sentence)] == [name]


def test_the_employee_is_the_employee_described_before():
    text = ("An employee of the Riverside Museum of Modern Art said the alarm went off twice. "
            "The guards searched every room, the employee said.")
    assert [n for n, _ in found(text)] == ["An employee of the Riverside Museum of Modern Art"] * 2


def test_the_authority_is_the_named_authority_before_it():
    text = ("The Policing Authority met the commissioner on Monday. "
            "In a statement, the authority said it was satisfied with the answers it got.")
    assert found(text) == [("Policing Authority", "it was satisfied with the answers it got.")]


@pytest.mark.parametrize("text", [
    "The new law also says that shops must close at ten.",  # an adverb is no speaker's noun
    "The move was designed to calm the markets before the vote.",  # no speech verb
])
def test_no_described_speaker_without_a_noun_and_a_speech_verb(text):
    assert [n for n, _ in found(text)] in ([], ["The new law"])


def test_the_head_noun_of_a_description():
    assert head_noun("an employee of the Riverside Museum") == "employee"
    assert head_noun("the chief marketing officer") == "officer"
