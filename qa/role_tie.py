"""Which Pentagon official …? A person answered for a role must be described in that role somewhere.

"Which Pentagon official led the Oct. 1 talks with Russian officials …?" has no answer in the shared
sample article ("The Pentagon held talks with officials in Moscow on Oct. 1" names nobody), and four
blind sets written apart asked it (s11-18, s20-20, s22-20, s23-20): the model answered "Kerry" three
times — the article's Secretary of State, never tied to the Pentagon — flagged, not withheld.

The check: when a question asks "Which/What <qualifier> <role>" (a role a person holds: official,
president, minister, …) with a capitalised qualifier ("Pentagon", "Russian", "U.S."), a short answer
that is a person's name must share a sentence of the articles it came from with the qualifier (or the
role itself: "presidents Barack Obama and Vladimir Putin" answers "Which U.S. president …?"). A name
that appears only in sentences without either is not that role's holder. Nor is the question's own
words with a count ("two Pentagon officials", blind s23-20): that names nobody.

Replayed over the 20 answers on record (2026-12-06: demo, blind sample-article sets, RealTimeQA) to
"Which <qualifier> <role>" questions, it fires on the two "Kerry"s and "two Pentagon officials", all
three to unanswerable questions, and on none of the 17 right answers ("Barack Obama", "Feridun
Sinirlioğlu", "Gary Koren", "Vice President Kamala Harris", …). Such an answer is withheld, as one
for a role the passages describe without naming anyone in it (qa/role_names.py).
"""

from __future__ import annotations

import re
from typing import Iterable

from index.text import content_words, fold, split_sentences

ROLE_UNTIED = "the passages name no one in the role the question asks for"

_ROLES = ("official|officer|president|minister|diplomat|spokes(?:man|woman|person)|leader|senator|general|commander"
          "|ambassador|secretary|envoy|lawmaker|politician|chief|prosecutor|judge|governor|mayor|executive"
          "|negotiator|representative|aide|adviser|advisor")
_ASK = re.compile(rf"^\W*(?:which|what)\s+(?P<qualifier>(?:[\w.'’\-]+\s+){{1,3}}?)(?P<role>{_ROLES})(?:s|es)?\b",
                  re.IGNORECASE)
_CAPITALISED = re.compile(r"[A-Z][\w.'’\-]*")
# Qualifiers and the words of a sentence are compared by their first letters, so a demonym meets its country:
# "Turkish" and "Turkey", "Russian" and "Russia" (a stem would keep them apart).
PREFIX = 4


def asked_role(question: str) -> tuple[set[str], str] | None:
    """(the qualifier's word prefixes, the role) of "Which <qualifier> <role> …?", else None; a question
    whose qualifier has no capitalised word ("Which senior official …?") asks for no one role."""
    match = _ASK.match(question)
    if not match:
        return None
    qualifier = {_prefix(w) for w in _CAPITALISED.findall(match.group("qualifier"))} - {""}
    return (qualifier, match.group("role").lower()) if qualifier else None


def _prefix(word: str) -> str:
    """A word's first `PREFIX` letters, accents folded ("U.S." → "us")."""
    return re.sub(r"[^a-z0-9]", "", fold(word).lower())[:PREFIX]


def _is_person_name(short: str, question: str) -> bool:
    """True when `short` reads as a person's name the question does not hold: 1–4 words, all capitalised."""
    words = short.split()
    return (0 < len(words) <= 4 and all(_CAPITALISED.fullmatch(w) for w in words)
            and not content_words(short) <= content_words(question))


def role_untied(question: str, short: str, bodies: Iterable[str]) -> bool:
    """True when `question` asks for a qualified role's holder and `short` names nobody (the question's own
    words and a count), or is a name (or a list of names: "Kerry and Putin") that the `bodies` (the texts of
    the articles it came from) give but no sentence naming it holds the qualifier or the role."""
    asked = asked_role(question)
    if asked is None:
        return False
    if _names_nobody(short, question):
        return True
    names = [n for n in re.split(r",\s*|\s+(?:and|&)\s+", short.strip()) if n]
    if not all(_is_person_name(n, question) for n in names):
        return False
    qualifier, role = asked
    texts = list(bodies)
    return all(_untied(n, qualifier, role, texts) for n in names)


def _untied(name: str, qualifier: set[str], role: str, bodies: list[str]) -> bool:
    """True when the `bodies` name `name` (its last word) and none of the sentences naming it holds a
    `qualifier` word or the `role`."""
    surname = _folded(name.split()[-1])
    named = False
    for body in bodies:
        for start, end in split_sentences(body):
            tokens = re.findall(r"[\w.'’\-]+", body[start:end])
            if surname not in {_folded(t) for t in tokens}:
                continue
            named = True
            if {_prefix(t) for t in tokens} & qualifier or re.search(rf"\b{role}", body[start:end], re.IGNORECASE):
                return False
    return named


def _names_nobody(short: str, question: str) -> bool:
    """True when `short` holds no word but the question's and counts: "two Pentagon officials"."""
    extra = content_words(short) - content_words(question)
    return bool(content_words(short)) and all(w.isdigit() or w in _COUNTS for w in extra)


_COUNTS = frozenset("one two three four five six seven eight nine ten several some many few".split())


def _folded(word: str) -> str:
    """A word folded for comparing names: no accents, lower case, no possessive or punctuation."""
    return re.sub(r"['’]s$|[^a-z0-9\-]", "", fold(word).lower())
