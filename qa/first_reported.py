"""An event recalled with no day of its own is placed where the story's articles first report it.

"Flynn resigned from his post after 23 days …" in an article of 2 March names no day, so
the timeline placed the resignation on 2 March; three more articles recalling it were
placed on their own publication days, weeks after it happened. The story's other
articles do report it earlier: "Flynn resigned late on Monday" (13 February). A recalled
event is therefore matched with the story's other mentions of the same event and placed
at the earliest day any of them gives.

Two sentences mention the same event when they share an *event key*: a name and the verb
it is the subject of ("Flynn resigned", "Flynn subsequently resigned", "Flynn was asked to
resign" → (flynn, resign)). Verbs of saying are left out (a person says many things on
many days). A mention counts when its verb is in the past ("resigned", not "to resign" or
"resigns", which can be a call or a plan); its day is the day it names, else its article's
filing day. A recalled sentence takes the earliest mention's day only when that day is
earlier than its own; a sentence naming a month ("fired last month") takes it only when
the day falls in that month (a day-precise mention refines a month-precise one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from index.text import content_words
from qa.dates import MONTHS, WEEKDAYS
from qa.evidence import claim_spans
from qa.relative_dates import event_date

# A capitalised name, an optional comma, adverb ("subsequently") and auxiliary ("was", "had been"),
# the verb, and an infinitive after it ("was asked to resign").
_NAME_VERB = re.compile(
    r"\b(?P<name>[A-Z][\w'’-]{2,}),?\s+(?:[a-z]+ly\s+)?(?:(?P<aux>was|were|had|has|have)\s+(?:been\s+)?)?"
    r"(?P<verb>[a-z][a-z-]+)(?:\s+to\s+(?P<inf>[a-z][a-z-]+))?")
_IRREGULAR_PAST = frozenset(
    "drove took made gave met left went came began held sent spoke wrote won lost fled led ran saw struck "
    "stood sought withdrew quit shot fell broke brought built bought caught chose found got kept knew paid "
    "sold spent threw rose".split())
# Verbs of saying and reporting: repeated on many days about many things, so no key.
_SAYING = content_words("said says told tells added adds noted notes claimed claims warned warns stated "
                        "reported reports wrote writes tweeted tweets asked asks insisted insists denied denies "
                        "believed believes argued argues suggested suggests commented comments")
_NOT_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS)


def _past(word: str) -> bool:
    return word.endswith("ed") or word in _IRREGULAR_PAST


@dataclass(frozen=True)
class EventKey:
    """A name and the stem of the verb it is the subject of: what makes two mentions one event."""

    name: str
    verb: str


def event_keys(sentence: str, *, past_only: bool) -> set[EventKey]:
    """The (name, verb) keys of `sentence`; with `past_only`, only verbs in the past ("resigned", "was fired")."""
    keys = set()
    for m in _NAME_VERB.finditer(sentence):
        name = m.group("name")
        if name.lower() in _NOT_NAMES or not content_words(name):
            continue
        verb, inf = m.group("verb"), m.group("inf")
        past = _past(verb) or bool(m.group("aux") and _past(verb))
        if past_only and not past:
            continue
        for word in (verb, inf):
            if not word:
                continue
            stems = content_words(word) - _SAYING
            keys.update(EventKey(next(iter(content_words(name))), stem) for stem in stems)
    return keys


@dataclass(frozen=True)
class Mention:
    """A sentence of one of the story's articles reporting an event in the past, and the day it gives."""

    keys: frozenset[EventKey]
    day: date
    article_id: str
    source: str | None
    sentence: str


def mentions_in(body: str, article_id: str, source: str | None, reference: date | None) -> list[Mention]:
    """The sentences of an article body reporting an event in the past with a key, each with its day.

    The day is the one the sentence names (read against `reference`, the article's filing day),
    else `reference`; a sentence naming only a month or week gives no mention (its day is unknown).
    """
    if reference is None:
        return []
    out = []
    for s, e in claim_spans(body):
        sentence = body[s:e]
        keys = event_keys(sentence, past_only=True)
        if not keys:
            continue
        found = event_date(sentence, reference)
        if found is not None and found.precision != "day":
            continue
        out.append(Mention(frozenset(keys), found.day if found else reference, article_id, source, sentence))
    return out


def earliest_mention(keys: set[EventKey], mentions: list[Mention]) -> Mention | None:
    """The earliest mention sharing a key with `keys` (None when none does)."""
    best = None
    for m in mentions:
        if keys & m.keys and (best is None or m.day < best.day):
            best = m
    return best
