"""Speakers described rather than named, and the definite descriptions that point back to them.

News names many sources by what they are, in words no title lexicon lists: "an employee of the
Merage Jewish Community Center said", "“…,” the receptionist said", "a voice warned". English marks
such a phrase by its determiner, so `DESCRIBED` is a determiner, one to three lower-case words and an
optional "of/for/at …" tail; it is only tried where a speech verb follows it.

A definite description then points back ("the employee said" after "an employee of … said"; "the
authority said" after "The Policing Authority has expressed …"): `DescribedSpeakers.antecedent`
finds the earlier, fuller phrase with the same head noun, so both statements name one speaker.
"""

from __future__ import annotations

import re

from index.speakers import SPEAKER, is_title_phrase

# Words that follow a determiner without being a described speaker's noun ("the also", "a further").
_NOT_NOUN = (r"(?:also|then|later|further|again|once|still|only|just|even|however|not|never|who|which|that|"
             r"had|has|have|was|were|is|are|would|will|could|can|may|might|must|should|did|does|do|been|"
             r"statement|[a-z]+ly)")
# (the commonest speech verbs only: a longer list costs more than it saves, since a verb taken for a noun
# leaves no verb after the phrase and the match fails anyway)
_NOUN = rf"(?!(?:{_NOT_NOUN}|said|says|say|told|tells|added|adds|wrote|writes)\b)[a-z][a-z\-]+"
# (a possessive is a determiner too: "Russia's top diplomat", "Iran's supreme leader")
DESCRIBED = (rf"(?:[Tt]he|[Aa]n?|[Aa]nother|[A-Z][\w\-]+['’]s)\s+(?:(?:{_NOUN}|[A-Z][a-z]+)\s+){{0,2}}{_NOUN}"
             rf"(?:\s+(?:of|for|at|from|by)\s+{SPEAKER})?")  # ("a market review by BTCC": a document's issuer)

_DETERMINER = re.compile(r"^(?:the|a|an|another)\s+", re.I)
_TAIL = re.compile(r"\s+(?:of|for|at|from|in)\s+.*$", re.S)


_DESCRIBED_ONLY = re.compile(DESCRIBED)


def is_description(phrase: str) -> bool:
    """True for a described speaker ("an employee of the Riverside Museum"): its head is lower-case, so the
    speaker is that person, not the capitalised name in its tail."""
    return bool(_DESCRIBED_ONLY.fullmatch(phrase.strip())) and not _TAIL.sub("", phrase.strip()).split()[-1][:1].isupper()


def head_noun(phrase: str) -> str:
    """The noun a described phrase is about: "an employee of the Merage Center" → "employee"."""
    words = _TAIL.sub("", phrase.strip()).split()
    return words[-1].lower().rstrip(".,") if words else ""


class DescribedSpeakers:
    """The described speakers of one article so far, to resolve "the <noun>" to the fuller phrase before it."""

    def __init__(self, body: str) -> None:
        self.body = body
        self._seen: dict[str, str] = {}  # head noun -> the latest fuller phrase with that head

    def saw(self, phrase: str) -> None:
        """Remember a speaker phrase that introduces someone ("an employee of …", "a caller")."""
        head = head_noun(phrase)
        if head and (not phrase.lower().startswith("the ") or head not in self._seen):
            if len(phrase.split()) > 2 or not phrase.lower().startswith("the "):
                self._seen[head] = phrase.strip()

    def antecedent(self, phrase: str, at: int) -> str | None:
        """What "the <noun>" at offset `at` stands for: an earlier fuller phrase, or a capitalised name ending
        in that noun ("the authority" → "The Policing Authority"); None when the article gives neither."""
        if not phrase.lower().startswith("the ") or len(phrase.split()) > 3:
            return None
        head = head_noun(phrase)
        if not head:
            return None
        earlier = self._seen.get(head)
        if earlier and earlier.lower() != phrase.lower():
            return earlier
        named = None
        for m in re.finditer(rf"\b((?:[A-Z][\w'’\-]+\s+){{1,4}}){re.escape(head.capitalize())}\b", self.body[:at]):
            named = strip_determiner(m.group(1) + head.capitalize())
        return named if named and len(named.split()) > 1 and not is_title_phrase(named) else None


def strip_determiner(phrase: str) -> str:
    """A phrase without its leading article ("The Policing Authority" → "Policing Authority")."""
    return _DETERMINER.sub("", phrase.strip())
