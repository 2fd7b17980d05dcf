"""When is something planned? answered with the date of something that already happened.

"On what date is the U.S.–Russian military de-confliction meeting scheduled to take place?" (blind s40-20 and
s28-18, both unanswerable) got "October 1", unflagged, from the sample's "The Pentagon held talks with officials
in Moscow on Oct. 1 in a bid to avoid mishaps …": a past event's date given as a planned one's. The article
never says when the meeting will be.

`past_not_planned` reads a question asking the date of what will, or is scheduled to, happen, and a short answer
that is a date; it holds when every sentence holding that date reports, before it, a verb in the past tense and
says nothing of a plan (will, scheduled, due, expected, agreed to …) in the date's clause. A planned date is written with
one of those words or in the present tense ("The summit opens on Monday"), so neither is read as past; a plan
word in another clause of the sentence than the date's is about something else.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

import lemminflect

from index.text import WORD, fold

# A question asking when something will happen: "On what date is … scheduled to take place?", "When will …?"
_ASKS_WHEN = re.compile(r"\b(?:what|which)\s+(?:exact\s+)?(?:date|day)\b|\bwhen\s+(?:will|is|are|was|were|would|does|do|did"
                        r"|has|have)\b", re.IGNORECASE)
_PLAN = (r"will|would|shall|should|could|might|must|can|scheduled|rescheduled|planned|plans?|planning|due"
         r"|set\s+(?:to|for)|expected|expects?|upcoming|next|later|going\s+to|agreed|agrees?|intends?|intended|aims?\s+to|proposed|postponed"
         r"|delayed|to\s+be\s+held|(?:is|are|was|were)\s+to")
_ASKS_PLANNED = re.compile(rf"\b(?:{_PLAN})\b", re.IGNORECASE)
_PLAN_WRITTEN = re.compile(rf"\b(?:{_PLAN})\b|['’]ll\b", re.IGNORECASE)
_MONTH_OR_DAY = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
                           r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
                           re.IGNORECASE)
PAST_NOT_PLANNED = "the passages give the date of something that already happened, not of what is planned"


def asks_planned_date(question: str) -> bool:
    """True for a question asking the date of something planned or still to come ("When will …?", "On what date
    is … scheduled …?")."""
    return bool(_ASKS_WHEN.search(question)) and bool(_ASKS_PLANNED.search(question))


def past_not_planned(question: str, short: str, holding: Sequence[str]) -> bool:
    """True when `question` asks a planned date, `short` is a date, and every sentence of `holding` (those
    holding `short`) writes it after a past-tense verb with no word of a plan."""
    if not holding or not asks_planned_date(question) or not _MONTH_OR_DAY.search(short):
        return False
    return all(_past_report(short, sentence) for sentence in holding)


def _past_report(short: str, sentence: str) -> bool:
    """True when the clause holding the date `short` says nothing of a plan and `sentence` has a past-tense verb
    before the date. A plan in another clause is about something else: "… the war on terror under … Trump will
    be more significant …, Russian Foreign Minister Sergey Lavrov told TASS on Tuesday" (blind s60-20, "Tuesday"
    for when the de-confliction meeting will be held, unflagged)."""
    at = _date_at(short, sentence)
    if at is None:
        return False
    start = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, at)), default=0)
    end = next((m.start() for m in _CLAUSE_END.finditer(sentence, at)), len(sentence))
    if _PLAN_WRITTEN.search(sentence, start, end):
        return False
    return any(_is_past(word) for word in WORD.findall(sentence[:at]) if word.islower())


_CLAUSE_END = re.compile(r"[,;:()“”\"]|\s[—–-]\s")


def _date_at(short: str, sentence: str) -> int | None:
    """Where the date `short` is written in `sentence`, as it is or by its month or weekday's first three letters
    ("October 1" in "on Oct. 1")."""
    at = fold(sentence).find(fold(short))
    if at >= 0:
        return at
    first = _MONTH_OR_DAY.search(short)
    if first is None:
        return None
    found = re.search(rf"\b{re.escape(first.group()[:3])}", sentence, re.IGNORECASE)
    return found.start() if found else None


@lru_cache(maxsize=4096)
def _is_past(word: str) -> bool:
    """True for a verb's past tense ("held", "met", "struck", "talked")."""
    lemmas = lemminflect.getAllLemmas(word).get("VERB")
    if not lemmas or lemmas[0] == word:
        return False
    return word in lemminflect.getInflection(lemmas[0], tag="VBD")
