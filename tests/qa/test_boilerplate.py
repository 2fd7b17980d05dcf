"""Bylines and photo credits: found where they are, and nowhere else."""

from __future__ import annotations

import pytest

from qa.boilerplate import is_furniture
from qa.evidence import claim_spans


@pytest.mark.parametrize("sentence, furniture", [
    ("By Laura Smith-Spark, CNN", True),
    ("Image copyright Getty Images", True),
    ("Image caption Police at the scene on Wednesday", True),
    ("Photo: Reuters", True),
    ("Media playback is unsupported on your device", True),
    ("TASS is not responsible for the material quoted in the-press reviews", True),
    ("Source:-Al Jazeera and news agencies", True),  # blind s36-08 answered "Al Jazeera" from it
    ("Sources: Reuters, AFP", True),
    ("The company said it is not responsible for the blaze.", False),
    ("Source: Reuters said on Tuesday that the talks had failed.", False),
    ("Sources said the talks had failed.", False),
    ("KiK is not responsible for the factory fire", False),
    ("By the end of the week, 40 people had been arrested.", False),
    ("Getty Images reported record revenue in 2016.", False),
    ("Police said the photo was taken on Wednesday.", False),
])
def test_furniture_is_whole_sentences_of_bylines_and_credits(sentence, furniture):
    assert is_furniture(sentence) is furniture


def test_claim_spans_cut_the_dateline_and_drop_furniture_keeping_exact_offsets():
    text = ("BIRMINGHAM, England (CNN) — Khalid Masood was born in Kent. Image copyright Getty Images\n\n"
            "He lived in Birmingham.")
    spans = claim_spans(text)
    assert [text[s:e] for s, e in spans] == ["Khalid Masood was born in Kent.", "He lived in Birmingham."]
