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
    # blind s38-02, got "Yes": "day one" is the first day
    ("Did Russia say it bombed Raqqa for the first time on day one of its campaign?", RAQQA),
    ("Did Russia say it bombed Raqqa on day 2 of its campaign?", RAQQA),
    # blind s44-04, got "Yes": "its Syria air campaign" is the sentence's "its campaign" (one name of three
    # missing), and "Per the article," is whose account is asked for
    ("Per the article, did Russia say it bombed Raqqa for the first time on the second day of its Syria air "
     "campaign?", RAQQA),
])
def test_the_same_act_with_another_day_or_date_is_no(question, sentence):
    assert contradicts_detail(sentence, question) and settled_no(sentence, question)


NEW_YORK = ("Turkish Foreign Minister Feridun Sinirlioğlu met with Kerry in New York on Oct. 1 to discuss the Syria "
            "issue, according to Anadolu Agency.")
MONTHS_LONG = ("Russia estimates its air strike campaign in Syria could last three to four months, the head of the "
               "foreign affairs committee at the State Duma, said Oct. 1.")


@pytest.mark.parametrize("question, sentence", [
    # blind s38-10, got "Yes": another city (and "Turkey's" is the sample's "Turkish")
    ("Did Turkey's foreign minister meet Kerry in Washington on Oct. 1?", NEW_YORK),
    # blind s40-15, got "Yes": the date spelt otherwise ("October 1") is still no name the sentence lacks
    ("Did Turkey's foreign minister meet Kerry in Washington on October 1?", NEW_YORK),
    # blind s38-18, got "Yes": the same numbers in another unit of time
    ("Did the head of the State Duma's foreign affairs committee say Russia expects its air campaign in Syria to "
     "last three to four weeks?", MONTHS_LONG),
    ("Did the head of the State Duma's foreign affairs committee say the campaign could last six to eight months?",
     MONTHS_LONG),  # the same unit, none of the numbers
    # blind s43-10, got "Yes": Kerry by his title and given name, which the sentence does not repeat
    ("Did Turkey's foreign minister meet U.S. Secretary of State John Kerry in Washington on October 1, 2015 to "
     "discuss Syria?", NEW_YORK),
    # blind s57-15, got "Yes": the question's "meeting" is the sentence's irregular past "met"
    ("Was the Oct. 1 meeting between the Turkish foreign minister and Kerry held in Washington?", NEW_YORK),
])
def test_the_same_act_in_another_place_or_for_another_time_is_no(question, sentence):
    assert contradicts_detail(sentence, question) and settled_no(sentence, question)


@pytest.mark.parametrize("question, sentence", [
    ("Did Turkey's foreign minister meet Kerry in New York on Oct. 1?", NEW_YORK),  # the same place
    # a country or a region may hold the sentence's place; an institution is in a city
    ("Did Turkey's foreign minister meet Kerry in the United States on Oct. 1?", NEW_YORK),
    ("Did Turkey's foreign minister meet Kerry in North America on Oct. 1?", NEW_YORK),
    ("Did Russian jets strike targets in Syria?", "Russian jets struck targets in Latakia on Wednesday."),
    ("Did Turkey's foreign minister meet Kerry at the United Nations on Oct. 1?", NEW_YORK),
    ("Did Turkey's foreign minister meet Kerry in October?", NEW_YORK),  # a month is no place
    # "Washington" in the sentence may be the government the question's place names
    ("Did Turkey's foreign minister meet Kerry in Washington?",
     NEW_YORK.replace("to discuss", "to discuss Washington's view of")),
    ("Did the State Duma say the campaign could last three months?", MONTHS_LONG),  # within the range given
    ("Did the State Duma say the campaign could last three to four months?", MONTHS_LONG),
])
def test_the_same_place_or_time_or_one_that_may_hold_it_says_nothing(question, sentence):
    assert not contradicts_detail(sentence, question)


@pytest.mark.parametrize("question, sentence", [
    ("Did Russia say it bombed Raqqa on the third day of its air campaign?", RAQQA),  # the same day
    ("Did Russia say it bombed Raqqa on the 3rd day of its air campaign?", RAQQA),  # the same day, in figures
    ("Did Russia say it bombed Raqqa on day three of its air campaign?", RAQQA),
    ("According to Moscow, was Raqqa struck on the third day of its bombing campaign?", RAQQA),
    ("According to Ankara, was Idlib struck on the opening day of the campaign?", RAQQA),  # another target
    ("Did Davutoğlu accuse Russia on October 2 of targeting moderate rebels?", ACCUSED),  # the same date, spelt out
    ("Did the Pentagon hold talks in Moscow on Oct. 3?", ACCUSED),  # another act: the sentence is about something else
    ("Did Davutoğlu accuse Russia of targeting moderate rebels?", ACCUSED),  # no detail asked
    ("Did Russia bomb Raqqa on the first day?", "Russia bombed Raqqa, officials said."),  # the sentence names no day
    ("Did Davutoğlu accuse Russia on Oct. 2 or Oct. 3?", ACCUSED),  # two dates asked
    # another person's meeting: a name is met by its last word, and "Lavrov" is not in the sentence
    ("Did Russian Foreign Minister Sergei Lavrov meet Kerry in Washington on Oct. 1?", NEW_YORK),
    # of two names one missing is too many: "Lavrov" and "Kerry" both asked
    ("Did Lavrov meet Kerry in Washington?", NEW_YORK),
])
def test_the_same_detail_another_act_or_no_detail_says_nothing(question, sentence):
    assert not contradicts_detail(sentence, question)


ATTACKS = ("We express our deep concern with regard to the Russian military build-up in Syria and especially the "
           "attacks by the Russian Air Force on Hama, Homs and Idlib since yesterday which led to civilian casualties.")


def test_a_list_with_one_name_swapped_is_no():
    # blind s45-10, withheld as "never mention Aleppo": the statement names Hama, Homs and Idlib
    question = "Did the joint statement express concern over Russian Air Force attacks on Hama, Homs and Aleppo?"
    assert contradicts_detail(ATTACKS, question)
    assert settled_no(ATTACKS, question)
    # a list of two answered by a list of two
    assert contradicts_detail(ATTACKS.replace("Hama, Homs and Idlib", "Hama and Idlib"),
                              "Did the joint statement express concern over Russian Air Force attacks on Hama and Aleppo?")


@pytest.mark.parametrize("question", [
    "Did the joint statement express concern over Russian Air Force attacks on Hama, Homs and Idlib?",  # the same
    "Did the joint statement express concern over Russian Air Force attacks on Idlib and Homs?",  # a part of it
    # one shared name of two is too little to say it is the list the sentence gives
    "Did the joint statement express concern over Russian Air Force attacks on Hama and Aleppo?",
    # the swapped name is in the sentence after all
    "Did the joint statement express concern over Russian Air Force attacks in Syria on Hama, Homs and Syria?",
])
def test_the_same_list_a_part_of_it_or_a_name_it_holds_elsewhere_says_nothing(question):
    assert not contradicts_detail(ATTACKS, question)
