"""A recency prior for questions about current events, relative to as-of.

"Who won this week?", "the latest figures", or a question with no date at all
asked of an archive spanning years, usually mean the newest reports. Such
questions get a bonus that halves every `HALF_LIFE_DAYS` of a passage's age
before as-of, added to the fused score of every passage but the fused first
(`RECENCY_KEEPS_FIRST`); a question naming its own dates gets none (its date
filter already says when).
"""

from __future__ import annotations

import re
from datetime import date

# The bonus's defaults for a bare call; the product's half-life and size are `RetrievalConfig`'s
# (3.5 days, 2 votes, calibrated on RealTimeQA there).
HALF_LIFE_DAYS = 7.0
# One top-ranked RRF vote (1 / (60 + 1)): the unit of the bonus of a passage published on the as-of day.
RECENCY_WEIGHT = 1.0 / 61
ARCHIVE_SPANS_YEARS_DAYS = 365
# How many of the fused ranking's first passages the prior leaves where they are. On RealTimeQA (all 399
# questions, 2026-12-03) moving every passage cost the question's own page at rank 1 on both halves of
# the weeks (odd 0.781 -> 0.742, even 0.721 -> 0.709 at 7 days x 1 vote) while raising answer recall;
# with the first passage kept, rank 1 and MRR stay and answer recall@4 still rises (0.563 -> 0.578,
# 0.525 -> 0.555). The first passage is where fusion is surest: both rankings agree on it most often.
RECENCY_KEEPS_FIRST = 1
_CURRENT = re.compile(r"\b(this (?:week|month|year)|latest|now|currently|recent(?:ly)?|lately|today|yesterday|"
                      r"so far|newest|most recent|just)\b", re.I)


def is_current_events(text: str, *, dates_from_question: bool, span: tuple[str | None, str | None] | None) -> bool:
    """True when the question asks about the present (or gives no date while the archive spans years)."""
    if dates_from_question or re.search(r"\b(?:19|20)\d\d\b", text):
        return False
    if _CURRENT.search(text):
        return True
    if span and span[0] and span[1]:
        return (date.fromisoformat(span[1][:10]) - date.fromisoformat(span[0][:10])).days > ARCHIVE_SPANS_YEARS_DAYS
    return False


def recency_anchor(as_of: date, span: tuple[str | None, str | None] | None) -> date:
    """The day a passage's age is counted from: `as_of`, or the archive's newest date when that is
    earlier. An archive that ends in March 2017, asked "the latest" today, means its newest reports;
    counted from today every passage would be years old and the prior would weigh nothing."""
    newest = span[1] if span else None
    try:
        return min(as_of, date.fromisoformat(newest[:10])) if newest else as_of
    except ValueError:
        return as_of


def recency_bonus(published: str | None, as_of: date, *, half_life_days: float = HALF_LIFE_DAYS,
                  weight: float = RECENCY_WEIGHT) -> float:
    """`weight` halved every `half_life_days` before as-of; 0 for undated or later passages."""
    if not published:
        return 0.0
    try:
        age = (as_of - date.fromisoformat(published[:10])).days
    except ValueError:
        return 0.0
    if age < 0:
        return 0.0
    return weight * 0.5 ** (age / half_life_days)
