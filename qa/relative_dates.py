"""Days named in article text, read against the article's publication date.

"On Tuesday" in an article of Friday 2 Oct 2015 is Tuesday 29 Sep 2015;
"yesterday" is the day before publication; "Oct. 1" without a year is the
nearest 1 October (the publication year, or the year before when that would
put it more than `FUTURE_DAYS` ahead). Rule-based and deterministic: a timeline
is ordered by these days, so nothing is guessed — text without a day-precise
expression gives no day; one naming a month or a week ("In December of last year",
"earlier this week") is placed on that period's first day and marked with its
precision (`qa.period_dates`); "recently" places nothing.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from index.speech_verbs import OBJECT_VERBS, VERBS
from qa.dates import MONTHS, WEEKDAYS
from qa.period_dates import period_spans

# A yearless day more than this many days after publication is read as last year's:
# news looks back far more than ahead ("Dec. 28" in a January article is last December).
FUTURE_DAYS = 60

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_YEAR = r"(?:19|20)\d\d"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ABSOLUTE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?!\d)(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?)(?![\w-])")
_RELATIVE = re.compile(rf"\b(?:(?P<dir>next|last|this|on)\s+)?(?P<wd>{_WEEKDAY})(?:'s|’s)?\b"
                       r"|\b(?P<word>yesterday|today|tonight|tomorrow|this morning|this afternoon|this evening)\b",
                       re.IGNORECASE)
# Words before a weekday that make it a future day ("will meet on Monday", "is due to vote Tuesday").
_FUTURE = re.compile(r"\b(?:will|would|is due|are due|is set|are set|is scheduled|are scheduled|is expected|"
                     r"are expected|plans? to|next)\b[^.;]{0,60}$", re.IGNORECASE)


# The first verb of a sentence, roughly its main clause's: present ("has not confirmed", "remains")
# means the sentence reports a state as of publication ("North Korea has not confirmed that the person
# killed on 13 February …"), so a day named after it is background, not the news; past ("said",
# "was", "drove") means the named day can be the event's.
_FIRST_VERB = re.compile(r"\b(?P<present>has|have|is|are|remains?|continues?)\b|\b(?P<past>was|were|had|did|said|told|"
                         r"\w{3,}ed|will|would|could|may|might)\b", re.IGNORECASE)


# A quotation inside the sentence ('"We have serious concerns," they wrote … on Feb. 15'): its tense is the
# speaker's, not the narration's, so its verbs are not the sentence's first verb. Headlines quote in single
# marks ("Four N Korean suspects 'are spies'"): a single mark opens after a space or bracket and closes
# before one, so an apostrophe ("Indonesia's", "the judges' panel") opens nothing.
_QUOTATION = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|(?<![\w'’])'[^'\n]{1,80}?'(?![\w'’])")


@lru_cache(maxsize=256)
def _unquoted(text: str) -> str:
    """`text` with its quotations blanked to spaces (offsets kept): read once per sentence, though every day
    it names asks `reports_a_state` and `inside_a_saying` about it."""
    return _QUOTATION.sub(lambda q: " " * len(q.group(0)), text)


# "is scheduled for", "are due to", "is set to": a present that names a plan, whose day is the scheduled one
# ("A new round of talks is scheduled for February 20" is placed on the 20th: the labels' reading,
# `tests/fixtures/timeline_order/README.md`, as "will … on Monday" is read forward).
_PLAN = re.compile(r"\s+(?:\w+ly\s+)?(?:scheduled|set|due|slated|planned|expected)\b", re.IGNORECASE)


def reports_a_state(text: str, at: int) -> bool:
    """True when `text`'s first verb outside quotations, before offset `at`, is in the present and names no
    plan ("is scheduled for …"): the news is a state as of publication."""
    unquoted = _unquoted(text)
    m = _FIRST_VERB.search(unquoted, 0, at)
    return bool(m and m.group("present") and not (m.group(0).lower() in ("is", "are")
                                                   and _PLAN.match(unquoted, m.end())))


# A sentence whose main clause is a saying ("He said …", "The Post reported that …"): a verb of saying that is
# its first verb. A day named inside what was said ("He said talks in Geneva were due on February 20") is the
# saying's news, not the day the sentence's own event happened — how the timeline labels read a sentence
# (`tests/fixtures/timeline_order/README.md`: "a sentence's main clause decides").
_SAYING = re.compile(rf"\b(?:{VERBS})\b")
# Words between the verb and the day that leave the day the saying's own: "said on Tuesday", "said late
# Monday", "said in a statement on Friday", "told reporters on Monday", "announced on Monday".
_SAYING_DAY = re.compile(r"^\s*,?\s*(?:(?:to|in|at|during|via|through|with)\s+(?:(?:a|an|the|his|her|its|their)\s+)?"
                         r"(?:[\w'’-]+\s+){0,3}?)?(?:(?:late|early|earlier|later)\s+)?(?:on\s+)?$", re.IGNORECASE)
_LISTENER_DAY = re.compile(r"^\s*(?:[\w'’.-]+\s+){1,3}?(?:(?:late|early)\s+)?(?:on\s+)?$")  # "told reporters on Monday"
_OBJECT_VERBS = frozenset(OBJECT_VERBS.split("|"))
# What opens a clause of its own between the verb and the day: "that", an auxiliary, a verb in the past, a
# plan ("due", "set", "scheduled"), "to" and a verb.
_CLAUSE = re.compile(r"\b(?:that|would|will|was|were|is|are|be|been|had|has|have|could|might|may|should|must|can|"
                     r"did|does|due|set|slated|scheduled|expected|planned|to\s+[a-z]+)\b|\b[a-z]{3,}ed\b")


def inside_a_saying(text: str, at: int) -> bool:
    """True when the day at offset `at` of `text` is named inside what the sentence's main clause says someone
    said ("He said the talks would open on Feb. 20"), not when it is the saying's own day ("said on Tuesday")
    or the sentence's first verb is another ("Trump signed it on Friday, officials said")."""
    unquoted = _unquoted(text)
    saying = _SAYING.search(unquoted, 0, at)
    if saying is None:
        return False
    # a capitalised "-ed" word is a name ("the United Nations said"), not the sentence's first verb
    if any(not m.group(0)[0].isupper() for m in _FIRST_VERB.finditer(unquoted, 0, saying.start())):
        return False
    gap = unquoted[saying.end():at]
    verb = saying.group(0).split()[-1].lower()
    if _SAYING_DAY.match(gap) or (verb in ("told", "tells", "tell") and _LISTENER_DAY.match(gap)
                                  and not _CLAUSE.search(gap)):
        return False
    # "said" takes no object: anything else before the day is what was said. Other verbs take plain objects
    # ("announced the plan on Monday"), so only a clause of its own makes the day part of what was said; for
    # those that take one most often ("denied a request to delay the case earlier this week"), only "that".
    if verb in ("said", "says", "say"):
        return True
    if verb in _OBJECT_VERBS:
        return bool(re.search(r"\bthat\b", gap))
    return bool(_CLAUSE.search(gap))


