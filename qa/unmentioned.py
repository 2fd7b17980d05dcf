"""A short answer from articles that never mention what the question is about.

"How many Russian aircraft took part in the strikes on Raqqa?" was answered "3,000" from a TASS
story on NATO's 1999 campaign against Yugoslavia (14 new questions on the shared sample article,
2026-12-04; the archive does not say): every word the answer cited was in its passage, and the
passage's article never names Raqqa. A question's names — its capitalised words past each sentence's
first, outlets left out — say what it is about; when one of them is in none of the cited articles
(headline and whole body, as stored), the answer is about something else and its short answer is
flagged with the name. A name counts as mentioned in the forms news uses for it: a prefix of it
("Syria" in "Syrian"), its people or adjective ("Britain" in "British", `qa.short_answer.as_people`),
and the few aliases below; an acronym also by its capitals spelt out in any order ("Justice Department"
for the DOJ) or by words in a row with its letters ("as soon as possible" for ASAP). Numbers and the small parts of compounds ("Prize-winning") are no names.

Only the asking sentence is read: "CNN and Al Jazeera both reported … on post-Brexit Britain. Whose
rights did MPs decline to safeguard?" is about MPs, not about CNN.

A sentence may ask two things: "Whom did the Kremlin blame for the escalation, and what did German
President Gauck call worrisome?" (demo-049) was answered from a TASS story that names the Kremlin and
never Gauck. The answer is then half an answer, not one about something else: `every_ask_unmentioned`
tells the two apart, so only an answer none of whose asks its articles mention is turned away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from index.text import STOPWORDS, fold
from qa.abstain import question_names
from qa.extractive import asking_sentence
from qa.short_answer import as_people

# Names news also writes another way: the question's form -> forms an article may use instead.
ALIASES = {
    "britain": ("uk", "united kingdom", "british"), "uk": ("britain", "united kingdom", "british"),
    "britons": ("britain", "british", "uk"),
    "us": ("united states", "america", "american", "u.s."), "america": ("us", "united states", "american"),
    "mps": ("members of parliament", "mp", "lawmakers"), "un": ("united nations",), "eu": ("european union",),
    "isis": ("isil", "islamic state", "daesh", "da'esh"), "isil": ("isis", "islamic state", "daesh", "da'esh"),
}
_WORDS = re.compile(r"[\w.'’]+")
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())  # "on Oct. 1" names no topic
_TITLES = frozenset("gov sen rep dr mr mrs ms prof gen lt col sgt capt st president prime minister".split())
# Compass adjectives describe a bloc or a region the article names otherwise: "the Western powers" over a statement
# signed by the US, Britain, France and Germany (blind s56-02, a right list turned away as "never mention Western").
_COMPASS = frozenset("western eastern northern southern".split())
_NAME_RUN = re.compile(r"\b[A-Z][a-z][\w'’\-]*(?:\s+[A-Z][a-z][\w'’\-]*)+")
# A second ask joined to the first: "…, and what did …", "… but who …".
_ASK_JOIN = re.compile(r"[,;]?\s+(?:and|but)\s+(?=(?:what|who|whom|whose|which|where|when|why|how)\b)", re.I)
# Letters of the link words an acronym may spell and its spelt-out form leave out ("Department of Justice").
_LINK_LETTERS = frozenset("oatf")
_SPELLED = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of|for|and|the|on|de)?\s*[A-Z][a-z]+)+")


def unmentioned_name(question: str, articles: Sequence[str], outlets: Sequence[str] = ()) -> str | None:
    """A name of `question`'s asking sentence that none of `articles` (headline and body) mentions, else None."""
    return unmentioned_names(question, articles, outlets)[0]


def every_ask_unmentioned(question: str, articles: Sequence[str], outlets: Sequence[str] = ()) -> bool:
    """True when each ask of `question` has a name none of `articles` mentions (the answer is about
    something else), False when some ask is wholly mentioned (the answer may be to that one)."""
    return unmentioned_names(question, articles, outlets)[1]


