"""A count and the thing it counts: "3,000 aircraft" is not supported by "a thousand aircraft".

The support check (qa/citations.py) asks that every number of a claim occur in the cited window. A
window often holds several numbers, and the model moves one to another noun: asked how many Russian
aircraft struck Raqqa, it wrote "3,000 aircraft were involved in the operation [1]" over "About a
thousand aircraft … were involved in the operation. … NATO forces launched more than 3,000 cruise
missiles" (14 new questions on the shared sample article, 2026-12-04: the one wrong answer to an
unanswerable question the checker passed). Each number stood in the window; the pair did not.

`conflicting_count` finds a claim's count whose noun the window counts with other numbers only: the
window says how many of that thing there were, and says another figure. A noun the window never counts
is left to the other checks (the claim may count what the passage only names), and so is a count
whose noun follows after other words ("3,000 of the aircraft").
"""

from __future__ import annotations

import re

from index.countries import countries_named
from index.text import STOPWORDS, content_words, fold
from qa.list_count import list_sizes

_WORD_VALUES = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_WORD_VALUES.update({w: 10 * n for n, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)})
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_FIGURE = re.compile(
    r"(?<![\w.,$£€])(?:(?P<digits>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)|(?P<word>" + "|".join(_WORD_VALUES) + r")|(?:a|an))"
    r"(?:\s+(?P<scale>hundred|thousand|million|billion))?\s+(?P<noun>[a-z][a-z\-]{2,})\b", re.IGNORECASE)
# Words after a number that are not what it counts: units of measure and time, scale words, comparisons.
_NOT_COUNTED = frozenset(
    "percent per cent times years year months month weeks week days day hours hour minutes minute seconds second "
    "km kilometres kilometers miles metres meters feet mph kg tonnes tons pounds dollars euros points of or and "
    "to more less than other others per from in on at the a an more than about".split())


# Words after a number that say what happened to it, not what it counts ("30 were killed").
_VERBISH = frozenset("were was are is have had has will would could may might died killed injured wounded dead hurt "
                     "arrested missing remain remained".split())


def counted(text: str) -> dict[str, set[float]]:
    """Noun (folded, a plural's "s" dropped) -> the counts `text` gives right before it."""
    out: dict[str, set[float]] = {}
    for m in _FIGURE.finditer(text):
        noun = fold(m.group("noun"))
        if noun in _NOT_COUNTED:
            continue
        if m.group("digits"):
            value = float(m.group("digits").replace(",", ""))
        elif m.group("word"):
            value = float(_WORD_VALUES[m.group("word").lower()])
        elif m.group("scale"):
            value = 1.0  # "a thousand": only with its scale word
        else:
            continue  # "a" alone is an article, not a count
        if m.group("scale"):
            value *= _SCALES[m.group("scale").lower()]
        out.setdefault(singular(noun), set()).add(value)
    return out


def conflicting_count(claim: str, window: str) -> str | None:
    """The claim's "<count> <noun>" whose noun the window counts with other numbers only, while the window
    gives the claim's number to another noun ("3,000 cruise missiles"); else None. (A number the window
    gives bare, "30 were killed … 45 people were wounded", may still be the claim's "30 people".)"""
    given = counted(window)
    for m in _FIGURE.finditer(claim):
        for noun, values in counted(m.group(0)).items():
            elsewhere = any(values & counts for other, counts in given.items() if other != noun and other not in _VERBISH)
            if noun in given and not values & given[noun] and elsewhere:
                return m.group(0)
    return None


def singular(noun: str) -> str:
    """`noun` with a plural's "s" dropped ("soldiers" → "soldier"; "press" kept): enough to match counts."""
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


# Words after a number that measure (time, distance, weight, share) rather than name what is counted:
# "three to four months" answers "how long", never "how many air strikes".
_MEASURES = frozenset(
    "percent per cent years year months month weeks week days day hours hour minutes minute seconds second "
    "km kilometres kilometers miles mile metres meters feet foot mph kg kilograms tonnes tons pounds".split())
_HOW_MANY = re.compile(r"\bhow\s+many\s+((?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)", re.IGNORECASE)
_RANGE_TAIL = r"(?:\s*(?:-|–|to|or|and)\s*(?:\d[\d,.]*|" + "|".join(_WORD_VALUES) + r"))?"
# A number (a range's first end) and the word after it: "three to four months" → three, months.
_NUMBER_THEN_WORD = re.compile(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?|" + "|".join(_WORD_VALUES) + r")\b" + _RANGE_TAIL
                               + r"\s+([a-z]+)", re.IGNORECASE)


