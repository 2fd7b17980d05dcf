"""Months and weeks named in article text ("In December of last year", "last month", "earlier this week").

A sentence recalling an earlier event by its month only ("In December of last year,
Amri drove a truck into …") was placed on its publication day, weeks after the event.
Such a phrase does name a period: the event is placed on the period's first day (so
a December event sorts before every day of December it is compared with) and
marked with its precision, "month" or "week", so nobody reads "1 December" as the day
it happened. A day named in the same sentence wins (`qa.relative_dates.event_date`).

Read against the publication date: "in December" is the latest December up to the
publication month (the next one when "will", "is due", "next" … come before it),
"last December" the latest one before the publication month, "in December of last
year" the publication year's previous one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from qa.dates import MONTHS

MONTH, WEEK = "month", "week"

# Words before a month that make it a coming one ("will meet in March", "is due to vote in April").
_FUTURE = re.compile(r"\b(?:will|would|is due|are due|is set|are set|is scheduled|are scheduled|is expected|"
                     r"are expected|plans? to|next|ahead of|upcoming|coming)\b[^.;]{0,60}$", re.IGNORECASE)
# A relative clause ("…, who was seen in Moscow in December 2015 seated …") gives background about
# someone, not the sentence's news: a month or week inside one (after "who"/"which" and before the
# clause's closing comma or dash) does not date the sentence.
_IN_RELATIVE_CLAUSE = re.compile(r"\b(?:who|whom|whose|which)\b[^,;()\u2013\u2014]*$", re.IGNORECASE)
# Full names, and abbreviations only with their period: "May" alone is too often a name (Theresa May).
_MONTH_NAME = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
               r"|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)")
# A month alone needs a preposition, "last", or a year after it to be a date ("in December", "last
# December", "December 2016", "in December of last year"); "May said" and "March on Washington" are not.
_MONTH_PHRASE = re.compile(
    rf"(?<![\w.])(?<!\d )(?:(?P<pre>[Ii]n|[Ss]ince|[Dd]uring|[Ll]ast|[Ee]arly|[Ll]ate|[Mm]id-?|[Ee]arlier in|[Ll]ater in|"
    rf"[Bb]y|[Uu]ntil|[Tt]hroughout)\s+)?(?P<month>{_MONTH_NAME})"
    rf"(?:\s+of\s+(?P<rel>last|this|next)\s+year|,?\s+(?P<year>(?:19|20)\d\d))?(?![\w-]|\.?\s*\d)")
# "last month", "earlier this month", "last week", "earlier this week": periods named relative to publication.
_RELATIVE_PERIOD = re.compile(r"\b(?P<which>last|earlier this|early this|previous)\s+(?P<unit>month|week)\b",
                              re.IGNORECASE)


def _month_start(published: date | None, month: int, pre: str, rel: str | None, year: str | None,
                 ahead: bool) -> date | None:
    if year:
        return date(int(year), month, 1)
    if published is None:
        return None  # "in December" in an undated article: no year to read it against
    if rel:
        return date(published.year + {"last": -1, "this": 0, "next": 1}[rel], month, 1)
    if pre.lower() == "last":  # the latest such month strictly before the publication month
        y = published.year if month < published.month else published.year - 1
        return date(y, month, 1)
    if ahead:
        return date(published.year if month >= published.month else published.year + 1, month, 1)
    return date(published.year if month <= published.month else published.year - 1, month, 1)


def _relative_period(which: str, unit: str, published: date) -> date:
    which = which.lower()
    if unit.lower() == "month":
        if which in ("last", "previous"):
            before = published.replace(day=1) - timedelta(days=1)
            return before.replace(day=1)
        return published.replace(day=1)
    monday = published - timedelta(days=published.weekday())
    return monday - timedelta(days=7) if which in ("last", "previous") else monday


def _in_relative_clause(text: str, at: int) -> bool:
    before = text[:at]
    m = _IN_RELATIVE_CLAUSE.search(before)
    return bool(m) and "--" not in before[m.start():]  # "-- the judge who halted it -- denied …" is closed


def period_spans(text: str, published: date | None) -> list[tuple[date, str, int, int, str]]:
    """(first day, phrase, start, end, precision) of each month or week `text` names, in text order."""
    found = []
    for m in _MONTH_PHRASE.finditer(text):
        if not (m.group("pre") or m.group("rel") or m.group("year")) or _in_relative_clause(text, m.start()):
            continue
        ahead = bool(_FUTURE.search(text[max(0, m.start() - 80):m.start()]))
        if ahead and not (m.group("year") or m.group("rel")):
            continue  # "ahead of the election in September": a coming month names a plan, not this event
        first = _month_start(published, MONTHS[m.group("month").lower().rstrip(".")], m.group("pre") or "",
                             m.group("rel"), m.group("year"), ahead)
        if first is not None:
            found.append((first, m.group(0), m.start(), m.end(), MONTH))
    if published is not None:
        for m in _RELATIVE_PERIOD.finditer(text):
            if _in_relative_clause(text, m.start()):
                continue
            unit = m.group("unit").lower()
            found.append((_relative_period(m.group("which"), unit, published), m.group(0), m.start(), m.end(),
                          MONTH if unit == "month" else WEEK))
    return sorted(found, key=lambda f: f[2])
