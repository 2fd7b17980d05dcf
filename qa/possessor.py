"""A "whose …?" answered with the owner the sentence names.

"Whose government did the Turkish prime minister say Russia's air strikes were meant to prop up?"
(blind s21-02) and "According to Turkey's prime minister, whose government was Russia trying to prop up
…?" (blind s22-12), two sets written apart, both over the shared sample's "Turkish Prime Minister Ahmet
Davutoğlu accused Russia on Oct. 2 of targeting moderate Syrian rebels in its air strikes in Syria to prop
up the government of President Bashar al-Assad.": the model answered "Turkey's government" and "Turkish
government", the one government the question itself names — withheld once, flagged once.

`possessor` reads the owner off the sentence that answers the question: the capitalised name after
"the <noun> of" or before "'s <noun>", where <noun> is the word after the question's "whose". A name
the question already holds is no answer ("Turkey's government" for a question about Turkey's prime
minister).
"""

from __future__ import annotations

import re

from index.text import content_words

_WHOSE = re.compile(r"\bwhose\s+(?P<noun>[a-z][\w\-]*)", re.IGNORECASE)
_NAME = r"(?:[A-Z][\w.'’\-]*)(?:\s+(?:(?:al|el|bin|ibn|de|du|van|von|der|la|le)[\-\s])?[A-Z][\w.'’\-]*)*"


def asks_whose(question: str) -> bool:
    """True when `question` asks whose something is ("Whose government …?")."""
    return bool(_WHOSE.search(question))


def possessor(question: str, sentence: str) -> str | None:
    """The owner `sentence` names for the thing `question` asks "whose" of, when the question does not
    already hold that name; else None."""
    asked = _WHOSE.search(question)
    if not asked:
        return None
    noun = re.escape(asked.group("noun"))
    patterns = (rf"\bthe\s+{noun}s?\s+of\s+(?P<name>{_NAME})", rf"(?P<name>{_NAME})['’]s?\s+{noun}s?\b")
    for pattern in patterns:
        for m in re.finditer(pattern, sentence):
            name = m.group("name").strip(" .,")
            if name and not content_words(name) <= content_words(question):
                return name
    return None
