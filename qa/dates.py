"""Date expressions in questions ("in February 2017", "last week") as date ranges.

Rule-based and deterministic, no LLM: relative expressions ("last month",
"yesterday", a month without a year) are read against `as_of` (the day the
question is asked, or the question date of a benchmark item).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
# A day's events are reported that day or in the next few; "on 3 March" searches that window.
REPORTING_LAG_DAYS = 3
RECENT_DAYS = 14  # "recently", "lately"

_M = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
      r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?(?![-'’]\w)")  # not "May's", "Mar-a-Lago"
_Y = r"(?:19|20)\d\d"
_D = r"\d{1,2}(?!\d)(?:st|nd|rd|th)?"
# One point in time; order matters (longest forms first).
_POINT = (rf"(?:{_D}\s+(?:of\s+)?{_M},?(?:\s+{_Y})?(?!\d)|{_M}\s+{_D},?(?:\s+{_Y})?(?!\d)"
          rf"|{_M},?\s+(?:of\s+)?{_Y}|(?:early|mid|late)[\s-]+{_Y}|{_M}|{_Y})")
_RANGE = re.compile(rf"\b(?:between|from)\s+(?:the\s+)?({_POINT})\s+(?:and|to|until|till|through|thru|-|–)\s+"
                    rf"(?:the\s+)?({_POINT})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# A day as the prompt's headers write it, zero-padded or not as the model copies it ("2017-10-1", held-out
# s10-04): year, month and day groups, unanchored (the answer checks of qa/header_date.py, qa/undated_year.py).
ISO_DAY = r"((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})"
_ANCHORED = re.compile(rf"\b(on|in|during|since|after|before|until|till|by|from|of|last)?\s*\b({_POINT})\b")
_STRONG_WORDS = ("in", "during", "since", "after", "before", "until", "till", "by", "from", "last")


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of days (either end may be open) and the words it was read from."""

    since: date | None
    until: date | None
    phrase: str


@dataclass(frozen=True)
class _Point:
    start: date
    end: date
    has_year: bool
    kind: str  # "day", "month", "year"


def month_range(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def recent_year(month: int, as_of: date) -> int:
    """The year of the latest such month not after `as_of`."""
    return as_of.year if month <= as_of.month else as_of.year - 1


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _parse_point(text: str, as_of: date, year_hint: int | None = None) -> _Point | None:
    """A point expression; without a year, `year_hint` or the most recent such month."""
    t = " ".join(text.lower().replace(",", " ").split())
    m = re.fullmatch(rf"(early|mid|late)[\s-]+({_Y})", t)
    if m:
        y = int(m.group(2))
        first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[m.group(1)]
        return _Point(date(y, first, 1), month_range(y, last)[1], True, "year")
    m = re.fullmatch(_Y, t)
    if m:
        y = int(t)
        return _Point(date(y, 1, 1), date(y, 12, 31), True, "year")
    m = (re.fullmatch(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_M})(?:\s+(?P<y>{_Y}))?", t)
         or re.fullmatch(rf"(?P<m>{_M})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<y>{_Y}))?", t))
    if m:
        month, day = _month(m.group("m")), int(m.group("d"))
        y = int(m.group("y")) if m.group("y") else (year_hint or recent_year(month, as_of))
        try:
            d = date(y, month, day)
        except ValueError:
            return None
        return _Point(d, d, bool(m.group("y")), "day")
    m = re.fullmatch(rf"(?P<m>{_M})(?:\s+(?:of\s+)?(?P<y>{_Y}))?", t)
    if m:
        month = _month(m.group("m"))
        y = int(m.group("y")) if m.group("y") else (year_hint or recent_year(month, as_of))
        return _Point(*month_range(y, month), bool(m.group("y")), "month")
    return None


def _year_of(text: str) -> int | None:
    m = re.search(_Y, text)
    return int(m.group(0)) if m else None


def find_date_range(question: str, as_of: date) -> DateRange | None:
    """The first date restriction the question expresses, or None."""
    q = question.lower()
    iso = _ISO.search(q)
    if iso:
        try:
            d = date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
            return DateRange(d, d, iso.group(0))
        except ValueError:
            pass
    found = _find_range(q, as_of) or _find_anchored(q, as_of) or _relative(q, as_of)
    return found


