"""A year the archive never gave: a short date answer over an undated article, as the article writes it.

The shared sample article has no date and writes days without a year ("Oct. 1"). Asked "On what date
did Sergei Lavrov declare that Moscow does not regard the Free Syrian Army as a terrorist group?", the
1.5B model answered "October 1, 2026" (the year of the day asked, held-out s10-14); asked when
Sinirlioğlu met Kerry, "2017-10-1" (the year of the other articles shown, s10-04). The month and day
are right, the year is made up, and the reader cannot tell. When the sentence the model was shown that
names the day comes from an undated article whose passage names no such year, the short answer becomes
the day as the article writes it ("Oct. 1"), and so does the date in the model's sentences.

A dated article's yearless "March 16" is left alone: its year is read from the publication date, as
the prompt's header shows it (qa/header_date.py checks those answers).
"""

from __future__ import annotations

import re
from typing import Sequence

from qa.dates import ISO_DAY
from qa.relative_dates import dates_in_text, yearless_days

_ISO = re.compile(rf"^\s*{ISO_DAY}\s*$")


def _full_date(short: str) -> tuple[int, int, int] | None:
    """(year, month, day) when the short answer is one date with its year, written any way."""
    m = _ISO.match(short)
    if m:
        return int(m[1]), int(m[2]), int(m[3])
    found = dates_in_text(short, None)  # without a publication date only dates with a year are read
    if len(found) != 1 or re.search(r"\w", short.replace(found[0].phrase, "").replace("on", "", 1)):
        return None
    day = found[0].day
    return day.year, day.month, day.day


def as_the_article_writes_it(short: str, shown: Sequence[tuple[str, str | None, str]]) -> str | None:
    """The day as an undated article writes it ("Oct. 1") when `short` gives it a year the article never
    names; None otherwise. `shown` holds (sentence, its article's date or None, its passage's text) for
    each sentence the model was shown, best first."""
    full = _full_date(short)
    if full is None:
        return None
    year, month, day = full
    for sentence, published, passage in shown:
        phrase = next((p for m, d, p in yearless_days(sentence) if (m, d) == (month, day)), None)
        if phrase is None:
            continue
        return phrase if not published and str(year) not in passage else None
    return None
