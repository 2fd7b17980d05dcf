"""`check_question` raises exactly what `understand` raises for the same question and filters,
without building a `Query`: a follow-up is checked this way before the model rewrites it."""

from __future__ import annotations

from datetime import date

import pytest

from qa.query import QuestionError, check_question, understand

OUTLETS = ["TASS", "BBC", "Al Jazeera"]
SPAN = ("2016-10-11", "2017-03-16")
BAD = [
    ("", {}),
    ("x" * 2001, {}),
    ("Is the ceasefire holding?", {"k": 0}),
    ("Is the ceasefire holding?", {"k": 51}),
    ("Is the ceasefire holding?", {"sources": ["Nobody"]}),
    ("Is the ceasefire holding?", {"since": "February"}),
    ("Is the ceasefire holding?", {"since": "2017-03-01", "until": "2017-02-01"}),
    ("What happened between March 2017 and January 2017?", {}),  # impossible range read from the words
    ("What happened?", {"outlets": []}),
]
GOOD = [
    ("Is the ceasefire holding?", {}),
    ("What did TASS report in February 2017?", {"sources": ["BBC"]}),
    ("What happened between March 2017 and January 2017?", {"since": "2017-01-01"}),  # explicit dates win
    ("Which museum was founded in 1938?", {}),  # outside the archive: no filter, no error
]


@pytest.mark.parametrize("question, options", BAD)
def test_check_question_rejects_what_understand_rejects(question, options):
    kw = {"outlets": OUTLETS, "as_of": date(2017, 4, 12), "span": SPAN, **options}
    with pytest.raises(QuestionError) as understood:
        understand(question, **kw)
    with pytest.raises(QuestionError) as checked:
        check_question(question, **kw)
    assert (type(checked.value), str(checked.value)) == (type(understood.value), str(understood.value))


@pytest.mark.parametrize("question, options", GOOD)
def test_check_question_accepts_what_understand_accepts(question, options):
    kw = {"outlets": OUTLETS, "as_of": date(2017, 4, 12), "span": SPAN, **options}
    understand(question, **kw)
    assert check_question(question, **kw) is None
