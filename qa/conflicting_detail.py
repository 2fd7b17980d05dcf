"""A yes/no question whose one detail the answering sentence gives otherwise: "No".

"Did Russia say it bombed Raqqa on the first day of its air campaign?" (blind s29-15, gold No) over
"Russia, however, said it had bombed the ISIL stronghold of Raqqa for the first time on the third day of
its campaign" got "Yes": the sentence holds who did what, but on another day. Questions written to be
answered "No" often change one detail of a sentence like this: the day, the date, the weekday, the city
("Did Turkey's foreign minister meet Kerry in Washington …?" over "… met with Kerry in New York", s38-10),
the unit of a length of time ("three to four weeks" over "three to four months", s38-18), one name of a list
("Hama, Homs and Aleppo" over "Hama, Homs and Idlib", s45-10).

`contradicts_detail` is true when the question names exactly one such detail (an ordinal day, "the first day";
a month and day, "Oct. 2"; a weekday; a place "in <Name>" that is no country or region; a length of time; a
list of names, which a list of the sentence gives with all of them but one, that one named nowhere in the
sentence), the sentence names one or more of the same kind and not the question's, and the sentence holds the
rest of what the question asks: every name of it (a country in any of its forms, "Turkey's" by "Turkish"; a
name by its last word, "U.S. Secretary of State John Kerry" by "Kerry"; of three names or more, all but one:
"its Syria air campaign" over "its campaign", blind s44-04) and at least `MIN_SHARE` of its other content
words. A sentence that names no detail of that kind says nothing against the question. Over the 976 (yes/no
question, shown sentence) pairs on record (47 questions), adding places and lengths of time changed two,
s38-10 and s38-18, both gold "No"; over the 1,307 pairs of 2026-12-06 (65 questions), reading names by their
last word changed s43-10 alone, gold "No". Lists of names fire on none of the 1,417 pairs on record of
2026-12-06 and, over the 59 yes/no questions of the question sets against every sentence of the sample
article, on s45-10 alone, gold "No".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from index.countries import countries_named, words_met
from index.text import CAPITALISED_RUN, content_words
from qa.asked_action import verb_lemmas
from qa.attribution_clause import without_attribution
from qa.dates import MONTHS, WEEKDAYS

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
# "the opening day" is the first ("According to Moscow, was Raqqa struck on the opening day …?": blind s36-14)
_CARDINALS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
# "the third day", "the 3rd day", and "day one" / "day 3" (blind s38-02: "… for the first time on day one of its
# campaign?" over "on the third day"); each read as its number.
ORDINAL_DAY = re.compile(rf"\b(?:(?P<n>{'|'.join(ORDINALS)}|opening|\d+(?:st|nd|rd|th))\s+day"
                          rf"|day\s+(?P<c>{'|'.join(_CARDINALS)}|\d+))\b", re.IGNORECASE)
_MONTH_DAY = re.compile(r"\b(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>\d{1,2})\b")
_WEEKDAY = re.compile(r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# A place a thing happened in: "in Washington", "in New York". "at" is left out: "at the United Nations" is
# in New York, so an institution is no other place than its city.
_PLACE = re.compile(r"\bin\s+(?P<place>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)")
# Places that hold other places: a city in them is no other place ("in the Middle East" / "in Damascus").
_DATE_WORDS = frozenset({*MONTHS, *WEEKDAYS})  # "in October" is no place
_REGION_WORDS = frozenset("east west north south middle central gulf europe asia africa america americas "
                          "arctic pacific atlantic levant balkans caucasus province region".split())
_NUMBER = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)"
_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade")
# A length of time: "three to four weeks", "10 days", "two or three months".
_DURATION = re.compile(rf"\b(?P<n>{_NUMBER}(?:\s*(?:to|or|-|–)\s*{_NUMBER})?)\s+(?P<unit>{'|'.join(_UNITS)})s?\b",
                       re.IGNORECASE)
# A name as a question writes it, titles and given names included: "U.S. Secretary of State John Kerry".
_NAME_RUN = re.compile(rf"\b{CAPITALISED_RUN}")
# Share of the question's content words (the detail's own left out) the sentence must hold: s29-15's answering
# sentence holds 5 of its 6 (russia, say, bomb, raqqa, campaign; not air).
MIN_SHARE = 0.6


def _day_number(match: re.Match[str]) -> str:
    word = (match.group("n") or match.group("c")).lower()
    if word == "opening":
        return "1"
    for words in (ORDINALS, _CARDINALS):
        if word in words:
            return str(words.index(word) + 1)
    return re.sub(r"\D", "", word)


def _ordinal_days(text: str) -> set[str]:
    return {_day_number(m) for m in ORDINAL_DAY.finditer(text)}


def _month_days(text: str) -> set[str]:
    return {f"{m.group('month').lower()[:3]} {int(m.group('day'))}" for m in _MONTH_DAY.finditer(text)}


def _weekdays(text: str) -> set[str]:
    return {m.group("day").lower() for m in _WEEKDAY.finditer(text)}


def _places(text: str) -> set[str]:
    """Places written "in <Name>" that are neither a country nor a region (either may hold the other place),
    nor a month or a weekday ("in October")."""
    found = set()
    for m in _PLACE.finditer(text):
        words = content_words(m.group("place"))
        if words and not countries_named(words) and not words & _REGION_WORDS \
                and m.group("place").split()[0].lower() not in _DATE_WORDS:
            found.add(" ".join(sorted(words)))
    return found


def _other_place(asked: set[str], given: set[str], sentence: str) -> bool:
    """The sentence names a place and never the question's: no word of it anywhere ("Washington" may stand for
    the government it names)."""
    return bool(given) and not content_words(next(iter(asked))) & content_words(sentence)


def _durations(text: str) -> set[str]:
    return {f"{' '.join(m.group('n').lower().split())}|{m.group('unit').lower()}" for m in _DURATION.finditer(text)}


def _other_duration(asked: set[str], given: set[str], sentence: str) -> bool:
    """The sentence gives the question's numbers in another unit ("three to four months" for "weeks"), or the
    question's unit with none of its numbers; "three months" against "three to four months" is not another."""
    number, unit = next(iter(asked)).split("|")
    for value in given:
        n, u = value.split("|")
        if n == number and u != unit:
            return True
        if u == unit and not _range_ends(number) & _range_ends(n):
            return True
    return False


