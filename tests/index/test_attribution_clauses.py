"""Attributions inside a sentence (index/attribution_clauses.py): a speaker that is a relative pronoun's antecedent."""

from __future__ import annotations

import pytest

from index.attribution import attributed_statements
from index.attribution_clauses import relative_matches


@pytest.mark.parametrize("sentence, who, said", [
    ('The view was echoed by former Mayor Brendan Heneghan, who said "the fat lady has not yet sung".',
     "former Mayor Brendan Heneghan", '"the fat lady has not yet sung'),
    ("Last year the singer was sued by a man who claims the star used his photo to meet women.",
     "a man", "the star used his photo to meet women"),
    ("Jack runs into Ben, who tells him he is sorry he crossed the line.", "Ben", "he is sorry he crossed the line"),
])
def test_the_antecedent_of_who_said_is_the_speaker_of_the_rest_of_the_sentence(sentence, who, said):
    assert [(w, sentence[a:b]) for a, b, w in relative_matches(sentence)] == [(who, said)]


@pytest.mark.parametrize("sentence", [
    "He used a forum to make contact with people who told him how to get there.",  # an instruction
    "The minister, who said nothing, left the room before the vote on the budget.",  # a comma ends no statement
])
def test_no_statement_from_who_without_a_proposition_to_the_sentence_end(sentence):
    assert relative_matches(sentence) == []


def test_the_antecedent_is_resolved_like_any_speaker():
    body = "Mayor Brendan Heneghan spoke first. The view was echoed by Heneghan, who said the mayor will stay on."
    assert [(s.name, s.text) for s in attributed_statements(body)] == [("Brendan Heneghan", "the mayor will stay on")]


@pytest.mark.parametrize("body, name, text", [
    ("They were told to return after Easter and Judge Mary Kane told them it was likely the trial would take weeks.",
     "Mary Kane", "it was likely the trial would take weeks."),
    ("Amid the scandal, Brazil's government has been bending over backward to assure foreign consumers there has "
     "been no health threat.", "Brazil's government", "there has been no health threat."),
    ("Oskar Lind reassured investors that the bank had enough capital to cover its losses.",
     "Oskar Lind", "the bank had enough capital to cover its losses."),
])
def test_a_verb_of_telling_with_a_listener_before_the_statement(body, name, text):
    assert [(s.name, s.text) for s in attributed_statements(body)] == [(name, text)]


def test_a_listener_verb_needs_a_space_after_its_listener():
    assert attributed_statements("Jack tells Rebecca of this first meeting with the band in the city.") == []


@pytest.mark.parametrize("body", [
    "The prosecutor is expected to inform the court within a fortnight whether the man could face a retrial.",
    "The council informed residents within a week of the changes it would make to the plan.",
])
def test_informing_without_that_is_no_statement(body):
    assert attributed_statements(body) == []


@pytest.mark.parametrize("body, speaker", [
    ("Research has shown that poorer pupils will suffer the most from the cuts.", "Research"),
    ("For new nurses, especially, research shows that turnover is tied to a lack of training.", "research"),
    ("A survey by Spring Professional, a subsidiary of Adecco, found that interest in China has risen sharply.",
     "Spring Professional"),
    ("One study of cost data from school districts found that replacement costs totalled $7 billion a year.",
     "One study of cost data from school districts"),
])
def test_research_that_shows_or_found_that_is_a_speaker(body, speaker):
    assert [s.speaker for s in attributed_statements(body)] == [speaker]


def test_research_that_found_a_plain_object_is_no_statement():
    assert attributed_statements("Several studies have found significantly higher retention rates in the north.") == []
