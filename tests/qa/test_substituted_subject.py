"""A claim copying a sentence's act with the question's words for its subject (qa/substituted_subject.py)."""

from __future__ import annotations

import pytest

from qa.substituted_subject import substituted_subject

S56_17 = "How did the Assad government respond to the joint statement from Turkey and its partners?"
CEASEFIRE = ("In late December, the two countries brokered a ceasefire for Syria and in January they sponsored "
             "peace talks in Astana, Kazakhstan.")
DW = "Russia and Turkey back opposing sides of the Syrian civil war. " + CEASEFIRE


def test_the_question_s_words_put_in_the_subject_slot_are_substituted():
    # blind s56-17 (unanswerable): went out unflagged
    assert substituted_subject("Turkey and its partners brokered a ceasefire for Syria [1].", CEASEFIRE, S56_17,
                               DW) == "Turkey and its partners"


@pytest.mark.parametrize("claim, sentence, question, passage", [
    # the sentence's own subject
    ("The two countries brokered a ceasefire for Syria [1].", CEASEFIRE, S56_17, DW),
    # a name for the sentence's "he": the name checks judge names
    ("Lavrov told a news conference at the United Nations that Russian troops were targeting ISIL [1].",
     "He told a news conference at the United Nations that Russian troops were targeting ISIL.",
     "What did Lavrov tell a news conference?", "He told a news conference at the United Nations."),
    # a title the passage writes elsewhere
    ("The Turkish prime minister rejected Moscow's insistence that its campaign was aimed at ISIL [1].",
     "Davutoğlu rejected Moscow's insistence that its campaign of air strikes launched this week was aimed at ISIL.",
     "Did the Turkish prime minister reject Moscow's claim?",
     "Turkish Prime Minister Ahmet Davutoğlu accused Russia on Oct. 2. Davutoğlu rejected Moscow's insistence …"),
    # who reported it, not who did it
    ("TASS reported that a Russian airstrike in Syria killed three Turkish soldiers [1].",
     "A Russian airstrike in Syria killed three Turkish soldiers and injured 11 others.",
     "What did TASS report about the Russian airstrike?", "A Russian airstrike in Syria killed three soldiers."),
    ("The joint statement says the Russian Air Force attacked Hama, Homs and Idlib [1].",
     "… especially the attacks by the Russian Air Force attacked Hama, Homs and Idlib since yesterday …",
     "Which places does the joint statement say were attacked?", "We express our deep concern …"),
    # words of the answer's own, not the question's
    ("Moscow's allies brokered a ceasefire for Syria [1].", CEASEFIRE, S56_17, DW),
    # nothing copied
    ("The government did not respond [1].", CEASEFIRE, S56_17, DW),
])
def test_the_sentence_s_subject_a_name_a_title_a_source_or_no_copy_is_not(claim, sentence, question, passage):
    assert substituted_subject(claim, sentence, question, passage) is None
