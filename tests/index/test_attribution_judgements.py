"""Statements made by judging something: call, describe … as, reject … as, praise … for, accuse … of
(index/attribution_judgements.py). Sentences written for these tests, not taken from the labelled articles.
"""

from __future__ import annotations

import pytest

from index.attribution import attributed_statements


def found(text: str) -> list[tuple[str, str]]:
    return [(s.name, s.text) for s in attributed_statements(text)]


@pytest.mark.parametrize("sentence, name, statement", [
    ('Maria Keane rejected the council\'s plan as "a waste of public money".', "Maria Keane",
     'a waste of public money'),
    ("The agency described the strike as targeting a convoy of fuel trucks.", "The agency",
     "targeting a convoy of fuel trucks"),
    ('In May, Tom Reilly called the verdict "a disgrace to the court".', "Tom Reilly",
     'the verdict "a disgrace to the court'),
    ("Ana Ruiz praised the nurses for working through the night without a break.", "Ana Ruiz",
     "the nurses for working through the night without a break"),
    ("Prosecutors accused the director of hiding the losses from the auditors.", "Prosecutors",
     "the director of hiding the losses from the auditors"),
])
def test_the_judgement_is_the_statement(sentence, name, statement):
    assert [(n, t.rstrip(".")) for n, t in found(sentence)] == [(name, statement)]


def test_a_judgement_in_an_ing_clause_or_a_who_clause_is_the_subjects():
    text = ("Paul Brandt, the union leader, walked out of the talks, calling the offer \"an insult to every worker\". "
            "It angered Senator Joan Hale, who called the strike \"reckless\" during a radio debate.")
    names = [n for n, _ in found(text)]
    assert names == ["Paul Brandt", "Joan Hale"]


@pytest.mark.parametrize("sentence", [
    "Ana Ruiz called the police when she saw the smoke.",  # a phone call: no quotation
    "Ana Ruiz called for calm after the match.",  # an appeal
    "The mayor thanked the volunteers for their help.",  # thanks for a noun: no proposition
    "He rejected a description of his policies as \"isolationist\".",  # someone else's description
    "Protesters accused the police of delays.",  # an accusation without a proposition
])
def test_no_judgement_without_its_frame(sentence):
    assert found(sentence) == []
