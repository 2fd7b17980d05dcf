"""Who did what a question asks about: the subject a shown sentence gives the question's own verb.

"According to Azerbaijan's defence ministry, who prevented the recovery of the dead soldiers' bodies until
Monday?" — the model answered "Azerbaijan's defence ministry", the source the question names, while the
sentence it was shown says "… but the-separatists prevented the recovery of the bodies until Monday,
Azerbaijan's defence ministry said" (demo-103, withheld as an echo of the question). When the model only
repeats the question, the answer is in the sentence that repeats the question's verb and what follows it:
the words right before that verb, back to the clause's start.

`asked_subject` reads that subject: the question is "Who <verb> <rest>?" (an "According to …," opening
allowed; "Who is/was/did …" ask something else); a shown sentence has the verb (same stem) followed, within a
few words, by at least half of the rest's meaningful words; the subject is the one to six words before the
verb after the last comma, semicolon or clause word ("but", "and", "that", "while", …), auxiliaries and
adverbs between them skipped ("had bombed", "also prevented"). A pronoun, a
relative "who"/"which", or words all taken from the question are no answer. A determiner the scrape glued
to its noun ("the-separatists") is left off.
"""

from __future__ import annotations

import re
from typing import Sequence

from index.text import content_words

MAX_SUBJECT_WORDS = 6
# How far after the verb the rest of the question must be found, in words.
REST_WINDOW = 12
_WHO_DID = re.compile(r"^(?:according to [^,?]+,\s*)?who\s+(?P<verb>[a-z]+)\s+(?P<rest>[^?]+)\??\s*$", re.IGNORECASE)
_AUXILIARIES = frozenset("is was were are be been did does do has had have will would could can should may might "
                         "must else".split())
_CLAUSE_WORDS = frozenset("but and that while as after before when because since although though which who whom "
                          "whose where said says told".split())
_ADVERBS = frozenset("also not never reportedly allegedly then still already".split())
_NO_SUBJECT = frozenset("he she they it we i you this that these those which who there one".split())
_WORD = re.compile(r"[\w'’.-]+|[,;:()“”\"]")


def _stem(word: str) -> str:
    stems = content_words(word)
    return next(iter(stems)) if stems else ""


def asked_subject(asked: str, sentences: Sequence[str]) -> tuple[int, str] | None:
    """(index into `sentences`, the subject) of the question's verb as a shown sentence gives it, or None."""
    match = _WHO_DID.match(asked.strip())
    if not match or match.group("verb").lower() in _AUXILIARIES:
        return None
    verb, rest = _stem(match.group("verb")), content_words(match.group("rest"))
    if not verb or not rest:
        return None
    asked_words = content_words(asked)
    for index, sentence in enumerate(sentences):
        tokens = _WORD.findall(sentence)
        for at, token in enumerate(tokens):
            if _stem(token) != verb:
                continue
            after = content_words(" ".join(tokens[at + 1:at + 1 + REST_WINDOW]))
            if len(after & rest) * 2 < len(rest):
                continue
            subject = _subject_before(tokens[:at])
            if subject and not content_words(subject) <= asked_words:
                return index, subject
    return None


def _subject_before(tokens: Sequence[str]) -> str | None:
    """The words before a verb back to the clause's start, when they make a subject."""
    words: list[str] = []
    for token in reversed(tokens):
        if not re.match(r"\w", token) or token.lower() in _CLAUSE_WORDS:
            break
        words.insert(0, token)
    while words and words[-1].lower() in _AUXILIARIES | _ADVERBS:  # "had bombed", "also prevented"
        words.pop()
    if not words or len(words) > MAX_SUBJECT_WORDS or words[-1].lower() in _NO_SUBJECT:
        return None
    words[0] = re.sub(r"^(?:the|a|an)-(?=\w)", "", words[0], flags=re.IGNORECASE)  # "the-separatists"
    return " ".join(words)
