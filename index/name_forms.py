"""The forms a person's name takes in news text besides its plain one.

Three general habits of English news copy make one person look like another, or like nobody:

- a capitalised word that opens a sentence sits right before a name ("During Trump's call …"): a
  closed-class word (preposition, conjunction, determiner, adverb) is never a first name, so
  "During Trump" is not a name and must not become the full name a later "Trump" stands for;
- post-nominal letters follow a name ("Patricia McLaughlin BL", "Peter Nolan SC", "Jane Doe MP"):
  they are qualifications, not part of the name;
- a family name comes first ("Sun Haibing … says Sun", "Wang Guoqiang … the administration's Wang"):
  a lone name no full name ends with, but a two-word name begins with, is that person (it is also
  how a story calls someone by a first name);
- a surname is misspelt once in a story ("Law professor Carl Tobis said …. Tobias added …",
  "Michael Kaschk says" after "Michael Kaschke"): a name the article gives once, one letter away
  from a name it gives in full, is that person;
- outlets transliterate one name differently ("Sergey Lavrov" in TASS, "Sergei Lavrov" elsewhere):
  full names with the same surname whose other words are each one letter apart are one person.
"""

from __future__ import annotations

import re

from index.text import fold

# Closed-class words that open sentences with a capital; none of them is a first name.
FUNCTION_WORDS = frozenset(
    "About Above Across After Against Along Also Although Amid Among Amongst And Another Any Around As At Because "
    "Before Behind Below Beneath Beside Besides Between Beyond Both But By Despite Down During Each Either Even "
    "Every Except For From Hence However If In Inside Instead Into Its Like Many Meanwhile Moreover Most Much "
    "Near Neither Nevertheless No Nor Not Now Of Off On Once Only Onto Or Other Our Outside Over Per Since So "
    "Some Still Such Than That The Their Then Thereafter These They This Those Though Through Throughout Thus "
    "To Toward Towards Under Unlike Until Unless Upon Via Whatever When Whenever Where Whereas Whether Which While "
    "Who Whose Why With Within Without Yet".split())

# Post-nominal letters: barristers (BL, SC, QC, KC), parliament (MP, MEP, TD, MSP, MLA), honours and degrees.
POST_NOMINALS = frozenset("BL SC QC KC MP MEP TD MSP MLA AM OBE MBE CBE KBE DBE PhD MD Jr Jr. Sr Sr. II III".split())


def without_post_nominals(phrase: str) -> str:
    """The phrase without post-nominal letters at its end: "Patricia McLaughlin BL" → "Patricia McLaughlin".

    A described member keeps them: "a Fine Gael TD" is a TD, not the party."""
    words = phrase.split()
    if words and words[0].lower() in ("a", "an", "the", "one", "another"):
        return phrase
    while len(words) > 2 and words[-1].strip(",") in POST_NOMINALS:
        words.pop()
    return " ".join(words) if len(words) != len(phrase.split()) else phrase


def one_letter_apart(a: str, b: str) -> bool:
    """True when two words of five letters or more differ by one letter added, dropped or changed."""
    if a == b or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[i:] == long[i + 1:]


def misspelt_name(name: str, known: list[str], body: str) -> str | None:
    """The full name in `known` that `name` misspells, when `body` gives `name` only once.

    "Tobias" (once) for "Carl Tobis"; "Michael Kaschk" (once) for "Michael Kaschke". A name the
    article repeats is a person of its own, and the first names must agree when both are given.
    """
    words = name.split()
    if not words:
        return None
    for full in known:
        parts = full.split()
        if len(parts) < 2 or not one_letter_apart(words[-1], parts[-1]):
            continue
        if (len(words) == 1 or words[:-1] == parts[:-1]) \
                and len(re.findall(rf"\b{re.escape(words[-1])}\b", body)) == 1:
            return full
    return None


def named_by_first_word(name: str, runs: list[tuple[int, str]]) -> str | None:
    """The two-word name of `runs` (offset, words) that `name` opens, when no run ends with `name`.

    "Sun" → "Sun Haibing" (a family name first); None when two names open with it.
    """
    if any(run.split()[-1].rstrip("'’s") == name for _, run in runs):
        return None
    named = [(start, run) for start, run in runs if len(run.split()) == 2 and run.split()[0] == name
             and run.split()[1][:1].isupper() and not run.split()[1].endswith(("'s", "’s"))]
    # two people of one family name ("Lee Jae-yong", his father "Lee Kun-hee"): "Mr Lee" is not guessed
    return named[0][1] if len({run for _, run in named}) == 1 else None


def same_person(a: str, b: str) -> bool:
    """True when two full names are one person spelt two ways: the same surname (accents and case
    ignored) and each other word the same or one letter apart ("Sergey Lavrov" = "Sergei Lavrov";
    "Mark Smith" ≠ "Mary Smith", four letters being too few to tell a spelling from another name)."""
    x, y = fold(a).split(), fold(b).split()
    if len(x) != len(y) or len(x) < 2 or x[-1] != y[-1]:
        return False
    return all(p == q or one_letter_apart(p, q) for p, q in zip(x[:-1], y[:-1]))
