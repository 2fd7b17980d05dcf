"""How many <things> were <act>? A number the passages give for another act answers nothing.

"how many civilians were actually killed in the russian strikes on hama, homs and idlib …?" (blind held-out
s62-17, unanswerable: the sample article counts no dead) got "10,000 civilians", unflagged, over another
article's "10,000 people were wounded with civilians making up two-thirds of that number". Each word of the
answer stands in that sentence; what happened to the 10,000 is not what the question asks.

`asked_count_act` reads the act a "How many …" question counts ("were killed" → killed, "died" → died).
`other_act` gives the act a sentence holding the short answer's number states for that number instead, after it
("10,000 people were wounded" → wounded) or right before it ("injured 11 others"), when every such sentence
states one and none is the asked act: an inflection, a derivation (`qa.asked_action.reports_action`), or a word
of the same kind near the number (`SAME_ACTS`: the dead are the killed, so "left 11 dead" answers "killed"). A
sentence that gives the number bare or with no act of its own is not this check's business, so a right "30"
over "30 people died in the attack" for "killed" stays unflagged.
"""

from __future__ import annotations

import re
from typing import Sequence

import lemminflect

from qa.asked_action import reports_action
from qa.number_nouns import number_value

_WORD_VALUES = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(_WORD_VALUES) + r")"
_BE = r"(?:were|was|are|is|have\s+been|has\s+been|had\s+been|got|get)"
_ADVERB = r"(?:[a-z]+ly\s+)?"  # "were actually killed", "were reportedly wounded"
_ABOUT = r"(?:(?:about|around|some|nearly|almost|over|more\s+than|at\s+least)\s+)?"  # "killed at least 30"
# "How many civilians were (actually) killed …", "How many people died …": up to three words counted.
_ASKED = re.compile(rf"\bhow\s+many\s+(?:[a-z][\w'’-]*\s+){{1,3}}?(?:{_BE}\s+)?{_ADVERB}(?P<act>[a-z]+)\b",
                    re.IGNORECASE)
_NUMBER_WORD = re.compile(rf"(?<![\w.,$£€]){_NUMBER}\b", re.IGNORECASE)
# After a number: up to three words it counts, then what happened to them ("10,000 people were wounded").
_THEN_ACT = re.compile(rf"(?:\s+[\w'’-]+){{0,3}}?\s+{_BE}\s+{_ADVERB}(?P<act>[a-z]+)\b", re.IGNORECASE)
# Right before a number, the act done to them ("injured 11 others", "killed at least 30").
_ACT_THEN = re.compile(rf"\b(?P<act>[a-z]+)\s+{_ABOUT}$", re.IGNORECASE)
_SHORT_NUMBER = re.compile(rf"^\W*{_ABOUT}{_NUMBER}\b", re.IGNORECASE)
# Acts news counts in several words: a sentence saying one of a group reports each of them.
SAME_ACTS = (frozenset("kill die dead death deaths fatality fatalities toll lives bodies".split()),
             frozenset("wound injure hurt injury injuries casualty casualties".split()),
             frozenset("arrest detain hold".split()),
             frozenset("evacuate evacuation evacuee evacuees airlift".split()))
_AUXILIARY_LEMMAS = frozenset("be have do get".split())
# Verbs that wrap the act rather than state it: "30 people were reported killed", "were feared dead", "were
# forced to flee". A number given so is left to the other checks.
_WRAPPING = frozenset("say report believe think fear expect confirm estimate presume understand know force ask "
                      "tell allow feel find see consider list".split())


def _participle(word: str) -> str | None:
    """The verb lemma of `word` when it is a past form (a past tense or participle) of a verb other than an
    auxiliary ("killed" → kill, "died" → die, "hurt" → hurt), else None ("combat", "will", "signs")."""
    low = word.lower()
    lemmas = lemminflect.getAllLemmas(low).get("VERB")
    if not lemmas or lemmas[0] in _AUXILIARY_LEMMAS:
        return None
    forms = lemminflect.getAllInflections(lemmas[0], upos="VERB")
    return lemmas[0] if low in (*forms.get("VBD", ()), *forms.get("VBN", ())) else None


def asked_count_act(question: str) -> str | None:
    """The act a "How many <things> were <act> …?" question counts, as written ("killed"), or None."""
    for m in _ASKED.finditer(question):
        lemma = _participle(m.group("act"))
        if lemma:  # "How many civilians are thought to be trapped …?": the act wrapped is not read
            return None if lemma in _WRAPPING else m.group("act")
    return None


def _acts_of(sentence: str, value: float) -> list[tuple[str, str | None, str]]:
    """(word, its verb lemma or None, the words around) of each act `sentence` states for the number `value`:
    after it ("10,000 people were wounded") or right before it ("injured 11 others")."""
    acts = []
    for m in _NUMBER_WORD.finditer(sentence):
        if number_value(m.group(1)) != value:
            continue
        around = sentence[max(0, m.start() - 40):m.end() + 40]
        after = _THEN_ACT.match(sentence, m.end())
        before = _ACT_THEN.search(sentence[:m.start()])
        for found in (after, before):
            if found:
                acts.append((found.group("act"), _participle(found.group("act")), around))
    return acts


def _same_act(lemma: str, act: str, around: str) -> bool:
    """True when the number's own act `lemma` is the asked `act` or of its group in `SAME_ACTS`, or the words
    `around` the number say the asked act ("left 11 dead" for "killed")."""
    if lemma == act or reports_action(act, lemma):
        return True
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", around)}
    return any(act in group and (lemma in group or words & group) for group in SAME_ACTS)


def other_act(question: str, short: str, holding: Sequence[str]) -> str | None:
    """The act (e.g. "wounded") the sentences `holding` the number of `short` state for it, when `question`
    counts another ("killed"); None when a sentence states the asked act for it, or no act at all."""
    written = asked_count_act(question)
    number = _SHORT_NUMBER.match(short)
    if not written or not number or not holding:
        return None
    act, value = _participle(written), number_value(number.group(1))
    others = []
    for sentence in holding:
        acts = [(word, lemma, around) for word, lemma, around in _acts_of(sentence, value) if lemma]
        if not acts or any(lemma in _WRAPPING or _same_act(lemma, act, around) for _, lemma, around in acts):
            return None
        others.append(acts[0][0])
    return others[0] if others else None
