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

A name whose own title gives the role another qualifier is not tied by it: "Turkish Foreign Minister
Feridun Sinirlioğlu" was the model's answer to "What is the name of the Russian foreign minister Kerry
met …?" (blind s24-09). Then the one person a shown sentence titles with the role and qualifier asked
for ("Russian Foreign Minister Sergei Lavrov", `titled_holder`) is the answer, quoted; with none, the
answer is withheld, as one for a role the passages describe without naming anyone in it
(qa/role_names.py).

Replayed over the 29 answers on record (2026-12-06: demo, blind sample-article sets, RealTimeQA) to
such questions, it fires on the two "Kerry"s and "two Pentagon officials" (all three to unanswerable
questions), on "Feridun Sinirlioğlu" and on s16-08's echoed "Kerry" for "Who is the Russian foreign
minister Kerry met …?" (both now "Sergei Lavrov"), and on none of the 19 right answers ("Barack Obama",
"Feridun Sinirlioğlu" for the Turkish minister, "Gary Koren", "Vice President Kamala Harris", …).
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator, Sequence

import lemminflect

from index.text import CAPITALISED_RUN, content_words, fold, split_sentences

ROLE_UNTIED = "the passages name no one in the role the question asks for"

_ROLES = ("official|officer|president|minister|diplomat|spokes(?:man|woman|person)|leader|senator|general|commander"
          "|ambassador|secretary|envoy|lawmaker|politician|chief|prosecutor|judge|governor|mayor|executive"
          "|negotiator|representative|aide|adviser|advisor|head|chairman|chairwoman|chair")
_ASK = re.compile(rf"^\W*(?:which|what|what(?:\s+(?:is|was|are|were)|['’]?s)\s+the\s+names?\s+of\s+the"
                  rf"|who\s+(?:is|was|are|were)(?:\s+the)?)\s+(?P<qualifier>(?:[\w.'’\-]+\s+){{1,5}}?)"
                  rf"(?P<role>{_ROLES})(?:s|es)?\b", re.IGNORECASE)
# Words of a title that say what the office is, not whose: "Turkish Foreign Minister", "U.S. Secretary of State".
_TITLE_WORDS = frozenset(
    "foreign prime deputy vice interior defence defense finance state general chief senior former acting first "
    "press foreign-affairs secretary-general home economy justice trade energy health education culture".split())
_CAPITALISED = re.compile(r"[A-Z][\w.'’\-]*")
# Lower-case words of a qualifier that name no body: "the", "senior", "top".
_FILLER = frozenset("the a an of top senior junior main chief new old current".split())
# Qualifiers and the words of a sentence are compared by their first letters, so a demonym meets its country:
# "Turkish" and "Turkey", "Russian" and "Russia" (a stem would keep them apart).
PREFIX = 4


def asked_role(question: str) -> tuple[set[str], str] | None:
    """(the qualifier's word prefixes, the role) of "Which <qualifier> <role> …?" (or "What is the name of the
    …", "Who is the …"), else None; a question whose qualifier has no capitalised word ("Which senior
    official …?") asks for no one role."""
    match = _ASK.match(question)
    if not match or any(_verb_only(w) for w in match.group("qualifier").split()):
        return None  # "Which US body held talks with officials …": a clause, no qualifier of the role
    words = _CAPITALISED.findall(match.group("qualifier"))
    if not words and question == question.lower():
        # typed all in lower case, "whats the name of the duma foreign affairs committee head …" (held-out s64-18):
        # the qualifier's words that are no title word stand for the capitalised ones
        words = [w for w in match.group("qualifier").split() if w.lower() not in _TITLE_WORDS | _FILLER]
    qualifier = {_prefix(w) for w in words} - {""}
    return (qualifier, match.group("role").lower()) if qualifier else None


def _verb_only(word: str) -> bool:
    """True for a word the dictionary knows only as a verb or auxiliary ("held", "did"), never a noun or an
    adjective."""
    kinds = set(lemminflect.getAllLemmas(word.lower().strip(".,")))
    return bool(kinds) and kinds <= {"VERB", "AUX"}


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
    if _names_nobody(short, question, asked[0]):
        return True
    names = [n for n in re.split(r",\s*|\s+(?:and|&)\s+", short.strip()) if n]
    if not all(_is_person_name(n, question) for n in names):
        return False
    qualifier, role = asked
    texts = list(bodies)
    return all(_untied(n, qualifier, role, texts) for n in names)