def unmentioned_names(question: str, articles: Sequence[str],
                      outlets: Sequence[str] = ()) -> tuple[str | None, bool]:
    """`unmentioned_name` and `every_ask_unmentioned` together, the articles read (folded) once."""
    if not articles:
        return None, False
    read = _ReadArticles.of(articles)
    name = read.first_unmentioned(asking_sentence(question), outlets)
    if name is None:
        return None, False
    return name, all(read.first_unmentioned(asking_sentence(ask), outlets) is not None for ask in asks(question))


def mentioned_in(phrase: str, texts: Sequence[str], every_name: bool = True) -> bool:
    """True when `texts` mention every name `phrase` writes (with `every_name` False: any one of them), in the
    forms news uses; False when `phrase` writes no name ("the city"). Used to find "Italy" in a list."""
    names = {n: acronym for n, acronym in _written_names(phrase).items() if n not in STOPWORDS}
    if not names or not texts:
        return False
    read = _ReadArticles.of(texts)
    found = (read.mentions(n, acronym) for n, acronym in names.items())
    return all(found) if every_name else any(found)


def asks(question: str) -> list[str]:
    """The asks of `question`'s asking sentence: one, or each of "…, and what …"-joined ones."""
    return [part for part in _ASK_JOIN.split(asking_sentence(question)) if part.strip()]


@dataclass(frozen=True)
class _ReadArticles:
    """The cited articles' words, folded once for every name asked about."""

    pools: list[set[str]]
    texts: list[str]
    initials: set[str]
    initial_sets: set[frozenset[str]]

    @classmethod
    def of(cls, articles: Sequence[str]) -> "_ReadArticles":
        words = [_WORDS.findall(fold(text)) for text in articles]
        initials = set().union(*(_initials(text) for text in articles))
        return cls([_pool(w) for w in words], [f" {' '.join(w)} " for w in words], initials,
                   {frozenset(i) for i in initials})

    def spell_out(self, acronym: str) -> bool:
        """True when the articles spell out `acronym`'s capitals in another order, its link words' letters
        optional: news writes "Justice Department" for the DOJ (RealTimeQA 20220909_17 was turned away as
        "never mention DOJ")."""
        letters = frozenset(acronym)
        return len(acronym) >= 3 and any(
            len(run) >= 2 and run <= letters and letters - run <= _LINK_LETTERS for run in self.initial_sets)

    def words_spell(self, acronym: str) -> bool:
        """True when the articles write words in a row whose first letters are `acronym` (three or more): "ASAP"
        is no name but "as soon as possible" ("What kind of talks did Kerry and Lavrov agree to set up ASAP …?",
        blind s52-10, had its right answer turned away as "never mention ASAP")."""
        n = len(acronym)
        return n >= 3 and any(
            "".join(w[0] for w in words[i:i + n]) == acronym
            for words in (text.split() for text in self.texts) for i in range(len(words) - n + 1))

    def mentions(self, name: str, acronym: bool) -> bool:
        """True when one of the articles mentions the folded `name` in a form news uses for it."""
        return (name in self.initials or any(_mentioned(name, pool, text) for pool, text in zip(self.pools, self.texts))
                or (acronym and (self.spell_out(name) or self.words_spell(name))))

    def first_unmentioned(self, asked: str, outlets: Sequence[str]) -> str | None:
        """The first name of the sentence `asked` that none of the articles mentions, as `asked` writes it."""
        skip = {w for o in outlets for w in _WORDS.findall(fold(o))} | _MONTHS | _TITLES | _COMPASS
        # a full name is mentioned by its surname: "Nancy Pelosi" as "Pelosi"
        skip |= {fold(w) for run in _NAME_RUN.findall(asked) for w in run.split()[:-1]}
        asked_names = question_names(asked)
        written = _written_names(asked)
        names = [n for n in sorted(asked_names) if n in written and n not in skip]
        for name in names:
            if self.mentions(name, written[name]):
                continue
            plain = re.sub(r"['’]s\b", "", asked)
            run = next((r for r in _NAME_RUN.findall(plain) if fold(r.split()[-1]) == name), None)
            return (_without_opener(run, asked_names) if run else None) or next(
                (w for w in _WORDS.findall(plain) if fold(w).strip(".'’") == name), name)
        return None