def _range_ends(number: str) -> set[str]:
    """The numbers of a length's figure: "three to four" → {"three", "four"}."""
    return set(re.split(r"\s*(?:to|or|-|–)\s*", number))


# A list of names: "Hama, Homs and Aleppo", "France or Germany".
_NAME_LIST = re.compile(rf"\b{CAPITALISED_RUN}(?:\s*,\s*{CAPITALISED_RUN})*,?\s+(?:and|or)\s+{CAPITALISED_RUN}")


def _name_lists(text: str) -> set[str]:
    """Each list of names in `text`, its members by their last word's stem joined by "|" (the list's order
    kept out: "Homs and Hama" is the same list)."""
    lists = set()
    for m in _NAME_LIST.finditer(text):
        members = [part for part in re.split(r"\s*,\s*|,?\s+(?:and|or)\s+", m.group(0)) if part.strip()]
        heads = sorted({" ".join(sorted(content_words(member.split()[-1]))) for member in members} - {""})
        if len(heads) >= 2:
            lists.add("|".join(heads))
    return lists


def _one_member_swapped(asked: set[str], given: set[str], sentence: str) -> bool:
    """The sentence lists all of the question's names but one, and never names that one anywhere ("Hama, Homs
    and Idlib" for "Hama, Homs and Aleppo", blind s45-10). A list of two must be answered by a list of two:
    one shared name of two is too little to say it is the same list."""
    question = next(iter(asked)).split("|")
    held = content_words(sentence)
    for listed in given:
        members = listed.split("|")
        missing = [name for name in question if name not in members]
        if len(missing) == 1 and (len(question) >= 3 or len(members) == 2) \
                and not set(missing[0].split()) & held:
            return True
    return False


@dataclass(frozen=True)
class _Detail:
    """One kind of detail a question can change: where it is written (`pattern`), the values it takes
    (`values`), and when the sentence's values say otherwise than the question's one (`differs`)."""

    pattern: re.Pattern[str]
    values: Callable[[str], set[str]]
    differs: Callable[[set[str], set[str], str], bool]


def _not_among(asked: set[str], given: set[str], sentence: str) -> bool:
    return bool(given) and not asked <= given


_DETAILS = (_Detail(ORDINAL_DAY, _ordinal_days, _not_among), _Detail(_MONTH_DAY, _month_days, _not_among),
            _Detail(_WEEKDAY, _weekdays, _not_among), _Detail(_PLACE, _places, _other_place),
            _Detail(_DURATION, _durations, _other_duration), _Detail(_NAME_LIST, _name_lists, _one_member_swapped))


def contradicts_detail(sentence: str, question: str) -> bool:
    """True when `sentence` says what the yes/no `question` asks with another day, date, weekday, place or
    length of time than the question's one (see the module docstring). An "According to …," clause is whose
    account the question wants, not what it asks: its names need not be in the sentence ("According to
    Moscow, …" over "Russia said …")."""
    question = without_attribution(question)
    if not any(_differs(detail, question, sentence) for detail in _DETAILS):
        return False
    rest = question
    for detail in _DETAILS:  # every detail is compared by its own kind: "October 1" need not be "Oct. 1"
        rest = detail.pattern.sub(" ", rest)
    # An irregular past meets the question's present or noun: "met with Kerry" holds "meeting" (blind s57-15).
    held = content_words(sentence) | content_words(" ".join(verb_lemmas(sentence)))
    wanted = content_words(rest) - _name_modifiers(rest)
    return bool(wanted) and _names_held(rest, held) and words_met(wanted, held) >= MIN_SHARE * len(wanted)


def _name_modifiers(question: str) -> set[str]:
    """Stems of the words before a name's last word ("U.S. Secretary of State John" of "… John Kerry"): the name
    is met by its last word, so a sentence need not repeat its title (s43-10 held 6 of 11 words with them)."""
    runs = [run.split() for run in _NAME_RUN.findall(question)]
    heads = set().union(*(content_words(run[-1]) for run in runs)) if runs else set()
    return set().union(*(content_words(" ".join(run[:-1])) for run in runs)) - heads if runs else set()


def _names_held(question: str, held: set[str]) -> bool:
    """True when the sentence's word stems `held` hold every name of `question` (its first word left out: it
    opens the question) by the name's last word, or all but one of three or more names."""
    rest = question.split(maxsplit=1)[-1] if " " in question.strip() else ""
    heads = [head for head in (content_words(run.split()[-1]) for run in _NAME_RUN.findall(rest)) if head]
    met = sum(1 for head in heads if words_met(head, held) == len(head))
    return met == len(heads) or (len(heads) >= 3 and met >= len(heads) - 1)


def _differs(detail: _Detail, question: str, sentence: str) -> bool:
    """True when `question` names one value of `detail`'s kind and `sentence` says otherwise."""
    asked = detail.values(question)
    return len(asked) == 1 and detail.differs(asked, detail.values(sentence), sentence)
