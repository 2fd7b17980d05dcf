"""A short answer the model copied from a shown sentence or headline with a word or two changed.

The 1.5B model copies a clause and rewrites a word of it: "stop its attacks on the Syrian opposition and
focus on fighting Islamic militants" for the sample article's "… to demand that Moscow cease its attacks
on the Syrian opposition and focus on fighting Islamic militants" (blind s30-10, "What did the joint
statement urge the Russian Federation to do?"), "Russian army gained ground in effort to re-take Palmyra"
for the TASS headline "Syrian army gaining ground in effort to re-take Palmyra" (the README's first
question, "What did TASS report about Palmyra?"). No passage holds the rewritten clause, so both answers
were withheld as clauses of the model's own — and the rewritten word can be a wrong one ("Russian").

`near_copy` finds the span the model meant, as the article writes it: the two are aligned word by word
(stems of accent-folded words), at least `MIN_SHARE` of the short answer's meaningful words must be the
span's, and at most `MAX_INSERTED` of the span's words may be words the model left out. A headline is read
only when the question asks nothing the headline does not say (its outlets and reporting verbs aside):
copying the headline answers "What did TASS report about Palmyra?", not "What event was the Turkish prime
minister flying back from …?" (blind s27-03, which the model answered with another article's headline).
Nor is a word the model added a rewrite when it is a name the question asks about and the sentence never
writes: "Pentagon head of the foreign affairs committee at the State Duma" for "Which Pentagon official led the
talks …?" (held-out s66-19, unanswerable) grafts the question's "Pentagon" onto the role of a sentence about
Russia's estimate of its campaign; that is an answer about something else, not a copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Sequence

from index.countries import words_met
from index.text import STOPWORDS, content_words, fold

# At least this share of the short answer's meaningful words are the span's: s30-10's rewrite keeps 7 of 8
# ("stop" for "cease"), the Palmyra headline's 6 of 7 ("Russian" for "Syrian"; "gained" is "gaining").
# demo-002's list "Justice David B. Sentelle, Justice Byron White, Justice Anthony Kennedy" keeps 6 of 7
# names of a sentence and is stopped by `MAX_INSERTED` instead (15 of its span's 23 words are left out).
MIN_SHARE = 0.75
# At most this share of the span's words are words the model left out ("civilians and to … its efforts").
MAX_INSERTED = 0.4
# A near copy is a clause: a short answer of fewer words is a name or number, which spelling rules read.
MIN_WORDS = 4
_WORD = re.compile(r"[\w'’.-]*\w")
_POSSESSIVE = re.compile(r"['’]s?$")
# What a question about an outlet's report asks besides its topic.
_REPORTING = content_words("report reported say said write wrote tell told announce announced publish "
                           "published cover covered claim claimed state stated news story article headline")


@dataclass(frozen=True)
class NearCopy:
    """The span of `text` (a shown sentence or headline, number `index` of those given) the short answer copies."""

    index: int
    span: str


def _key(word: str) -> str:
    bare = fold(_POSSESSIVE.sub("", word))
    stems = content_words(bare)
    return next(iter(stems)) if len(stems) == 1 else bare


def _meaningful(word: str) -> bool:
    return fold(_POSSESSIVE.sub("", word)) not in STOPWORDS


def copied_span(short: str, text: str) -> str | None:
    """The span of `text` that `short` copies with a word or two changed (see the module docstring), or None."""
    said = [(m[0], m.span()) for m in _WORD.finditer(short)]
    written = [(m[0], m.span()) for m in _WORD.finditer(text)]
    if len(said) < MIN_WORDS or not written:
        return None
    matcher = SequenceMatcher(None, [_key(w) for w, _ in said], [_key(w) for w, _ in written], autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    kept = {b.a + k for b in blocks for k in range(b.size)}
    meaningful = [i for i, (w, _) in enumerate(said) if _meaningful(w)]
    if not meaningful or sum(i in kept for i in meaningful) < MIN_SHARE * len(meaningful):
        return None
    first, last = blocks[0], blocks[-1]
    # The words the model rewrote at either end stand for as many words of the text there.
    start = max(0, first.b - first.a)
    end = min(len(written), last.b + last.size + (len(said) - last.a - last.size))
    inserted = (end - start) - sum(b.size for b in blocks)
    if inserted > MAX_INSERTED * (end - start):
        return None
    return text[written[start][1][0]:written[end - 1][1][1]]


def near_copy(short: str, sentences: Sequence[str], question: str = "") -> NearCopy | None:
    """The shown sentence `short` nearly copies and the span copied, the closest first; None when none is.
    A sentence that never writes a name `short` took from `question` is no source of a copy."""
    grafted = _names_from(question, short)
    found = [(i, span) for i, s in enumerate(sentences)
             if (span := copied_span(short, s)) and not _unwritten(grafted, s)]
    if not found:
        return None
    i, span = max(found, key=lambda f: SequenceMatcher(None, fold(short), fold(f[1])).ratio())
    return NearCopy(i, span)


def headline_copy(question: str, short: str, headlines: Sequence[str], outlets: Sequence[str]) -> NearCopy | None:
    """The first headline `short` nearly copies, and the span copied, when the headline says all the question
    asks besides its `outlets` and reporting verbs ("What did TASS report about Palmyra?"); None otherwise."""
    asked = content_words(question) - _REPORTING - content_words(" ".join(outlets))
    if not asked:
        return None
    for i, headline in enumerate(headlines):
        if asked <= content_words(headline) and (span := copied_span(short, headline)):
            return NearCopy(i, span)
    return None


def _names_from(question: str, short: str) -> set[str]:
    """Stems of the capitalised words (after the first) `question` and `short` both write."""
    names = {w for m in re.finditer(r"(?<!^)(?<![.?!]\s)\b[A-Z][\w'’-]*", question.strip())
             for w in content_words(_POSSESSIVE.sub("", m.group(0)))}
    return names & content_words(short)


def _unwritten(names: set[str], sentence: str) -> bool:
    """True when `sentence` writes one of `names` in no form (a country by its people or adjective counts)."""
    written = content_words(sentence)
    return any(not words_met({name}, written) and not any(w.startswith(name[:5]) for w in written if len(name) >= 5)
               for name in names)
