"""A date answer read from another story: the article holding it never mentions what the question is about.

Every news article is full of dates, each of them the date of its own events. Asked "On what date is the
U.S.–Russian military de-confliction meeting scheduled to take place?" (blind s40-20 and s61-18, unanswerable:
the sample article only says the meeting will be "soon"), the model answered "March 7" from a TASS story on
eastern Ukraine cited beside the sample: "… the parties agreed to resume the weapons withdrawal process on
March 7." That story never mentions "Russian"; the sample, cited for the sentence around it, does. Such an
answer was only flagged ("the article it came from never mentions Russian", `qa.unmentioned`), and shown.

A flag is right for most answers from such an article (a name or a place may well be in a story that never
writes the question's other names: RealTimeQA's right "Kharkiv region" came from a story that never says
"Kremlin"), but a date belongs to the events its article reports: one from an article that never mentions the
question's names dates something else. `date_from_another_story` tells when the flag means that.
"""

from __future__ import annotations

from qa.answer_kind import AnswerKind, expected_kind, phrase_offers

DATE_FROM_ANOTHER_STORY = "the passages never say when; that date is from an article about something else"


def date_from_another_story(question: str, short: str) -> bool:
    """True when `question` asks when something happens and `short` is a date the question does not already
    name; the caller has found that the article holding `short` never mentions the question's names."""
    return expected_kind(question) is AnswerKind.DATE and phrase_offers(AnswerKind.DATE, short, question)
