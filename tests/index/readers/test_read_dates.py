"""Date values of every common shape become ISO dates; anything unclear becomes None."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from index.readers.dates import parse_date


@pytest.mark.parametrize("value, expected", [
    ("2017-02-03", "2017-02-03"),
    ("2017/3/15", "2017-03-15"),
    ("2017-02-06T18:20:00+03:00", "2017-02-06"),
    ("2017-02-06T23:59:59Z", "2017-02-06"),
    ("Tue, 14 Mar 2017 23:30:00 -0500", "2017-03-14"),  # the day as published, not UTC
    ("Wed, 08 Feb 2017 14:00:00 GMT", "2017-02-08"),
    ("March 5, 2017", "2017-03-05"),
    ("5 March 2017", "2017-03-05"),
    (1486684800, "2017-02-10"),
    (1486684800.5, "2017-02-10"),
    ("1486684800", "2017-02-10"),
    (1486684800000, "2017-02-10"),  # milliseconds
    (datetime(2017, 1, 2, 3, 4), "2017-01-02"),
    (date(2017, 1, 2), "2017-01-02"),
    (time.strptime("2017-04-09", "%Y-%m-%d"), "2017-04-09"),
])
def test_dates_parse(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", [None, "", "   ", "not a date", "Oct. 2", "March 2017", "3000-01-01", True,
                                   "yesterday", "x" * 200, [2017, 1, 1]])
def test_unclear_dates_are_none(value):
    assert parse_date(value) is None
