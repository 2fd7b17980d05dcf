"""A short answer listing things, written as its passage writes the list (qa/list_span.py)."""

from __future__ import annotations

import pytest

from qa.list_span import as_the_list_is_written, list_items

LAVROV = "Everyone wants Syria to be democratic, united and secular, either Lavrov or Kerry said."
ATTACKS = "We are concerned by the attacks by the Russian Air Force on Hama, Homs and Idlib since yesterday."
STATEMENT = ("We, the governments of France, Germany, Qatar, Saudi Arabia, Turkey, the United Kingdom and the "
             "United States of America state the following.")


def test_a_short_answer_lists_its_items():
    assert list_items("democratic, united, secular") == ["democratic", "united", "secular"]
    assert list_items("Hama, Homs and Idlib.") == ["Hama", "Homs", "Idlib"]
    assert list_items("Free Syrian Army") == ["Free Syrian Army"]


@pytest.mark.parametrize("short, written", [
    ("democratic, united, secular", "democratic, united and secular"),  # blind s18-12, scored wrong as written
    ("Hama, Homs, Idlib", "Hama, Homs and Idlib"),
    ("hama and homs and idlib", "Hama, Homs and Idlib"),
    ("Germany, Qatar, Turkey and United States of America", None),  # not one run of the list
    ("Qatar and Saudi Arabia", None),  # out of the middle of a longer list: no closing "and" to copy
    ("Hama, Homs and Idlib", None),  # already as written
    ("Idlib", None),
    ("Lavrov and Kerry", None),  # RealTimeQA 20220722_21's "and" is not the passage's "or"
])
def test_the_list_is_copied_from_the_sentence_that_closes_it(short, written):
    assert as_the_list_is_written(short, [LAVROV, ATTACKS, STATEMENT]) == written
