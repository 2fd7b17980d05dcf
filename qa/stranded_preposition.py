"""What …? ending in a preposition, answered with what that preposition takes in the answering sentence.

"What event was the Turkish prime minister flying back from when he spoke to reporters …?" (blind s27-03
and s28-03, two sets written apart) asks for the object of its stranded "from". The answering sentence
has it: "… as he returned from the U.N. General Assembly in New York, Davutoğlu rejected …". The 1.5B
model wrote a headline of another article, or the question's own words, as its short answer, and both
answers were withheld as clauses of its own.

`stranded_object` reads the answer off a sentence: the question is "What/Which <noun> …" with a
preposition left standing before its end or before "when/while/as/after/before" (or "Where …" with a
standing "from" or "to", or "From/With which <noun> …" with it in front); the sentence holds that
preposition exactly once followed by a capitalised name ("the U.N. General Assembly"), which the
question does not already name, and of the sentences that do, the one holding most of the question's
relation words is read (at least `SENTENCE_SHARE` of them). Anything else gives None, and the reply is
left as it was.
"""

from __future__ import annotations

import re
from typing import Sequence

from index.text import CAPITALISED_RUN, STOPWORDS, content_words, joined_to_participle
from qa.abstain import question_names, relation_words, words_found

_PREPOSITIONS = "from|to|in|at|for|with|into|onto|about|against|of|by|on"
# "What/Which <noun> … <verb> <preposition>" at the question's end or before a clause of time; "Where …
# <verb> from/to" the same way (blind s34-02: "Where was Turkey's prime minister flying back from when he
# spoke …?" got the "Syria" of another sentence's "air strikes in Syria", unflagged).
_STANDING = r"\s*(?:[?.!]*\s*$|,|\s+(?:when|while|as|after|before|during|once)\b)"
_STRANDED = re.compile(rf"^\W*(?:(?:what|which)\b.+?\b(?P<prep>{_PREPOSITIONS})|where\b.+?\b(?P<place>from|to)){_STANDING}",
                       re.IGNORECASE)
# The same question with its "from" in front: "From which event was the Turkish premier coming back when …?"
# (blind s33-03, withheld), or its "with": "With which Russian official did Kerry make a joint appearance before
# reporters?" (blind s57-12 got "John Kerry", the question's own man). Only these two: "On what date …?" asks a
# date, not what "on" takes.
# The asked noun may follow a capitalised adjective ("which Russian official"), not a pronoun ("From what I read").
_FRONTED = re.compile(r"^\W*(?P<prep>from|with)\s+(?:what|which)\s+(?-i:[a-z]|[A-Z][a-z]+\s+[a-z])", re.IGNORECASE)
# "from where Davutoglu was returning when he talked to turkish reporters on plane" (blind s60-12, "Turkey",
# flagged) is "Where was Davutoglu returning from …?".
_FROM_WHERE = re.compile(r"^\W*from\s+where\b", re.IGNORECASE)
# The sentence read holds this share of the question's relation words, the asked noun left out: s27-03's
# answering sentence ("Speaking to Turkish reporters on his plane as he returned from the U.N. General
# Assembly …") holds 2 of its 6 (speak, strike; not prime, minister, fly, back).
SENTENCE_SHARE = 0.3
# …and at least this many of them: a short question's one word ("speak" of "Which city did Kerry speak in?")
# is met by many sentences.
MIN_FOUND = 2
_ASKED_NOUN = re.compile(r"^\W*(?:from\s+)?(?:what|which)\s+(?P<noun>[a-z][\w\-]*)", re.IGNORECASE)
_OBJECT = r"\s+(?P<object>(?:the\s+)?" + CAPITALISED_RUN + ")"


def stranded_preposition(question: str) -> str | None:
    """The preposition a "What/Which/Where …?" question leaves standing ("from" in "What event was he flying
    back from when …?"), or puts in front ("From which event was he coming back …?", "from where …"), or None."""
    if _FROM_WHERE.match(question):
        return "from"
    m = _STRANDED.match(question) or _FRONTED.match(question)
    return (m.groupdict().get("prep") or m.group("place")).lower() if m else None


def stranded_object(question: str, sentences: Sequence[str]) -> tuple[int, str] | None:
    """(index, name) of the capitalised name one of the `sentences` puts right after the question's stranded
    preposition, where it does so exactly once and the question does not name it; of several such sentences,
    the one holding most of the question's relation words. None when no sentence qualifies."""
    prep = stranded_preposition(question)
    if prep is None:
        return None
    wanted = _wanted(question)
    found: list[tuple[float, int, str]] = []
    for n, sentence in enumerate(sentences):
        objects = [(m.group("object").rstrip(".,;:"), sentence[m.end():])
                   for m in re.finditer(rf"\b{prep}{_OBJECT}", sentence)]
        objects = [o for o, after in objects if not _modifies(o, after)]
        if len(objects) != 1 or content_words(objects[0]) <= content_words(question):
            continue
        share = _share(wanted, sentence)
        if share >= SENTENCE_SHARE:
            found.append((-share, n, objects[0]))
    return min(found)[1:] if found else None


def _modifies(name: str, after: str) -> bool:
    """True when capitalised `name` is a modifier of a noun that follows (`after`): "Turkish reporters",
    "the U.S.-led coalition"; or the first of two joined names ("the Islamic State of Iraq and the Levant",
    "France and Germany"), which no one name answers."""
    following = re.match(r"\s+([a-z][\w\-]*)", after)
    return (joined_to_participle(name) or bool(re.match(r"\s+(?:and|or|&)\s+(?:the\s+)?[A-Z]", after))
            or bool(following and following.group(1) not in STOPWORDS))


def _wanted(question: str) -> tuple[set[str], set[str]]:
    """The question's relation words, the noun asked for ("event") left out; and the same with its names. The
    names read too: "where was Davutoglu flying home from when he talked to reporters on the plane?" (blind
    s52-03) holds only "plane" of its relation words in the answering sentence ("Speaking to Turkish reporters
    on his plane as he returned from …, Davutoğlu rejected …"), and was withheld; that sentence names Davutoğlu."""
    noun = _ASKED_NOUN.match(question)
    relation = relation_words(question) - content_words(noun.group("noun") if noun else "")
    return relation, relation | content_words(" ".join(question_names(question)))


def _share(wanted: tuple[set[str], ...], sentence: str) -> float:
    """The best share of each set of `wanted` words `sentence` holds; 0 for a set it holds fewer than
    `MIN_FOUND` of."""
    found = [(words_found(words, sentence), words) for words in wanted if words]
    return max((len(f) / len(words) for f, words in found if len(f) >= MIN_FOUND), default=0.0)
