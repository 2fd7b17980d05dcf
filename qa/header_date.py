"""A date answer the passages never give: only the day an article was published, or a day none names.

The prompt heads every passage with its outlet and date ("TASS, 2017-03-20"). Asked when something
happened that the passages never date, the 1.5B model copies a header's date, sure of it: "On what date
will the U.S.-Russia de-confliction talks take place?" → "2017-02-09", the date of a DW article shown
beside the undated sample one (held-out s4-14, unanswerable; mean log-probability -0.12), which was only
flagged "not in the cited passages" and shown.

`publication_date_only` says so when the answer's day is a shown article's publication date and no cited
passage names that day, not even relatively ("yesterday", "on Tuesday", "today", read against the
article's date by `qa.relative_dates`): a right answer read from "today" stays an answer. That exemption
is also what it misses: demo-080 ("On what date did the Senate confirm Neil Gorsuch …?" → "2017-03-20")
cites "… begins his confirmation hearings before the Senate Judiciary Committee today", so the day is
named, for another event, and the answer stays flagged, not withheld. A day named only in a dateline
("MOSCOW, February 7. /TASS/.") or in a sentence about something else ("During today's phone talk, the
leaders of Russia and Germany …", asked when a U.S.–Russian military meeting was scheduled: blind s31-19,
s46-14) is not named for the question. A question about the reporting
itself ("When did TASS report …?") asks for exactly the article's date and is left alone. In the run
records kept on 2026-12-04 (two demo runs, two runs of 20 held-out sample-article questions) s4-14 is
the one answer it takes.

`named_nowhere` catches the other way the model makes a date up: a day that is neither a shown article's
date nor named in any shown passage's text. Held-out s6-13 ("On what date will the U.S.-Russia
military-to-military de-confliction meeting … take place?", unanswerable) got "2017-03-02" (mean
log-probability -0.10) over passages that say only "soon", dated 2017-02-09 and undated. A day the text
names without a year ("Oct. 2" in the undated sample article) counts by month and day, so "2015-10-02"
read from it stays an answer; so does a day named relatively ("on Tuesday") against a passage's date.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Sequence

from index.article import ArticleRef
from index.countries import countries_named
from index.datelines import dateline_end
from index.text import content_words, split_sentences
from qa.dates import ISO_DAY
from qa.relative_dates import TextDate, dates_in_text, month_days

PUBLICATION_DATE_ONLY = "the passages never say when; that is the day an article was published"
DATE_NAMED_NOWHERE = "the passages never say when; no passage shown names that day"
_ISO = re.compile(rf"\b{ISO_DAY}\b")
# A question asking when something was reported, written or published asks for an article's date.
_ABOUT_REPORTING = re.compile(r"\b(?:report\w*|publish\w*|writ\w*|wrote|articles?|stor(?:y|ies)|posted|headlines?|"
                              r"filed)\b", re.IGNORECASE)
# Words of a date question that say nothing of its event ("On what exact date …").
_DATE_QUESTION_WORDS = frozenset(content_words("date day exact time when"))


def _day(text: str | None) -> date | None:
    """The one day `text` names (an ISO date or "March 20, 2017"), else None."""
    if not text:
        return None
    iso = _ISO.findall(text)
    try:
        days = {date(int(y), int(m), int(d)) for y, m, d in iso}
    except ValueError:
        return None
    days |= {d.day for d in dates_in_text(text, None) if re.search(r"(?:19|20)\d\d", d.phrase)}
    return days.pop() if len(days) == 1 else None


def publication_date_only(question: str, short: str, shown: Sequence[ArticleRef],
                          cited: Sequence[tuple[str, str | None]]) -> bool:
    """True when the short answer's day is the publication date of an article in `shown` and no `cited`
    passage text ((text, its article's date) pairs) names that day, absolutely or relative to its own
    date, and `question` is not about the reporting."""
    day = _day(short)
    if day is None or _ABOUT_REPORTING.search(question):
        return False
    if day not in {_day(ref.published) for ref in shown}:
        return False
    return not any(d.day == day and _names_it_for(question, text, d)
                   for text, published in cited for d in dates_in_text(text, _day(published)))


def _names_it_for(question: str, text: str, named: TextDate) -> bool:
    """Whether `text` names the day `named` for what `question` asks about: not in a dateline ("MOSCOW,
    February 7. /TASS/.") and in a sentence sharing a word of the question that is no country's name.

    On record (every eval run kept on 2026-12-06), three answers were a cited article's publication date
    that its text names: s31-19 and s46-14 ("On what date … de-confliction meeting …?", unanswerable) through
    a dateline and "During today's phone talk, the leaders of Russia and Germany …", which shares only
    "Russia"; demo-080 through "… begins his confirmation hearings … today", which shares six words.
    """
    span = next(((s, e) for s, e in split_sentences(text) if s <= named.start < e), None)
    if span is None or dateline_end(text, *span) > named.start:
        return False
    shared = (content_words(question) - _DATE_QUESTION_WORDS) & content_words(text[span[0]:span[1]])
    return any(not countries_named({word}) for word in shared)


def publication_date_reason(short: str, shown: Sequence[ArticleRef]) -> str:
    """The abstention's reason: which article's date the answer was ("“Neil Gorsuch facing …” (CNN)")."""
    day = _day(short)
    article = next((ref for ref in shown if day is not None and _day(ref.published) == day), None)
    if article is None:
        return PUBLICATION_DATE_ONLY
    return (f"the passages never say when; {short.strip()} is the day “{article.title}” "
            f"({article.source or 'unknown outlet'}) was published")


def named_nowhere(short: str, shown: Sequence[tuple[str, str | None]]) -> bool:
    """True when the short answer is one day that no `shown` passage ((text, its article's date) pairs)
    names: not its date, not in its text absolutely, relatively or as a month and day without a year."""
    day = _day(short)
    if day is None:
        return False
    for text, published in shown:
        if _day(published) == day or (day.month, day.day) in month_days(text):
            return False
        if any(d.day == day for d in dates_in_text(text, _day(published))):
            return False
    return True


def named_nowhere_reason(short: str) -> str:
    """The abstention's reason for a day no passage names."""
    return f"the passages never say when; no passage shown names {short.strip()}"