def measured_not_counted(question: str, short: str, holding: list[str]) -> str | None:
    """The measure word (e.g. "months") when `question` asks "How many <things>", `short` is a bare
    number, and every sentence in `holding` gives that number only as a measure the question does not
    count: "How many air strikes had Russia carried out?" → "3" over "could last three to four months"
    (held-out s4-18, unanswerable; the model was sure of it). None otherwise."""
    asked = _HOW_MANY.search(question)
    value = number_value(short)
    if not asked or value is None or not holding:
        return None
    asked_words = {singular(fold(w)) for w in asked.group(1).split()}
    measures = set()
    for sentence in holding:
        found = _at_value(_NUMBER_THEN_WORD, sentence, value)
        if not found:
            return None  # held some other way ("3" in "3rd", a bare figure): not this check's business
        for m in found:
            unit = fold(m.group(2))
            if unit not in _MEASURES or singular(unit) in asked_words or unit in asked_words:
                return None
            measures.add(unit)
    return sorted(measures)[0] if measures else None


def _at_value(pattern: re.Pattern[str], sentence: str, value: float) -> list[re.Match[str]]:
    """The matches of `pattern` (a number, then what follows it) in `sentence` whose number is `value`."""
    return [m for m in pattern.finditer(sentence) if number_value(m.group(1)) == value]


# Words that count anyone: "224 people" answers "How many passengers …?", "30 people" "How many victims …?".
_ANYONE = frozenset("people persons individuals others those adults men women children victims casualties dead".split())
_ANYONE_SINGULAR = frozenset(singular(w) for w in _ANYONE)
# A number and the one or two words after it: "three Turkish soldiers", "19 out", "600,000 civilians".
_NUMBER_THEN_WORDS = re.compile(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?|" + "|".join(_WORD_VALUES) + r")\b" + _RANGE_TAIL
                                + r"((?:\s+[A-Za-z][\w\-]*){1,2})", re.IGNORECASE)


def counted_otherwise(question: str, short: str, holding: list[str]) -> str | None:
    """What the passages count instead (e.g. "Turkish soldiers") when `question` asks "How many <things>",
    `short` is a bare number, and every sentence in `holding` gives that number only as the count of
    things the question never names (or as a measure, "three to four months", beside one): "How many
    civilians were killed …?" → "3" over "killed three Turkish soldiers" in another article (held-out
    s11-17, unanswerable; unflagged; the statement's "Hama, Homs and Idlib", a list the question names, is
    no count of them either), or of another noun beside the asked one written elsewhere in the sentence
    (`_counts_beside_asked`). None otherwise: a number given bare, as "out of", as a count of
    anyone ("224 people") or only as measures (`measured_not_counted`'s) is not its business."""
    asked = _HOW_MANY.search(question)
    value = number_value(short)
    if not asked or value is None or not holding or fold(asked.group(1)).startswith("of "):
        return None
    asked_words = content_words(question)
    asked_nouns = {singular(fold(w)) for w in asked.group(1).split()}
    if asked_nouns & _ANYONE_SINGULAR:
        return None
    others = []
    for sentence in holding:
        found = _at_value(_NUMBER_THEN_WORDS, sentence, value)
        for m in found:
            following = m.group(2).split()
            if fold(following[0]) in _MEASURES and not {singular(fold(following[0]))} & asked_nouns:
                continue  # "three to four months": a measure, no count of anything (`measured_not_counted`)
            words: list[str] = []
            for word in following:
                folded = fold(word)
                if folded in STOPWORDS or folded in _NOT_COUNTED or folded in _VERBISH or folded in _MEASURES:
                    break
                words.append(word)
            phrase = " ".join(words)
            if not words or {fold(w) for w in words} & _ANYONE or (
                    content_words(phrase) & asked_words and not _counts_beside_asked(asked.group(1), words, sentence)):
                return None
            others.append(phrase)
        if found or _names_a_list_of(question, sentence):
            continue
        if not _lists_other_things(asked.group(1), value, sentence):
            return None  # held some other way ("3" in "3rd", a bare figure): not this check's business
        others.append("the items of a list")
    return others[0] if others else None


