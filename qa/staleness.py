"""Answers about "this week" that rest on older news.

A question that names the time of asking ("What did the Fed do this week?")
wants that week's reports. When every dated passage an answer cites is older
than the window the question names, counted from as-of (or from the
archive's newest day when as-of is later, `qa.recency.recency_anchor`), the
answer most likely describes an earlier, similar event: the short answer is
flagged with the cited reports' date, never withheld — the reader decides.

Chosen on RealTimeQA (the 399 answers of the run of 2026-12-03, replayed):
on the odd weeks a window of 7 days flags 25 answers, 24 of them wrong (12
the checker had let through) and 1 right; 5 days would flag one more wrong
answer, 21 days one right answer fewer — 7 is the week the question names.
On the held-apart even weeks: 23 flagged, 21 wrong (7 newly caught), 2 right.
The demo set's runs (two questions say "this week") flag nothing.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Sequence

from qa.citations import Citation
from qa.recency import recency_anchor

# Phrases that name the time of asking, and how many days of reports before as-of they cover.
# Only "this week" occurs in the calibration data; the others follow from what they mean.
_WINDOWS = ((re.compile(r"\b(?:this|the past|the last|last) month\b", re.I), 31),
            (re.compile(r"\b(?:last|past) week\b", re.I), 14),
            (re.compile(r"\b(?:this week|today|tonight|yesterday|this weekend)\b", re.I), 7))
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def window_days(question: str) -> int | None:
    """How many days before as-of the question's own words ask about, or None (no such phrase,
    or a year named: "this week in 2016" is about then)."""
    if _YEAR.search(question):
        return None
    for pattern, days in _WINDOWS:
        if pattern.search(question):
            return days
    return None


def stale_concern(question: str, citations: Sequence[Citation], as_of: date,
                  span: tuple[str | None, str | None] | None) -> str | None:
    """Why an answer to a question about the time of asking may describe older news, or None."""
    days = window_days(question)
    if days is None:
        return None
    dated = []
    for c in citations:
        try:
            dated.append(date.fromisoformat((c.ref.published or "")[:10]))
        except ValueError:
            continue  # an undated report may be of any week: it never makes an answer stale
    if not dated or len(dated) < len(citations):
        return None
    anchor = recency_anchor(as_of, span)
    newest = max(dated)
    if (anchor - newest).days <= days:
        return None
    return (f"the newest report it cites is from {newest.isoformat()}, {(anchor - newest).days} days before "
            f"{anchor.isoformat()}: it may be about an earlier event")