def _find_range(q: str, as_of: date) -> DateRange | None:
    """'between January and March 2017', 'from Jan to March', 'from 3 March to 10 March 2017'."""
    m = _RANGE.search(q)
    if not m:
        return None
    end_year = _year_of(m.group(2))
    last = _parse_point(m.group(2), as_of)
    if last is None:
        return None
    first = _parse_point(m.group(1), as_of, year_hint=_year_of(m.group(1)) or end_year or last.start.year)
    if first is None:
        return None
    if first.start > last.end and not first.has_year:
        # "from November to February": the start is in the year before.
        first = _parse_point(m.group(1), as_of, year_hint=last.start.year - 1) or first
    return DateRange(first.start, last.end, m.group(0))


def _find_anchored(q: str, as_of: date) -> DateRange | None:
    for m in _ANCHORED.finditer(q):
        word, text = m.group(1), m.group(2)
        bare = re.fullmatch(rf"{_M}|{_Y}", text.strip())
        # A bare month or year needs a preposition: "the May government", "the 2016 election" are not dates.
        if bare and word not in _STRONG_WORDS:
            continue
        # A yearless day needs a preposition ("on 10 May"): "10 may be dead", "coming July 29"
        # describe events, not when articles were published.
        if not word and not bare and not re.search(_Y, text):
            continue
        point = _parse_point(text, as_of)
        if point is None:
            continue
        if word == "last" and point.kind == "month" and not point.has_year and point.start.month == as_of.month:
            point = _parse_point(text, as_of, year_hint=as_of.year - 1) or point
        elif word == "last" and point.kind != "month":
            continue
        phrase = m.group(0).strip()
        if point.kind == "day" and word not in ("since", "after", "before", "until", "till", "by"):
            until = point.end + timedelta(days=REPORTING_LAG_DAYS)
            if point.end <= as_of < until:
                until = as_of
            return DateRange(point.start, until, phrase)
        return _bounded(word, point.start, point.end, phrase)
    return None


def _bounded(word: str | None, start: date, end: date, phrase: str) -> DateRange:
    # "from February 2017" alone (no "to …") means articles from that month, like "in".
    if word == "since":
        return DateRange(start, None, phrase)
    if word == "after":
        return DateRange(end + timedelta(days=1), None, phrase)
    if word == "before":
        return DateRange(None, start - timedelta(days=1), phrase)
    if word in ("until", "till", "by"):
        return DateRange(None, end, phrase)
    return DateRange(start, end, phrase)


def _relative(q: str, as_of: date) -> DateRange | None:
    m = re.search(r"\b(?:in\s+|over\s+|during\s+)?(?:the\s+)?(?:past|last|previous)\s+(\d{1,3}|few|couple of|two|three)"
                  r"\s+(day|week|month|year)s?\b", q)
    if m:
        n = {"few": 3, "couple of": 2, "two": 2, "three": 3}.get(m.group(1)) or int(m.group(1))
        days = n * {"day": 1, "week": 7, "month": 30, "year": 365}[m.group(2)]
        return DateRange(as_of - timedelta(days=days), as_of, m.group(0))
    m = re.search(r"\b(?:in\s+|over\s+|during\s+)?the\s+(?:past|last)\s+(day|week|month|year)\b", q)
    if m:
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[m.group(1)]
        return DateRange(as_of - timedelta(days=days), as_of, m.group(0))
    weekday = as_of.weekday()
    table = [
        (r"\btoday\b", 0, 0), (r"\byesterday\b", 1, 0),
        # "this week" in news means the past seven days (a Thursday quiz about Sunday's awards).
        (r"\bthis week\b", 6, 0), (r"\blast week\b", weekday + 7, weekday + 1),
        (r"\b(?:recently|lately|in recent days|these days)\b", RECENT_DAYS, 0),
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
    m = re.search(r"\b(?:on|last)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", q)
    if m:
        back = (weekday - WEEKDAYS[m.group(1)]) % 7
        if m.group(0).startswith("last") and back == 0:
            back = 7
        day = as_of - timedelta(days=back)
        return DateRange(day, min(day + timedelta(days=1), as_of), m.group(0))
    return None