def _counts_beside_asked(asked: str, words: list[str], sentence: str) -> bool:
    """True when what a number counts (`words`, "combat flights") holds another noun than the one "How many"
    asks for (the last of `asked`'s words, "aircraft"), and `sentence` writes that asked noun elsewhere: "NATO
    aircraft conducted as many as 38,000 combat flights" counts flights, for "How many combat aircraft …?"
    (held-out s66-20, unanswerable). A sentence never writing the asked noun may count it in other words ("three
    Turkish soldiers" for "How many Turkish troops …?"), so it is left to the word the two share."""
    nouns = []  # the asked noun phrase ends at its verb: "jobs will Vantora" asks jobs
    for w in asked.split():
        if fold(w) in _VERBISH or fold(w) in STOPWORDS:
            break
        nouns.append(w)
    if not nouns:
        return False
    head = singular(fold(nouns[-1]))
    if head in {singular(fold(w)) for w in words}:  # "1,835 pandas living in the wild" counts pandas
        return False
    return any(singular(fold(w)) == head for w in re.findall(r"[A-Za-z][\w\-]*", sentence))


# A short answer that says what it counts: "38,000 combat flights", "about 3,000 Syrian troops".
_SHORT_COUNT = re.compile(
    r"^\s*(?:(?:about|around|some|nearly|almost|over|more\s+than|at\s+least|as\s+many\s+as|up\s+to)\s+)?"
    r"(\d[\d,]*(?:\.\d+)?|" + "|".join(_WORD_VALUES) + r")\b" + _RANGE_TAIL
    + r"(?:\s+(?:hundred|thousand|million|billion))?((?:\s+[A-Za-z][\w\-]*){1,3})\s*\.?\s*$", re.IGNORECASE)


def short_counts_other(question: str, short: str) -> str | None:
    """What `short` says it counts (e.g. "combat flights") when `question` asks "How many <things>" and
    the short answer counts something the question never names: "How many targets did Russia say it hit
    in Raqqa …?" → "38,000 combat flights", NATO's count for 1999 (held-out s12-19, unanswerable,
    unflagged). None for a bare number (`counted_otherwise` reads its sentences), a count of anyone
    ("224 people"), of anything the question names ("3 Turkish soldiers" for "How many Turkish troops"),
    or a measure the question asks in ("13 years" for "in how many years")."""
    asked = _HOW_MANY.search(question)
    written = _SHORT_COUNT.match(short)
    if not asked or not written or fold(asked.group(1)).startswith("of "):
        return None
    asked_nouns = {singular(fold(w)) for w in asked.group(1).split()}
    words = written.group(2).split()
    while words and fold(words[0]) in _SCALES:
        words = words[1:]  # "2 million": a scale, no noun
    if not words or fold(words[0]) in STOPWORDS or fold(words[0]) in _VERBISH:
        return None  # "3 of them", "30 killed": it names nothing counted
    folded = {singular(fold(w)) for w in words}
    if asked_nouns & _ANYONE_SINGULAR or folded & _ANYONE_SINGULAR:
        return None
    phrase = " ".join(words)
    if content_words(phrase) & content_words(question) or folded & asked_nouns:
        return None
    return phrase


# Three or more capitalised names in a row: "Hama, Homs and Idlib".
_NAMES = r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)*"
_NAME_LIST = re.compile(rf"{_NAMES}(?:,\s+{_NAMES})+,?\s+and\s+{_NAMES}")


# What a list of countries counts: "How many countries signed …?" over "the governments of France, Germany, …".
_COUNTRY_NOUNS = content_words("country countries nation state government")


def _lists_other_things(asked: str, value: float, sentence: str) -> bool:
    """True when `sentence` gives the number only as the size of a list (qa/list_count.py) that is not all
    names, and never names what the question counts: "How many Russian warplanes have been deployed …?" →
    "3" over "areas where militant factions, IS and Syria's al-Qaida affiliate operate" (blind s40-19,
    unanswerable). A list of countries counts countries, nations, states and governments."""
    if not value.is_integer() or int(value) not in list_sizes(sentence) or _NAME_LIST.search(sentence):
        return False  # a list of names ("Hama, Homs and Idlib") may be of the towns or countries asked
    named = content_words(sentence)
    wanted = content_words(" ".join(w for w in asked.split() if fold(w) not in _VERBISH))
    if wanted & _COUNTRY_NOUNS and countries_named(named):
        return False
    return bool(wanted) and not wanted & named


def _names_a_list_of(question: str, sentence: str) -> bool:
    """True when `sentence` holds a list of names the question itself names ("on Hama, Homs and Idlib"):
    the short-answer check counts such a list ("3"), but its size is no count of what the question asks."""
    return any(fold(m.group(0).rstrip(".")) in fold(question) for m in _NAME_LIST.finditer(sentence))


def number_value(text: str) -> float | None:
    """The number `text` is ("3", "three", "1,000"), or None."""
    text = text.strip().lower()
    if text in _WORD_VALUES:
        return float(_WORD_VALUES[text])
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None