def _written_names(asked: str) -> dict[str, bool]:
    """The folded words `asked` writes as names — capitalised, digits-free — each mapped to whether it is an
    acronym (all capitals). A number is no name ("$1.3 billion": RealTimeQA 20220805_11's right answer was
    turned away as "never mention 1.3"), nor is the small part of a compound ("Nobel Peace Prize-winning"
    names no "winning": 20220902_20, right, was turned away so)."""
    out: dict[str, bool] = {}
    for word in re.findall(r"[^\W\d_][\w'’]*", re.sub(r"['’]s\b", "", asked)):
        if word[0].isupper():
            for part in re.findall(r"\w+", fold(word)):
                out[part] = out.get(part, False) or (len(word) > 1 and word.isupper())
    return out


def _without_opener(run: str, names: set[str]) -> str:
    """A run of capitalised words without the sentence's opening word(s) that are no name: "What Arabic"
    is "Arabic" (blind s16-05 was turned away as "the articles found never mention What Arabic")."""
    words = run.split()
    while len(words) > 1 and fold(words[0]) not in names:
        words.pop(0)
    return " ".join(words)


def _pool(words: Sequence[str]) -> set[str]:
    """An article's folded `words`, each also in its parts around an apostrophe: the question's names are
    read apart there ("Da'esh" asks da and esh; blind s15-14 was flagged "never mention da")."""
    out = set()
    for word in words:
        out.add(word.strip(".'’"))
        out.update(part.strip(".") for part in re.split(r"['’]", word))
    return out


def _initials(text: str) -> set[str]:
    """Acronyms a text spells out: "The Major League Baseball" gives "mlb" (any run of two or more of its
    capitalised words; links such as "of" left out)."""
    out = set()
    for run in _SPELLED.findall(text):
        caps = [w[0].lower() for w in run.split() if w[0].isupper()]
        out |= {"".join(caps[i:j]) for i in range(len(caps)) for j in range(i + 2, len(caps) + 1)}
    return out


def _mentioned(name: str, pool: set[str], text: str) -> bool:
    if name in pool or (len(name) > 4 and any(w.startswith(name) for w in pool)) or as_people(name, pool):
        return True
    # a people or adjective asked, the place written: "Guatemalan" over "Guatemala"
    if len(name) > 5 and any(len(w) >= 5 and name.startswith(w.rstrip("aeiouy")) and len(name) - len(w) <= 3
                             for w in pool):
        return True
    return any(f" {alias} " in text for alias in ALIASES.get(name, ()))


_CONCERN = "the cited articles never mention "


def unmentioned_concern(name: str) -> str:
    """The concern shown beside a short answer whose cited articles never mention `name`."""
    return _CONCERN + name


def source_unmentioned_concern(name: str) -> str:
    """The concern shown beside a short answer whose own article (the cited one holding it) never mentions
    `name`, while another cited article does: a flag only (`says_unmentioned` is False for it)."""
    return f"the article it came from never mentions {name}"


def says_unmentioned(concern: str | None) -> bool:
    """True when `concern` says the cited articles never mention one of the question's names."""
    return concern is not None and concern.startswith(_CONCERN)


def unmentioned_reason(short: str, concern: str) -> str:
    """The abstention's reason when the answer came from articles about something else.

    It names the articles the guess cited, not every article found: another passage shown may well
    mention the name (blind s20-17 was told "the articles found never mention Hama" while the sample
    article, shown third, names Hama; the guess cited a TASS story)."""
    return f"the model's guess “{short}” came from articles that never mention {concern[len(_CONCERN):]}"