def _untied(name: str, qualifier: set[str], role: str, bodies: list[str]) -> bool:
    """True when the `bodies` name `name` (its last word) and no sentence naming it ties it to the role: a
    `qualifier` word or the `role` in the sentence, unless the name's own title gives the role another
    qualifier ("Turkish Foreign Minister Feridun Sinirlioğlu" for "the Russian foreign minister", blind s24-09)."""
    surname = _folded(name.split()[-1])
    named = False
    for body in bodies:
        for start, end in split_sentences(body):
            sentence = body[start:end]
            tokens = re.findall(r"[\w.'’\-]+", sentence)
            if surname not in {_folded(t) for t in tokens}:
                continue
            named = True
            title = _title_of(surname, sentence, role)
            if title is not None:
                others = {_prefix(w) for w in title if w.lower() not in _TITLE_WORDS} - qualifier
                if not others or qualifier & {_prefix(w) for w in title}:
                    return False
                continue  # titled for another country's or body's office
            if {_prefix(t) for t in tokens} & qualifier or re.search(rf"\b{role}", sentence, re.IGNORECASE):
                return False
    return named


# A run of capitalised words (and "of"/"the" inside it): a title and the name it precedes.
_RUN = re.compile(CAPITALISED_RUN)


def _titled_runs(sentence: str, role: str) -> Iterator[tuple[list[str], list[str]]]:
    """(the title's words before the role, the words after it) of each capitalised run of `sentence` holding
    the `role`, split at its last mention: "Turkish Foreign" and "Feridun Sinirlioğlu" of "Turkish Foreign
    Minister Feridun Sinirlioğlu"."""
    for run in _RUN.finditer(sentence):
        words = run.group(0).split()
        at = [i for i, w in enumerate(words) if re.fullmatch(rf"{role}(?:s|es)?", w, re.IGNORECASE)]
        if at:
            yield words[:at[-1]], words[at[-1] + 1:]


def _title_of(surname: str, sentence: str, role: str) -> list[str] | None:
    """The words before the role in the capitalised run that ends in the name `surname` and holds the
    `role` ("Turkish Foreign" of "Turkish Foreign Minister Feridun Sinirlioğlu"); None when no run does."""
    for title, name in _titled_runs(sentence, role):
        if surname in {_folded(w) for w in name}:
            return [w for w in title if w not in ("of", "the")]
    return None


def titled_holder(question: str, sentences: Sequence[str]) -> tuple[int, str] | None:
    """(index, name) of the one person the `sentences` title with the role and qualifier the question asks
    for ("Russian Foreign Minister Sergei Lavrov" for "What is the name of the Russian foreign minister …?");
    None when none or several are."""
    asked = asked_role(question)
    if asked is None:
        return None
    qualifier, role = asked
    found: dict[str, int] = {}
    for i, sentence in enumerate(sentences):
        for title, name in _titled_runs(sentence, role):
            if 1 <= len(name) <= 3 and qualifier & {_prefix(w) for w in title}:
                found.setdefault(" ".join(name).rstrip(".,;:"), i)
    return next(((i, name) for name, i in found.items()), None) if len(found) == 1 else None


def _names_nobody(short: str, question: str, qualifier: set[str]) -> bool:
    """True when `short` holds no word but the question's, the qualifier's other forms and counts: "two
    Pentagon officials", "Turkish foreign minister" for "Who is Turkey's foreign minister …?" (blind s26-06)."""
    extra = content_words(short) - content_words(question)
    return bool(content_words(short)) and all(w.isdigit() or w in _COUNTS or _prefix(w) in qualifier for w in extra)


_COUNTS = frozenset("one two three four five six seven eight nine ten several some many few".split())


def _folded(word: str) -> str:
    """A word folded for comparing names: no accents, lower case, no possessive or punctuation."""
    return re.sub(r"['’]s$|[^a-z0-9\-]", "", fold(word).lower())
