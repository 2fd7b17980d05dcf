"""Did X accept Y? A yes/no question about a party's stance, answered by that party's own denial.

"Did Ahmet Davutoğlu accept Moscow's insistence that its air strikes were aimed at ISIL?" over
"…, Davutoğlu rejected Moscow's insistence that its campaign of air strikes … was aimed at ISIL" is
no dispute to lay out side by side (qa/disputes.py): the question asks what Davutoğlu did, and the
sentence says it — "No". Blind held-out s17-14 and s22-14 (two sets written by different people who
read only the shared sample article) both asked this shape with the answer "No", and both got
"Disputed". The rule runs before the dispute rule and, like it, before the model:

- the question is "Did/Does/Has <party> accept/agree/endorse/… …?";
- a sentence shown has that party deny something ("<party> rejected/denied/disputed …"), the party the
  last name before the verb, and what it denies shares words with the question.

Then the answer is "No" with the denial quoted and cited. A question asking about the denial itself
("Did X reject …?") or about what someone said is left to the other rules and the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from index.text import content_words
from qa.disputes import DENIAL, denied_words, shown_article_sentences
from qa.evidence import Evidence
from qa.prompts import is_yes_no_question
from qa.quote_marks import in_quotes

STANCE_DECISION = "stance"  # the answer's decision when the party's own denial settled it
NO = "No"

_STANCE_VERB = (r"accept(?:s|ed)?|agree(?:s|d)?|endorse(?:s|d)?|approve(?:s|d)?|support(?:s|ed)?|back(?:s|ed)?"
                r"|believe(?:s|d)?|acknowledge(?:s|d)?|admit(?:s|ted)?|concede(?:s|d)?|embrace(?:s|d)?"
                r"|share(?:s|d)?|recogni[sz]e(?:s|d)?")
_ASK = re.compile(rf"^\W*(?:did|does|do|has|have|had)\s+(?P<party>(?:[\w'’.-]+\s+){{1,6}}?)(?:{_STANCE_VERB})\b"
                  r"(?P<rest>.*)$", re.IGNORECASE)
# Lower-case words a party's name may hold beside capitalised ones ("the World Bank", "Turkey's prime minister").
_PARTY_WORDS = frozenset(
    "the a an prime foreign defence defense interior finance minister ministry secretary president government "
    "spokesman spokeswoman spokesperson officials official coalition authorities police military army bank "
    "company court council committee leader leaders rebels opposition".split())
# The party must be named within this many words before the denial verb ("But the World Bank has apparently
# disputed …" is 3 words after "Bank"); further back, another subject may have come between.
PARTY_REACH = 6
# What the party denies shares this many content words with the rest of the question (demo-116 shares
# "report", "findings"; s22-14 shares six).
SHARED_WORDS = 2
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")


@dataclass(frozen=True)
class StanceDenial:
    """The party's denial settling a stance question: its 0-based evidence index and article sentence."""

    evidence_index: int
    sentence: str

    def answer_text(self) -> str:
        """The denial as a quoted, cited line (the marker is the 1-based evidence number)."""
        return f"{in_quotes(self.sentence)} [{self.evidence_index + 1}]"


def asked_stance(question: str) -> tuple[set[str], set[str]] | None:
    """(the party's content words, the rest of the question's content words) of "Did <party> accept …?",
    else None. The party is a name or a body ("the World Bank", "Turkey's prime minister")."""
    match = _ASK.match(question)
    if not match or not is_yes_no_question(question):
        return None
    words = [re.sub(r"['’]s$", "", w) for w in match.group("party").split()]
    if not all(w[:1].isupper() or w.lower() in _PARTY_WORDS for w in words):
        return None
    party = content_words(" ".join(words))
    return (party, content_words(match.group("rest")) - party) if party else None


def _party_denies(sentence: str, party: set[str], asked: set[str]) -> bool:
    """True when `sentence` has the party deny something the question asks about: the party named within
    `PARTY_REACH` words before the denial verb, as the last capitalised word there when one is."""
    for match in DENIAL.finditer(sentence):
        before = sentence[:match.start()].split()[-PARTY_REACH:]
        if not party & content_words(" ".join(before)):
            continue
        names = [w for w in before if _CAPITALISED.match(w)]
        if names and not party & content_words(names[-1]):
            continue  # "Davutoğlu said Russia rejected …": Russia denies, not the party
        if len(denied_words(match) & asked) >= SHARED_WORDS:
            return True
    return False


def stance_denial(question: str, evidence: Sequence[Evidence]) -> StanceDenial | None:
    """The shown sentence in which the question's party denies what it is asked to have accepted, or None."""
    asked = asked_stance(question)
    if asked is None:
        return None
    party, rest = asked
    for i, sentence in shown_article_sentences(evidence):
        if _party_denies(sentence, party, rest):
            return StanceDenial(i, sentence)
    return None