@dataclass(frozen=True)
class TextDate:
    """A day named in a text: the day, the words it was read from and their offsets in that text."""

    day: date
    phrase: str
    start: int
    end: int
    relative: bool  # read against the publication date ("Tuesday", "yesterday", a day without a year)
    precision: str = "day"  # "day", or "month"/"week" for a period placed on its first day


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _month_day(m: re.Match[str]) -> tuple[int, int]:
    """(month, day number) of an `_ABSOLUTE` match, the day not yet checked against the month."""
    day = int(re.match(r"\d+", m.group("d1") or m.group("d2")).group(0))  # type: ignore[union-attr]
    return _month(m.group("m1") or m.group("m2")), day


def _absolute(m: re.Match[str], published: date | None) -> TextDate | None:
    month, day = _month_day(m)
    year_text = m.group("y1") or m.group("y2")
    if not 1 <= day <= 31:
        return None
    if year_text:
        year = int(year_text)
    elif published is None:
        return None  # "Oct. 1" in an undated article: no year to read it against
    else:
        year = published.year
        if day > calendar.monthrange(year, month)[1]:
            return None
        if date(year, month, day) > published + timedelta(days=FUTURE_DAYS):
            year -= 1
    try:
        return TextDate(date(year, month, day), m.group(0), m.start(), m.end(), relative=not year_text)
    except ValueError:
        return None


