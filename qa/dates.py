"""Date expressions in questions ("in February 2017", "last week") as date ranges.

Rule-based and deterministic, no LLM: relative expressions are read against
`as_of` (the day the question is asked, or the benchmark's question date).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
REPORTING_LAG_DAYS = 3
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_YEAR = r"((?:19|20)\d\d)"


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of days and the words it was read from."""

    since: date | None
    until: date | None
    phrase: str


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _recent_year(month: int, as_of: date) -> int:
    """The year of the latest such month not after `as_of`."""
    return as_of.year if month <= as_of.month else as_of.year - 1


def _day(text: str, as_of: date) -> date | None:
    m = re.fullmatch(rf"(?:{_MONTH}\s+(\d{{1,2}})(?!\d)(?:st|nd|rd|th)?,?(?:\s+{_YEAR})?"
                     rf"|(\d{{1,2}})(?!\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?(?:\s+{_YEAR})?)", text.strip(), re.I)
    if not m:
        return None
    if m.group(1):
        month, day, year = MONTHS[m.group(1).lower()], int(m.group(2)), m.group(3)
    else:
        day, month, year = int(m.group(4)), MONTHS[m.group(5).lower()], m.group(6)
    y = int(year) if year else _recent_year(month, as_of)
    try:
        return date(y, month, day)
    except ValueError:
        return None


def find_date_range(question: str, as_of: date) -> DateRange | None:
    """The first date restriction the question expresses, or None."""
    q = question.lower()
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", q)
    if iso:
        try:
            d = date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
            return DateRange(d, d, iso.group(0))
        except ValueError:
            pass
    m = re.search(rf"\bbetween\s+{_MONTH}(?:\s+{_YEAR})?\s+and\s+{_MONTH}(?:\s+{_YEAR})?", q)
    if not m:
        m = re.search(rf"\bfrom\s+{_MONTH}(?:\s+{_YEAR})?\s+(?:to|until|through|till)\s+{_MONTH}(?:\s+{_YEAR})?", q)
    if m:
        m1, y1, m2, y2 = MONTHS[m.group(1)], m.group(2), MONTHS[m.group(3)], m.group(4)
        end_year = int(y2 or y1 or _recent_year(m2, as_of))
        start_year = int(y1) if y1 else (end_year if m1 <= m2 else end_year - 1)
        return DateRange(_month_range(start_year, m1)[0], _month_range(end_year, m2)[1], m.group(0))
    m = re.search(rf"\b(?:on|since|after|before|until|by)?\s*((?:{_MONTH}\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?,?(?:\s+{_YEAR})?)"
                  rf"|(?:\d{{1,2}}(?!\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?(?:\s+{_YEAR})?))", q)
    if m:
        day = _day(m.group(1), as_of)
        if day:
            word = m.group(0).split()[0]
            if word in ("since", "after"):
                return DateRange(day, None, m.group(0).strip())
            if word in ("before", "until", "by"):
                return DateRange(None, day, m.group(0).strip())
            # Reports of a day's events are published that day or soon after.
            return DateRange(day, day + timedelta(days=REPORTING_LAG_DAYS), m.group(0).strip())
    m = re.search(rf"\b(since|after|before|until|in|during|of|from)?\s*{_MONTH}\s+{_YEAR}\b", q)
    if m:
        start, end = _month_range(int(m.group(3)), MONTHS[m.group(2)])
        return _bounded(m.group(1), start, end, m.group(0).strip())
    m = re.search(rf"\b(since|after|before|until|in|during)\s+{_MONTH}(?!\s+\d)\b", q)
    if m:
        month = MONTHS[m.group(2)]
        start, end = _month_range(_recent_year(month, as_of), month)
        return _bounded(m.group(1), start, end, m.group(0).strip())
    m = re.search(rf"\b(since|after|before|until|in|during)\s+{_YEAR}\b", q)
    if m:
        year = int(m.group(2))
        return _bounded(m.group(1), date(year, 1, 1), date(year, 12, 31), m.group(0).strip())
    return _relative(q, as_of)


def _bounded(word: str | None, start: date, end: date, phrase: str) -> DateRange:
    if word in ("since", "from"):
        return DateRange(start, None, phrase)
    if word == "after":
        return DateRange(end + timedelta(days=1), None, phrase)
    if word == "before":
        return DateRange(None, start - timedelta(days=1), phrase)
    if word == "until":
        return DateRange(None, end, phrase)
    return DateRange(start, end, phrase)


def _relative(q: str, as_of: date) -> DateRange | None:
    m = re.search(r"\b(?:in\s+)?the\s+(?:past|last)\s+(\d{1,3})\s+(day|week|month)s?\b", q)
    if m:
        n, unit = int(m.group(1)), m.group(2)
        days = n * {"day": 1, "week": 7, "month": 30}[unit]
        return DateRange(as_of - timedelta(days=days), as_of, m.group(0))
    table = [
        (r"\btoday\b", 0, 0), (r"\byesterday\b", 1, 1),
        (r"\bthis week\b", as_of.weekday(), 0), (r"\blast week\b", as_of.weekday() + 7, as_of.weekday() + 1),
        (r"\b(?:recently|lately|in recent days|these days)\b", 14, 0),
    ]
    for pattern, back_start, back_end in table:
        m = re.search(pattern, q)
        if m:
            return DateRange(as_of - timedelta(days=back_start), as_of - timedelta(days=back_end), m.group(0))
    m = re.search(r"\b(this|last) (month|year)\b", q)
    if m:
        if m.group(2) == "month":
            if m.group(1) == "this":
                return DateRange(as_of.replace(day=1), as_of, m.group(0))
            last = as_of.replace(day=1) - timedelta(days=1)
            return DateRange(last.replace(day=1), last, m.group(0))
        if m.group(1) == "this":
            return DateRange(date(as_of.year, 1, 1), as_of, m.group(0))
        return DateRange(date(as_of.year - 1, 1, 1), date(as_of.year - 1, 12, 31), m.group(0))
    return None
