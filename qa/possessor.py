"""A "whose …?" answered with the owner the sentence names.

"Whose government did the Turkish prime minister say Russia's air strikes were meant to prop up?"
(blind s21-02) and "According to Turkey's prime minister, whose government was Russia trying to prop up
…?" (blind s22-12), two sets written apart, both over the shared sample's "Turkish Prime Minister Ahmet
Davutoğlu accused Russia on Oct. 2 of targeting moderate Syrian rebels in its air strikes in Syria to prop
up the government of President Bashar al-Assad.": the model answered "Turkey's government" and "Turkish
government", the one government the question itself names — withheld once, flagged once.

"The head of which Russian parliamentary body's foreign affairs committee …?" (blind s21-06, s23-06) asks
the same of the committee, and got "Foreign Affairs Committee" twice.

`possessor` reads the owner off the sentence that answers the question: the capitalised name after
"the <noun> of/at" or before "'s <noun>", where <noun> is the word after the question's "whose" (or one
of the words after "which …'s"). A name
the question already holds is no answer ("Turkey's government" for a question about Turkey's prime
minister).
"""

from __future__ import annotations

import itertools
import re

from index.text import content_words

_WHOSE = re.compile(r"\bwhose\s+(?P<noun>[a-z][\w\-]*)", re.IGNORECASE)
# "The head of which Russian parliamentary body's foreign affairs committee gave …?" (blind s23-06) asks the
# same of "committee": the owner of one of the (up to three) words after "which …'s". The owner's kind is
# written in lower case ("body's", "company's"; not "Which official gave Russia's estimate …?"), no auxiliary
# comes between ("Which places did the coalition's statement …?"), and a compound is no owner ("children's book").
_WHICH_OWNERS = re.compile(r"\b[Ww]hich\s+(?P<kind>(?:[\w\-]+\s+){0,2}?[a-z][\w\-]*)['’]s\s+"
                           r"(?P<nouns>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})")
_NO_OWNER = frozenset("did does do is are was were has have had will would can could children women men people "
                      "girls boys".split())
_NAME = r"(?:[A-Z][\w.'’\-]*)(?:\s+(?:(?:al|el|bin|ibn|de|du|van|von|der|la|le)[\-\s])?[A-Z][\w.'’\-]*)*"


def _owned_nouns(question: str) -> list[str]:
    """The nouns whose owner `question` asks: the word after "whose", else the words after "which …'s"
    (last first: "foreign affairs committee" → committee, affairs, foreign)."""
    if asked := _WHOSE.search(question):
        return [asked.group("noun")]
    asked = _WHICH_OWNERS.search(question)
    if asked and not {w.lower() for w in asked.group("kind").split()} & _NO_OWNER:
        words = asked.group("nouns").split()
        return list(itertools.takewhile(lambda w: content_words(w) and w not in _NO_OWNER, words))[::-1]
    return []


def asks_whose(question: str) -> bool:
    """True when `question` asks whose something is ("Whose government …?", "… which body's committee …?")."""
    return bool(_owned_nouns(question))


def possessor(question: str, sentence: str) -> str | None:
    """The owner `sentence` names for the thing `question` asks "whose" of, when the question does not
    already hold that name; else None. The owner follows "the <noun> of/at" ("the foreign affairs committee
    at the State Duma") or precedes "'s <noun>"."""
    for noun in map(re.escape, _owned_nouns(question)):
        patterns = (rf"\bthe\s+(?:[\w\-]+\s+){{0,3}}?{noun}s?\s+(?:of|at)\s+(?:the\s+)?(?P<name>{_NAME})",
                    rf"(?P<name>{_NAME})['’]s?\s+(?:[\w\-]+\s+){{0,3}}?{noun}s?\b")
        for pattern in patterns:
            for m in re.finditer(pattern, sentence):
                name = re.sub(r"^The\s+", "", m.group("name").strip(" .,"))  # a sentence's first "The"
                if name and not content_words(name) <= content_words(question):
                    return name
    return None
