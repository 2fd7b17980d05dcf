"""The post a question asks a person's of, read off the title before the name (qa/person_title.py)."""

from __future__ import annotations

import pytest

from qa.person_title import asked_holder, person_title

MET = ("Turkish Foreign Minister Feridun Sinirlioğlu met with Kerry in New York on Oct. 1 to discuss the Syria issue, "
       "according to Anadolu Agency.")
MEETING = ("The United States and Russia will hold a military meeting soon, U.S. Secretary of State John Kerry said "
           "after meeting Russian Foreign Minister Sergei Lavrov.")


@pytest.mark.parametrize("question, holder", [
    ("What post does Feridun Sinirlioğlu hold?", "Feridun Sinirlioğlu"),  # blind s36-01
    ("What office does John Kerry hold?", "John Kerry"),  # blind s36-07
    ("What is Lavrov's job?", "Lavrov"),
    ("Which position did Ahmet Davutoglu have?", "Ahmet Davutoglu"),
    ("What is the title of Sergei Lavrov?", "Sergei Lavrov"),
    ("What is the title of Derek Walcott's Homeric epic poem?", None),  # a work's title (demo-028)
    ("What did Kerry say?", None),
    ("What office did the protesters occupy?", None),  # no person named
])
def test_the_person_whose_post_is_asked(question, holder):
    assert asked_holder(question) == holder


@pytest.mark.parametrize("question, title", [
    ("What post does Feridun Sinirlioglu hold?", (0, "Turkish Foreign Minister")),  # accents folded
    ("What office does John Kerry hold?", (1, "U.S. Secretary of State")),  # "of State" closes the title
    ("What is Lavrov's job?", (1, "Russian Foreign Minister")),  # the first name left out
])
def test_the_title_before_the_name_is_the_post(question, title):
    assert person_title(question, [MET, MEETING]) == title


@pytest.mark.parametrize("question, sentences", [
    ("What post does Anadolu hold?", [MET]),  # no title before the name
    ("What post does Feridun Sinirlioğlu hold?", ["Feridun Sinirlioğlu met with Kerry in New York."]),
    ("What post does Kerry hold?", ["Turkish Foreign Minister Feridun Sinirlioğlu met with Kerry."]),
    ("What did Kerry say?", [MEETING]),  # no post asked
])
def test_no_title_or_no_post_asked_gives_nothing(question, sentences):
    assert person_title(question, sentences) is None
