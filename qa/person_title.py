"""What post does X hold? The title a shown sentence writes before X's name.

Asked "What post does Feridun Sinirlioğlu hold?" (blind s36-01), the model wrote "Minister of Foreign
Affairs" — right in meaning, but no passage writes it, and with the model unsure it was withheld. The
shared sample article writes "Turkish Foreign Minister Feridun Sinirlioğlu met with Kerry …": news gives a
person's post as a title in front of the name, so that title, copied, is the short answer.

`asked_holder` reads the person a question asks the post of ("What post/office/position/job/title/role does
X hold?", "What is X's job?", "What position did X have?"); `person_title` finds the first shown sentence
with a run of capitalised words that ends in that person's surname and holds a title word (minister,
secretary, president, …), and gives the run up to its last title word: "Turkish Foreign Minister" of
"Turkish Foreign Minister Feridun Sinirlioğlu", "U.S. Secretary of State" of "U.S. Secretary of State John
Kerry". First names between the title and the surname (at most three words) are left out.
"""

from __future__ import annotations

import re
from typing import Sequence

from index.text import CAPITALISED_RUN, fold

_POST = r"(?:post|office|position|job|title|role|rank|portfolio)"
_ASKED = re.compile(
    rf"^\W*(?:what|which)\s+{_POST}\s+(?:does|did|do|has|had)\s+(?P<a>.+?)\s+(?:hold|have|occupy|fill)\b"
    rf"|^\W*what\s+(?:is|was)\s+(?P<b>.+?)['’]s?\s+(?:official\s+)?{_POST}\b"
    rf"|^\W*what\s+(?:is|was)\s+the\s+{_POST}\s+of\s+(?P<c>[^?]+)", re.IGNORECASE)
# Words that make a run of capitalised words a title: the office itself, or the word closing it ("of State").
_TITLE_WORDS = frozenset(
    "minister secretary president vice-president chancellor premier spokesman spokeswoman spokesperson "
    "ambassador envoy general commander chief director chairman chairwoman chair head governor mayor senator "
    "king queen prince pope judge justice commissioner leader speaker state affairs attorney-general".split())
_RUN = re.compile(CAPITALISED_RUN)
MAX_FIRST_NAMES = 3


def asked_holder(question: str) -> str | None:
    """The person whose post `question` asks for ("Feridun Sinirlioğlu" of "What post does Feridun
    Sinirlioğlu hold?"), or None when it asks for no post."""
    match = _ASKED.match(question)
    if not match:
        return None
    name = (match.group("a") or match.group("b") or match.group("c")).strip(" ?")
    # a person's name, every word capitalised: "the title of Derek Walcott's Homeric epic poem" asks for a work
    return name if name and all(w[:1].isupper() for w in name.split()) else None


def _title_in(run: str, surname: str) -> str | None:
    words = run.split()
    if not words or fold(words[-1]).strip(".,;:'’") != surname:
        return None
    titled = [i for i, w in enumerate(words[:-1]) if fold(w).strip(".,;:") in _TITLE_WORDS]
    if not titled or len(words) - 2 - titled[-1] > MAX_FIRST_NAMES - 1:
        return None
    return " ".join(words[:titled[-1] + 1])


def person_title(question: str, sentences: Sequence[str]) -> tuple[int, str] | None:
    """(index into `sentences`, the title) a shown sentence writes before the name of the person `question`
    asks the post of; None when the question asks for no post or no sentence titles that person."""
    holder = asked_holder(question)
    if holder is None:
        return None
    surname = fold(holder.split()[-1]).strip(".,;:'’")
    for index, sentence in enumerate(sentences):
        for run in _RUN.finditer(sentence):
            title = _title_in(run.group(0), surname)
            if title:
                return index, title
    return None