def _relative(m: re.Match[str], text: str, published: date) -> TextDate | None:
    word = (m.group("word") or "").lower()
    if word:
        offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        return TextDate(published + timedelta(days=offset), m.group(0), m.start(), m.end(), relative=True)
    if not m.group("wd")[0].isupper():
        return None  # "monday" in lower case is rarely a date in edited news text
    weekday = WEEKDAYS[m.group("wd").lower()]
    direction = (m.group("dir") or "").lower()
    ahead = direction == "next" or bool(_FUTURE.search(text[max(0, m.start() - 80):m.start()]))
    if ahead:
        forward = (weekday - published.weekday()) % 7 or (7 if direction == "next" else 0)
        day = published + timedelta(days=forward)
    else:
        back = (published.weekday() - weekday) % 7
        if direction == "last" and back == 0:
            back = 7
        day = published - timedelta(days=back)
    return TextDate(day, m.group(0), m.start(), m.end(), relative=True)


def month_days(text: str) -> set[tuple[int, int]]:
    """(month, day) of every calendar date `text` names, with or without a year ("Oct. 2", "2 October 2015").

    For comparing a day with an undated article, whose "Oct. 2" has no year to read it against.
    """
    out: set[tuple[int, int]] = set()
    for m in _ABSOLUTE.finditer(text):
        month, day = _month_day(m)
        if 1 <= day <= 31:
            out.add((month, day))
    return out


def yearless_days(text: str) -> list[tuple[int, int, str]]:
    """(month, day, the words) of every calendar date `text` names without a year ("Oct. 2", "2 October")."""
    out = []
    for m in _ABSOLUTE.finditer(text):
        month, day = _month_day(m)
        if 1 <= day <= 31 and not (m.group("y1") or m.group("y2")):
            out.append((month, day, m.group(0)))
    return out


def dates_in_text(text: str, published: date | None) -> list[TextDate]:
    """The days `text` names, in text order; weekdays and "yesterday" only when `published` is known."""
    found = [d for m in _ABSOLUTE.finditer(text) if (d := _absolute(m, published))]
    if published is not None:
        taken = [(d.start, d.end) for d in found]
        for m in _RELATIVE.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            d = _relative(m, text, published)
            if d:
                found.append(d)
    return sorted(found, key=lambda d: d.start)


def event_date(text: str, published: date | None, *, main_clause: bool = False) -> TextDate | None:
    """The day a sentence says its event happened: the first day it names, else the first month or
    week it names (its first day, with that precision), else None.

    Days and periods named after a present-tense first verb are skipped (`reports_a_state`): such a
    sentence's news is as of publication. With `main_clause`, so are days named inside what the sentence
    says someone said (`inside_a_saying`): the sentence is the saying, dated by its own day or its article's.
    """
    def skipped(at: int) -> bool:
        return reports_a_state(text, at) or (main_clause and inside_a_saying(text, at))
    days = [d for d in dates_in_text(text, published) if not skipped(d.start)]
    if days:
        return days[0]
    for first, phrase, start, end, precision in period_spans(text, published):
        if skipped(start):
            continue
        year_given = bool(re.search(r"(?:19|20)\d\d", phrase))
        return TextDate(first, phrase, start, end, relative=not year_given, precision=precision)
    return None
