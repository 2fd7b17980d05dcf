"""Raw date values (strings in any common format, epoch numbers, struct_time) to ISO dates."""

from __future__ import annotations

import re
import time
from datetime import date, datetime, timezone

from dateutil import parser as dateparser

_EPOCH = re.compile(r"^-?\d{9,13}(\.\d+)?$")
# Two different defaults reveal which parts the string really gave.
_DEFAULT_A = datetime(1904, 1, 1)
_DEFAULT_B = datetime(1908, 2, 2)


def parse_date(value: object) -> str | None:
    """An ISO date `YYYY-MM-DD` from a date string, epoch seconds/ms or struct_time.

    Strings keep the date as written (a timestamp at 23:30 -05:00 stays on its
    own day). Unparseable values, and strings without a year or a day (e.g.
    "Oct. 2"), give None rather than a guess.
    """
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, time.struct_time):
            return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
        if isinstance(value, (int, float)) or (isinstance(value, str) and _EPOCH.match(value.strip())):
            seconds = float(value)
            if abs(seconds) > 1e11:  # milliseconds
                seconds /= 1000
            return _sane(datetime.fromtimestamp(seconds, tz=timezone.utc).date())
        text = str(value).strip()
        if not text or len(text) > 80:
            return None
        first = dateparser.parse(text, default=_DEFAULT_A)
        second = dateparser.parse(text, default=_DEFAULT_B)
        if first.year != second.year or first.day != second.day:
            return None  # no year or no day in the string
        return _sane(first.date())
    except (ValueError, OverflowError, TypeError, OSError):
        return None


def _sane(day: date) -> str | None:
    return day.isoformat() if 1800 <= day.year <= 2200 else None
