"""A short answer spelt as its passage spells it (qa/spelling.py)."""

from __future__ import annotations

import pytest

from qa.spelling import as_the_passage_spells_it

SENTENCES = ["Turnout was 80 percent.", "He told us the statement used an Arabic acronym for the jihadist organization, Da’esh.",
             "Turkish Prime Minister Ahmet Davutoğlu said the outcome was worrisome.",
             "The U.S. accused Jabhat al-Nusra of the attack."]


@pytest.mark.parametrize("short, written", [
    ("DAESH", "Da’esh"),  # blind s19-09 was withheld as not in the cited passages
    ("Davutoglu", "Davutoğlu"),
    ("US", None),  # the "us" of "He told us": no other spelling to take
    ("Jabhat al Nusra", "Jabhat al-Nusra"),
    ("Ahmet Davutoğlu", None),  # as written already
    ("ISIL", None),  # spelt nowhere
    ("80%", None),  # not the "80" of "80 percent"
    ("davutoğlu", None),  # case alone
    ("prime minister ahmet davutoglu", "Prime Minister Ahmet Davutoğlu"),
    ("Davutoglu said the", "Davutoğlu said the"),
])
def test_a_short_answer_takes_the_passages_spelling(short, written):
    assert as_the_passage_spells_it(short, SENTENCES) == written


def test_a_name_is_not_respelt_as_a_common_word():
    assert as_the_passage_spells_it("US", ["The U.S. said no."]) == "U.S."
    assert as_the_passage_spells_it("US", ["The U.S. said no.", "He told us so."]) is None  # "us" as written
    assert as_the_passage_spells_it("Us", ["Thus us-ing"]) is None
