"""A past event's date given for a planned one (qa/planned_date.py)."""

from __future__ import annotations

from qa.planned_date import asks_planned_date, past_not_planned

# The shared sample's sentence (written out here, not read from ../shared).
HELD = ("The Pentagon held talks with officials in Moscow on Oct. 1 in a bid to avoid mishaps in the region between "
        "the two military powers.")
SCHEDULED = "On what date is the U.S.–Russian military de-confliction meeting scheduled to take place?"


def test_a_planned_date_is_asked_by_when_will_or_a_date_with_a_word_of_a_plan():
    assert asks_planned_date(SCHEDULED)
    assert asks_planned_date("When will the US and Russian militaries hold their de-confliction meeting?")
    assert asks_planned_date("When was the result of the Aslef drivers' ballot due?")
    assert not asks_planned_date("When did the Pentagon hold talks with officials in Moscow?")
    assert not asks_planned_date("Who will take care of the Queen's dogs?")  # no date asked
    assert not asks_planned_date("On what date did Russia bomb Raqqa?")


def test_a_date_written_after_a_past_tense_verb_answers_no_planned_date():
    # blind s40-20 and s28-18 (unanswerable): "October 1" / "Oct. 1", unflagged
    assert past_not_planned(SCHEDULED, "October 1", [HELD])
    assert past_not_planned(SCHEDULED, "Oct. 1", [HELD])
    # asked when it happened, the past is the answer
    assert not past_not_planned("When did the Pentagon hold talks in Moscow?", "Oct. 1", [HELD])


def test_a_date_written_with_a_plan_or_in_the_present_tense_is_a_planned_date():
    assert not past_not_planned(SCHEDULED, "Oct. 5", ["The two militaries will meet on Oct. 5, officials said."])
    assert not past_not_planned(SCHEDULED, "Monday", ["The meeting opens on Monday in Geneva."])
    assert not past_not_planned(SCHEDULED, "Oct. 5", ["The officials agreed on Oct. 1 to meet again on Oct. 5."])
    # demo-052: "should know … on 16 February" ("should" is a past form of "shall" to a lemmatiser)
    assert not past_not_planned("When was the result of the Aslef drivers' ballot due?", "16 February",
                                ["Anyway, we should know all on 16 February when the ballot result comes back."])
    # a sentence not holding a past verb before the date, or an answer that is no date
    assert not past_not_planned(SCHEDULED, "Oct. 1", ["On Oct. 1 officials held talks in Moscow."])
    assert not past_not_planned(SCHEDULED, "Moscow", [HELD])
    # one holding sentence with a plan is enough
    assert not past_not_planned(SCHEDULED, "Oct. 1", [HELD, "Talks will resume on Oct. 1."])


def test_a_plan_in_another_clause_than_the_date_s_is_about_something_else():
    # blind s60-20 (unanswerable): "Tuesday", unflagged, from a TASS sentence whose "will" is about the war on terror
    told = ("Moscow is confident that the results of the war on terror under the administration of US President "
            "Donald Trump will be more significant than under Barack Obama, Russian Foreign Minister Sergey Lavrov "
            "told TASS on Tuesday.")
    question = "on which date US and russian militaries will hold their de-confliction meeting"
    assert past_not_planned(question, "Tuesday", [told])
    # a plan in the date's own clause is a planned date
    assert not past_not_planned(question, "Tuesday", ["Officials said on Friday that the meeting will be held on "
                                                      "Tuesday."])
    assert not past_not_planned(question, "Tuesday", ["The meeting, officials said, is scheduled for Tuesday."])
