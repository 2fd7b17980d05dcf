"""A sentence with no day of its own that continues the narration of the sentence before it.

"On Tuesday evening, the Ninth Circuit heard oral arguments … The hearing allowed each
side to give 30-minute arguments. After listening to both sides, the three federal
judges …": the last sentence happened on Tuesday too, though it names no day, and was
placed on its article's publication day, three days later. Such a sentence takes the day
of the sentence it continues, under a narrow rule:

- it names no day, month or week itself (`event_date` finds none) and its first verb is
  in the past (a sentence in the present reports a state as of publication);
- the dated sentence is at most `MAX_BACK` sentences before it in the same paragraph,
  and every sentence between is also undated past narration (a paragraph break, a present
  tense or a quotation ends the narration);
- the dated sentence's day is an event day (not after a present-tense verb).

The day is marked as read from the earlier sentence's words, so a reader sees where it came from.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from qa.event_sentences import same_paragraph
from qa.relative_dates import TextDate, event_date

# How far back a day carries: one or two sentences. In the travel-ban timeline article the day is two
# sentences back ("On Tuesday evening …" / "The hearing allowed …" / "After listening to both sides …");
# three or more sentences back in agency copy is usually another event.
MAX_BACK = 2
# The first verb of a sentence in the past: "heard", "was asked", "drove", "had". A sentence whose first
# verb is present ("is", "has", "says"), or which opens with a quotation, does not continue a narration.
_PAST = re.compile(r"\b(?:was|were|had|did|\w{3,}ed|drove|took|made|gave|met|left|told|said|went|came|"
                   r"began|held|sent|spoke|wrote|won|lost|fled|led|ran|saw|struck|stood|sought|withdrew|"
                   r"quit|put|set|cut|hit)\b", re.IGNORECASE)
_PRESENT = re.compile(r"\b(?:is|are|has|have|says|remains?|continues?|will|can|does|do)\b", re.IGNORECASE)
_QUOTE_OPEN = re.compile(r"^[\"“‘']")


def narrates_the_past(sentence: str) -> bool:
    """True when `sentence`'s first finite verb is in the past and it is not a quotation."""
    if _QUOTE_OPEN.match(sentence.strip()):
        return False
    past, present = _PAST.search(sentence), _PRESENT.search(sentence)
    return bool(past) and (present is None or past.start() < present.start())


def inherited_date(body: str, spans: list[tuple[int, int]], index: int, published: date | None) -> TextDate | None:
    """The day sentence `spans[index]` of `body` takes from the narration it continues, or None.

    `spans` are the article's sentence spans in order. The returned date's phrase is the earlier
    sentence's date words and its offsets are None-like (-1): they are not in this sentence.
    """
    s, e = spans[index]
    if not narrates_the_past(body[s:e]) or event_date(body[s:e], published) is not None:
        return None
    later_start = s
    for back in range(1, MAX_BACK + 1):
        if index - back < 0:
            return None
        ps, pe = spans[index - back]
        if not same_paragraph(body, pe, later_start):
            return None
        earlier = body[ps:pe]
        found = event_date(earlier, published)
        if found is not None:
            return replace(found, start=-1, end=-1)
        if not narrates_the_past(earlier):
            return None
        later_start = ps
    return None
