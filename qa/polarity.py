"""Yes or no, read from the sentence that settles a yes/no question.

The 1.5B model answered "Yes" to 7 of the demo set's 8 "no" questions once its reply had to
open with a short answer (2026-12-01 run: "Did the Oroville Dam itself fail?" over "The dam
did not fail" → "Yes"), and the checker passed those sentences: their words are all in the
passage, only the "not" is missing. So a "Yes" is checked here against the evidence: when
the sentence that best answers the question negates what the question asks ("did not fail",
"found not guilty of possessing", "failed to get Washington to sign", "no reports that
authorities found"), the answer is "No", quoted from that sentence. Only that direction is
overruled: the model's "No" was right whenever it gave one, and a sentence without a
negation does not prove a "Yes" ("The G20 dropped its pledge" answers "Did the US sign?").

The model's own citation is checked the same way (`quote_saying_no`): the sentence the checker
quotes for a "Yes" can be the very one that says not ("Yes … [1]" over "There were no casualties
on their side, the separatists said."), while another sentence scored best.
"""

from __future__ import annotations

import re
from typing import Sequence

from index.text import WORD, content_words, fold
from qa.citations import Citation

# A negation cue, then (within NEGATION_REACH words) a word the question asks about.
_NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|fail(?:s|ed|ing)?\s+to)\b"
                       r"|n't\b", re.IGNORECASE)
NEGATION_REACH = 4
# "U.S.", "U.N." are one word within that reach: "does not consider the U.S.-backed Free Syrian Army rebels
# a terrorist group" negates "Does Russia regard the U.S.-backed Free Syrian Army as a terrorist group?"
# (a held-out sample-article question, 2026-12-04: read as "u", "s", the reach ended before "backed").
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_QUESTION_NEGATED = re.compile(r"\b(?:not|never|no)\b|n't\b", re.IGNORECASE)


def negates(sentence: str, question: str) -> bool:
    """True when `sentence` negates something `question` asks about.

    "The dam did not fail" negates "Did the Oroville Dam itself fail?"; "He did not
    comment, but said the talks were held in Astana" does not negate "Were the talks
    held in Astana?" (no word of the question follows the "not" closely).
    """
    asked = content_words(question)
    for match in _NEGATION.finditer(sentence):
        rest = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), sentence[match.end():])
        following = WORD.findall(fold(rest))[:NEGATION_REACH]
        if content_words(" ".join(following)) & asked:
            return True
    return False


def settled_no(sentence: str, question: str) -> bool:
    """True when `sentence` answers the yes/no `question` with "No" (a question that is itself
    negated — "Didn't …?" — is left alone: its reading is ambiguous)."""
    return not _QUESTION_NEGATED.search(question) and negates(sentence, question)


def quote_saying_no(short: str | None, question: str, citations: Sequence[Citation]) -> Citation | None:
    """The first citation whose quote answers the yes/no `question` "No" when `short` is "Yes"
    (None otherwise): the answer's own evidence contradicts it."""
    if (short or "").strip(" .!").lower() != "yes":
        return None
    return next((c for c in citations if c.quote and settled_no(c.quote, question)), None)
