"""A clause copied with its names swapped round is no support (qa/swapped_names.py)."""

from __future__ import annotations

import pytest

from qa.swapped_names import swapped_names

# The DW story in the demo archive behind blind s46-09 and s48-05.
PHONED = ("Russian President Vladimir Putin phoned his Turkish counterpart, Recep Tayyip Erdogan on Thursday to "
          "express his condolences, blaming the \"tragic incident\" on poor coordination between Moscow and Ankara.")


@pytest.mark.parametrize("claim", [
    "Turkish President Recep Tayyip Erdoğan phoned his Turkish counterpart, Vladimir Putin on Thursday to express "
    "his condolences.",  # s48-05: the two parties exchanged
    "Turkish President Recep Tayyip Erdogan phoned his Turkish counterpart, Recep Tayyip Erdogan on Thursday.",  # s46-09
])
def test_the_other_party_put_before_the_copied_act_is_a_swap(claim):
    assert swapped_names(claim, PHONED) == ("erdogan", "putin")


@pytest.mark.parametrize("claim, sentence", [
    (PHONED, PHONED),
    ("Vladimir Putin phoned his Turkish counterpart on Thursday.", PHONED),
    ("He phoned his Turkish counterpart, Recep Tayyip Erdogan on Thursday.", PHONED),  # a pronoun names no one
    # the speaker moved, not a party to the act: the copied run starts at the same name
    ("Lavrov said Russia does not consider the Free Syrian Army rebels a terrorist group.",
     "Russia does not consider the Free Syrian Army rebels a terrorist group, Lavrov said Oct. 1."),
    # parties joined by "and" in another order, and a quote's "We" resolved (blind s49-10)
    ("Washington and Moscow agreed to hold talks soon.", "Moscow and Washington agreed to hold talks soon."),
    ("Kerry and Lavrov agreed on the imperative of having a military-to-military de-confliction discussion.",
     "\"We agreed on the imperative of, as soon as possible … at having a military-to-military de-confliction "
     "discussion,\" Kerry told reporters at a joint appearance with Lavrov."),
    # too short a shared run to tell an act's parties: "met with"
    ("Kerry met with Lavrov in Geneva.", "Lavrov met with Kerry in Geneva."),
    # a shared run that starts inside a name is no act (demo-001 was withheld for it)
    ("10th Circuit Court of Appeals", "He clerked for Judge David B. Sentelle on the United States Court of Appeals "
                                      "for the D.C. Circuit and then for Justices Byron White and Anthony Kennedy."),
])
def test_a_faithful_copy_or_a_moved_speaker_is_no_swap(claim, sentence):
    assert swapped_names(claim, sentence) is None
