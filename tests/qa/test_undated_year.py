"""A short date answer over an undated article keeps the day as the article writes it, without a made-up year."""

from qa.undated_year import as_the_article_writes_it

MET = "Sinirlioglu met with Kerry in New York on Oct. 1 to discuss the Syria issue."
UNDATED = [(MET, None, "Anti-ISIL coalition slams Russia. " + MET)]


def test_a_year_the_undated_article_never_names_is_dropped_however_the_model_writes_the_date():
    for short in ("October 1, 2026", "2017-10-1", "2015-10-01", "1 October 2015", "on Oct. 1, 2015"):
        assert as_the_article_writes_it(short, UNDATED) == "Oct. 1", short


def test_other_days_and_answers_that_are_no_full_date_are_left_alone():
    assert as_the_article_writes_it("October 2, 2026", UNDATED) is None
    assert as_the_article_writes_it("October 1", UNDATED) is None  # no year to drop
    assert as_the_article_writes_it("New York", UNDATED) is None
    assert as_the_article_writes_it("Oct. 1, 2015 and Oct. 2, 2015", UNDATED) is None


def test_a_dated_article_or_a_passage_naming_the_year_keeps_it():
    assert as_the_article_writes_it("2017-10-01", [(MET, "2017-10-03", MET)]) is None  # the header's year
    named = "The talks of 2015 went on. " + MET
    assert as_the_article_writes_it("October 1, 2015", [(MET, None, named)]) is None
    # the first shown sentence naming the day decides: here a dated article's
    assert as_the_article_writes_it("October 1, 2026", [(MET, "2017-10-03", MET), *UNDATED]) is None
