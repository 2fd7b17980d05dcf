"""A yes/no question whose one detail the answering sentence gives otherwise (qa/conflicting_detail.py)."""

from __future__ import annotations

import pytest

from qa.conflicting_detail import contradicts_detail
from qa.polarity import settled_no

from sample_sentences import ACCUSED, RAQQA


@pytest.mark.parametrize("question, sentence", [
    ("Did Russia say it bombed Raqqa on the first day of its air campaign?", RAQQA),  # blind s29-15, got "Yes"
    ("Did Davutoglu accuse Russia on Oct. 3 of targeting moderate rebels?", ACCUSED),
    # blind s36-14, got "Yes": the opening day is the first, and Moscow is whose account is asked for
    ("According to Moscow, was Raqqa struck on the opening day of its bombing campaign?", RAQQA),
    ("Did Davutoğlu accuse Russia on Monday of targeting moderate rebels?",
     ACCUSED.replace("on Oct. 2", "on Friday")),
])
def test_the_same_act_with_another_day_or_date_is_no(question, sentence):
    assert contradicts_detail(sentence, question) and settled_no(sentence, question)


@pytest.mark.parametrize("question, sentence", [
    ("Did Russia say it bombed Raqqa on the third day of its air campaign?", RAQQA),  # the same day
    ("According to Moscow, was Raqqa struck on the third day of its bombing campaign?", RAQQA),
    ("According to Ankara, was Idlib struck on the opening day of the campaign?", RAQQA),  # another target
    ("Did Davutoğlu accuse Russia on October 2 of targeting moderate rebels?", ACCUSED),  # the same date, spelt out
    ("Did the Pentagon hold talks in Moscow on Oct. 3?", ACCUSED),  # another act: the sentence is about something else
    ("Did Davutoğlu accuse Russia of targeting moderate rebels?", ACCUSED),  # no detail asked
    ("Did Russia bomb Raqqa on the first day?", "Russia bombed Raqqa, officials said."),  # the sentence names no day
    ("Did Davutoğlu accuse Russia on Oct. 2 or Oct. 3?", ACCUSED),  # two dates asked
])
def test_the_same_detail_another_act_or_no_detail_says_nothing(question, sentence):
    assert not contradicts_detail(sentence, question)
