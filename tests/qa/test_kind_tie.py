"""A short answer the reply calls by the question's kind must be called so in its articles (qa/kind_tie.py)."""

from __future__ import annotations

import pytest

from qa.kind_tie import asked_kind, kind_untied

S58_19 = "From which airbase in Syria were the Russian warplanes flying their missions?"
AL_BAB = ('"Russian jets were carrying out a military mission to destroy IS positions in the area of Al-Bab," a '
          'Defense Ministry statement said.')
PEAK = "Near which peak were four Swiss ski tourers killed by an avalanche in Tyrol?"


@pytest.mark.parametrize("question, kind", [
    (S58_19, "airbase"), (PEAK, "peak"), ("Which city did Moscow say was bombed?", "city"),
    ("What kind of talks did Kerry agree to?", None), ("Who led the talks?", None),
])
def test_the_kind_a_question_asks_for(question, kind):
    assert asked_kind(question) == kind


@pytest.mark.parametrize("reply", [
    "Al-Bab airbase in Syria was the location of the Russian warplanes flying their missions [1].",  # blind s58-19
    "The warplanes flew from the airbase of Al-Bab [1].",
    "They flew from the Al-Bab military airbase [1].",
    "The Russian warplanes were from the airbase in Syria of al-Bab. [1]",  # held-out s63-19
])
def test_a_name_given_the_question_s_kind_its_articles_never_write_is_untied(reply):
    assert kind_untied(S58_19, "Al-Bab", reply, [AL_BAB])


@pytest.mark.parametrize("question, short, reply, bodies", [
    (S58_19, "Al-Bab", "Al-Bab airbase [1].", [AL_BAB + " Jets took off from the air base at Hmeimim."]),  # two words
    (S58_19, "Al-Bab", "The jets struck IS positions in the area of Al-Bab [1].", [AL_BAB]),  # not called an airbase
    # demo-018: the article calls the Jochgrubenkopf "a roughly 2,450 metre-high peak"
    (PEAK, "Jochgrubenkopf", "Four Swiss ski tourers were killed near the Jochgrubenkopf peak in Tyrol [1].",
     ["… the remote area near the Jochgrubenkopf, a roughly 2,450 metre-high peak, but found him dead"]),
    ("Who led the talks?", "Kerry", "Kerry led the talks [1].", ["Lavrov met Kerry."]),  # no kind asked
])
def test_a_kind_the_articles_write_or_no_kind_beside_the_answer_is_tied(question, short, reply, bodies):
    assert not kind_untied(question, short, reply, bodies)
