"""A date answer that is only an article's publication date (qa/header_date.py)."""

from __future__ import annotations

from index.article import ArticleRef
from qa.header_date import (DATE_NAMED_NOWHERE, PUBLICATION_DATE_ONLY, named_nowhere, named_nowhere_reason,
                             publication_date_only, publication_date_reason)

HEARING = "Neil Gorsuch faces a rigorous confirmation hearing this week, senators said."
CNN = ArticleRef("a", "Gorsuch faces hearing", "CNN", "2017-03-20", None)
UNDATED = ArticleRef("b", "Coalition slams Russia", None, None, None)


def test_a_headers_date_the_cited_text_never_names_is_only_the_publication_date():
    question = "On what date did the Senate confirm Neil Gorsuch to the Supreme Court?"
    assert publication_date_only(question, "2017-03-20", [CNN, UNDATED], [(HEARING, "2017-03-20")])
    assert publication_date_only(question, "March 20, 2017", [CNN], [(HEARING, "2017-03-20")])  # however written
    # s4-14: the date of another shown article, over an undated cited one
    assert publication_date_only("On what date will the talks take place?", "2017-03-20", [UNDATED, CNN],
                                 [("The Pentagon held talks in Moscow on Oct. 1.", None)])
    assert publication_date_reason("2017-03-20", [UNDATED, CNN]) == (
        "the passages never say when; 2017-03-20 is the day “Gorsuch faces hearing” (CNN) was published")
    assert PUBLICATION_DATE_ONLY.startswith("the passages never say when")


def test_a_date_the_cited_text_names_or_the_reporting_asked_about_is_left_alone():
    question = "On what date did Storm Doris hit Britain?"
    bbc = ArticleRef("s", "Storm Doris", "BBC", "2017-02-23", None)
    assert not publication_date_only(question, "2017-02-23", [bbc], [("Doris hit Britain on Thursday.", "2017-02-23")])
    assert not publication_date_only(question, "2017-02-23", [bbc], [("It hit on 23 February 2017.", None)])
    # another day than any header's, or no day at all: other checks' business
    assert not publication_date_only(question, "2017-02-22", [bbc], [(HEARING, "2017-02-23")])
    assert not publication_date_only(question, "Thursday", [bbc], [(HEARING, "2017-02-23")])
    # asked when it was reported, the article's date is the answer
    assert not publication_date_only("When did CNN report on the hearing?", "2017-03-20", [CNN], [(HEARING, None)])


def test_a_day_no_shown_passage_names_is_made_up():
    # s6-13: "soon" in the undated article, a DW article of 2017-02-09 beside it, and the answer "2017-03-02"
    shown = [("The United States and Russia will hold a military meeting soon, Kerry said.", None),
             ("Russia and Turkey only recently repaired ties.", "2017-02-09")]
    assert named_nowhere("2017-03-02", shown)
    assert named_nowhere("March 2, 2017", shown)  # however written
    assert DATE_NAMED_NOWHERE.startswith("the passages never say when")
    assert named_nowhere_reason("2017-03-02") == "the passages never say when; no passage shown names 2017-03-02"


def test_a_day_a_passage_names_or_dates_is_not_made_up():
    assert not named_nowhere("2017-02-09", [("Ties were repaired.", "2017-02-09")])  # a header's date
    assert not named_nowhere("2017-03-07", [("The talks resume on March 7, 2017.", None)])
    # a month and day without a year, in the undated sample article: the model may add the year
    assert not named_nowhere("2015-10-02", [("Russia continued air strikes for a third day on Oct. 2.", None)])
    assert not named_nowhere("2 October 2015", [("Davutoğlu spoke on 2 October.", None)])
    # relative to the passage's own date: "on Tuesday" in an article of Thursday 23 February 2017
    assert not named_nowhere("2017-02-21", [("The storm formed on Tuesday.", "2017-02-23")])
    # no single day in the answer: other checks' business
    assert not named_nowhere("March", [("Nothing dated.", None)])
    assert not named_nowhere("soon", [("Nothing dated.", None)])


def test_a_day_written_without_zero_padding_is_read_as_that_day():
    # the model writes the headers' form without its zeros too ("2017-10-1", held-out s10-04)
    question = "On what date did the Senate confirm Neil Gorsuch to the Supreme Court?"
    cnn = ArticleRef("a", "Gorsuch faces hearing", "CNN", "2017-03-02", None)
    assert publication_date_only(question, "2017-3-2", [cnn], [(HEARING, "2017-03-02")])
    assert named_nowhere("2017-3-2", [("The United States and Russia will meet soon.", None)])
    assert not named_nowhere("2015-10-2", [("Russia continued air strikes for a third day on Oct. 2.", None)])


def test_a_day_named_only_by_a_dateline_or_a_sentence_about_something_else_is_not_named_for_the_question():
    # blind s46-14: a TASS article of 2017-02-07 on a Putin–Merkel call, cited for a U.S.–Russian meeting's date
    question = "On what exact date was the U.S.–Russian military-to-military de-confliction meeting scheduled to take place?"
    tass = ArticleRef("t", "Putin, Merkel call for ceasefire", "TASS", "2017-02-07", None)
    call = ("MOSCOW, February 7. /TASS/. During today's phone talk, the leaders of Russia and Germany agreed to "
            "build up diplomatic efforts.")
    assert publication_date_only(question, "2017-02-07", [tass], [(call, "2017-02-07")])
    # the same day named in a sentence about the meeting asked of is the answer's source
    meeting = "MOSCOW, February 7. /TASS/. The U.S. and Russian military de-confliction meeting takes place today."
    assert not publication_date_only(question, "2017-02-07", [tass], [(meeting, "2017-02-07")])
