"""The number of answers a question asks for: "Which three Syrian areas …?" wants three names.

That number counts the answer; it is not something the passages must say. Searched for, it pulls in
every passage that says "three" about anything: held-out s6-10 ("Which three Syrian areas did the joint
statement say were hit by the Russian Air Force?") ranked four chunks of a DW story headlined "Russian
airstrike against IS kills three Turkish soldiers" above the joint statement's "attacks by the Russian
Air Force on Hama, Homs and Idlib" (7th, outside the six passages the model reads); without the "three"
it is 4th. So retrieval and evidence selection search the question without it (`Query.search_text`);
the model still reads the whole question.
"""

from __future__ import annotations

import re

_COUNTS = {w: n for n, w in enumerate("two three four five six seven eight nine ten".split(), 2)}
# "Which three …", "What two …", "Name the four …", "List five …": the wh-word (or the imperative) then the
# number then a noun; "What three-year plan …" or "Which 10% …" are not counts of answers.
_ASKED_COUNT = re.compile(r"^(\W*(?:which|what|name|list)\s+(?:the\s+)?)(two|three|four|five|six|seven|eight|nine|ten"
                          r"|[2-9]|1[0-9])\s+(?=[A-Za-z])(?!(?:of|per|percent|times)\b)", re.IGNORECASE)


def answer_count(question: str) -> int | None:
    """How many answers the question asks for ("Which three …?" → 3), None when it does not say."""
    m = _ASKED_COUNT.match(question)
    if not m:
        return None
    word = m.group(2).lower()
    return _COUNTS[word] if word in _COUNTS else int(word)


def without_answer_count(question: str) -> str:
    """The question without the number that counts its answers ("Which three Syrian areas …" →
    "Which Syrian areas …"); any other question unchanged."""
    return _ASKED_COUNT.sub(lambda m: m.group(1), question, count=1)
