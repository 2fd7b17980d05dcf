"""Yes or no, read from the sentence that settles a yes/no question.

The 1.5B model answered "Yes" to 7 of the demo set's 8 "no" questions once its reply had to
open with a short answer (2026-12-01 run: "Did the Oroville Dam itself fail?" over "The dam
did not fail" → "Yes"), and the checker passed those sentences: their words are all in the
passage, only the "not" is missing. So a "Yes" is checked here against the evidence: when
the sentence that best answers the question negates what the question asks ("did not fail",
"found not guilty of possessing", "failed to get Washington to sign", "no reports that
authorities found"), the answer is "No", quoted from that sentence. Only that direction is
overruled: the model's "No" was right whenever it gave one, and a sentence without a
negation does not prove a "Yes" ("The G20 dropped its pledge" answers "Did the US sign?").

The model's own citation is checked the same way (`quote_saying_no`): the sentence the checker
quotes for a "Yes" can be the very one that says not ("Yes … [1]" over "There were no casualties
on their side, the separatists said."), while another sentence scored best.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from index.text import WORD, content_words, fold
from qa.citations import Citation
from qa.conflicting_detail import contradicts_detail
from qa.evidence import claim_spans
from qa.number_nouns import singular

NEGATED_DECISION = "negated"  # the answer's decision when a sentence saying not overruled a "Yes"

# A negation cue, then (within NEGATION_REACH words of its clause) a word the question asks about. Or
# within as many content words written in lower case, names and stopwords passed over: "does not consider
# the U.S.-backed Free Syrian Army rebels a terrorist group" negates "Does Russia regard the Free Syrian Army
# as a terrorist group?" (blind s23-15: in plain words the reach ended at "backed"). Over 416 (question,
# sentence) pairs of yes/no questions on record (gold evidence, best sentences, quotes and retrieved
# snippets, 2026-12-06), that changed s23-15's two only.
_NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|fail(?:s|ed|ing)?\s+to)\b"
                       r"|n't\b", re.IGNORECASE)
NEGATION_REACH = 4
_QUESTION_NEGATED = re.compile(r"\b(?:not|never|no)\b|n't\b", re.IGNORECASE)


# Where a clause ends: a comma (not one inside a figure), ";", ":", a spaced dash or a conjunction.
_CLAUSE_END = re.compile(r",(?!\d)|[;:]|\s[—–-]\s|\b(?:and|but|while|whereas|although|though)\b", re.IGNORECASE)
# A word written with a capital or a capitalised part ("Lavrov", "U.S.-backed"): part of a name.
_CAPITALISED = re.compile(r"\S*[A-Z]\S*")


def negates(sentence: str, question: str) -> bool:
    """True when `sentence` negates something `question` asks about.

    "The dam did not fail" negates "Did the Oroville Dam itself fail?"; "He did not
    comment, but said the talks were held in Astana" does not negate "Were the talks
    held in Astana?" (no word of the question follows the "not" closely, in its clause). Nor does a "not"
    in one clause when another clause of the sentence, with no negation, states more of what
    is asked (`_about_another_clause`).
    """
    asked = content_words(question)
    for match in _NEGATION.finditer(sentence):
        rest = sentence[match.end():]
        end = _CLAUSE_END.search(rest)
        if _reached(rest[:end.start()] if end else rest) & asked \
                and not _about_another_clause(sentence, match.start(), question):
            return True
    return False


def _reached(clause: str) -> set[str]:
    """The content words a negation opening `clause` reaches: those of its first `NEGATION_REACH` words,
    and its first `NEGATION_REACH` content words written in lower case (names passed over)."""
    tokens = clause.split()
    reached = content_words(" ".join(tokens[:NEGATION_REACH]))
    plain = [w for t in tokens if not _CAPITALISED.fullmatch(t) for w in sorted(content_words(t))]
    return reached | set(plain[:NEGATION_REACH])


def _predicate(question: str) -> set[str]:
    """The question's content words other than names: what it asks of whoever it names."""
    return content_words(_CAPITALISED.sub(" ", question))


def _about_another_clause(sentence: str, at: int, question: str) -> bool:
    """True when a clause of `sentence` without a negation holds more of what `question` asks — its
    words other than names — than the clause negated at `at`.

    Blind s20-15, "Did Lavrov say the U.S.-backed Free Syrian Army should be part of a political
    solution in Syria?", was answered "No" over "Russia does not consider the U.S.-backed Free Syrian
    Army rebels a terrorist group and they should be part of a political solution in Syria, Lavrov
    said": the "not" reaches the rebels' name, but what is asked of them is stated, unnegated, in the
    clause after "and". Names are left out because they are who the claim is about, on both sides.
    """
    predicate = _predicate(question)
    bounds = [0] + [m.end() for m in _CLAUSE_END.finditer(sentence)] + [len(sentence)]
    spans = list(zip(bounds, bounds[1:]))
    negated = next(sentence[a:b] for a, b in spans if a <= at < b)
    held = len(predicate & content_words(negated))
    return any(len(predicate & content_words(sentence[a:b])) > held for a, b in spans
               if not _NEGATION.search(sentence[a:b]))


# "had no differences" in a question: what there was none of is one of the two words after "no".
_NONE_OF = re.compile(r"\b(?:no|not\s+any)\s+([a-z\-]{4,})(?:\s+([a-z\-]{4,}))?", re.IGNORECASE)
_QUANTITY = (r"\b(?:some|several|many|a\s+few|numerous|a\s+number\s+of|\d[\d,]*|two|three|four|five|six|seven|eight|"
             r"nine|ten|dozens\s+of|hundreds\s+of|thousands\s+of)\s+(?:[a-z\-]+\s+)?")


def counts_what_is_denied(sentence: str, question: str) -> bool:
    """True when `question` asks whether there was none of something and `sentence`, sharing another word
    of the question (who said it, what about), counts some: "we have some differences as for the details …,” Lavrov
    said" answers "Did Lavrov say Russia and the United States had no differences …?" with "No" (blind
    s11-15, answered "Yes")."""
    wanted = _NONE_OF.search(question)
    if not wanted:
        return False
    shared = content_words(sentence) & content_words(question)
    for noun in filter(None, wanted.groups()):
        noun = noun.lower()
        stem = singular(noun)
        if shared - content_words(noun) and re.search(_QUANTITY + re.escape(stem) + r"(?:e?s)?\b", sentence,
                                                      re.IGNORECASE):
            return True
    return False


# "Had Russia bombed Raqqa before the third day of its air campaign?" over "Russia … said it had bombed the ISIL
# stronghold of Raqqa for the first time on the third day of its campaign." (blind s21-13 and s26-14, two sets
# written apart, both answered "Yes"): what happened for the first time then did not happen before it.
_BEFORE = re.compile(r"\bbefore\s+(?P<moment>[^?,;]+)", re.IGNORECASE)
_FIRST_TIME = re.compile(r"\bfor\s+the\s+first\s+time\b", re.IGNORECASE)
# The sentence holds this share of the moment's words ("third day … campaign" of "the third day of its air
# campaign"), this many of the question's other words (who did what: "Russia", "bombed", "Raqqa") and every
# name among them.
MOMENT_SHARE = 0.6
ACT_WORDS = 2


def first_time_at_moment(sentence: str, question: str) -> bool:
    """True when `question` asks whether something happened before a moment and `sentence` says it
    happened for the first time at that moment."""
    before = _BEFORE.search(question)
    if not before or not _FIRST_TIME.search(sentence):
        return False
    moment = content_words(before.group("moment"))
    held = content_words(sentence)
    asked = question[:before.start()]
    names = content_words(" ".join(_CAPITALISED.findall(asked.split(maxsplit=1)[-1])))
    return (bool(moment) and len(moment & held) >= MOMENT_SHARE * len(moment)
            and len(content_words(asked) & held) >= ACT_WORDS and names <= held)


def settled_no(sentence: str, question: str, others: Sequence[str] = ()) -> bool:
    """True when `sentence` answers the yes/no `question` with "No": it negates what the question asks,
    counts what the question says there was none of, says it first happened at the moment the question
    asks about "before", or says it with another day, date, place or length of time than the question's
    (qa/conflicting_detail.py). A question that is itself negated — "Didn't …?" — is otherwise left alone:
    its reading is ambiguous. A negation does not settle it when one of `others` (the sentences shown
    beside it) states the question's claim more fully without one (`affirmed_elsewhere`)."""
    if counts_what_is_denied(sentence, question):
        return True
    return not _QUESTION_NEGATED.search(question) and (
        (negates(sentence, question) and not affirmed_elsewhere(sentence, question, others))
        or first_time_at_moment(sentence, question) or contradicts_detail(sentence, question))


# How many more of the question's words other than names an unnegated sentence must hold than the negating one.
# Blind s56-13: "Did Lavrov claim Moscow and the U.S.-led coalition saw eye-to-eye on targeting ISIL and other
# terrorist groups?" was answered "No" over "Russia does not consider the … rebels a terrorist group …, Lavrov said"
# (2 of the 8 words), beside "… Russian troops were targeting ISIL and "other terrorist groups" … and saw eye-to-eye
# with the U.S.-led coalition on this" (7 of 8). One more word is not enough: two wordings of one claim differ so;
# nor is a sentence that merely says more than a denial of the claim itself (5 of 8 beside 7): twice as many, too.
AFFIRMED_MARGIN = 2


def affirmed_elsewhere(negating: str, question: str, others: Sequence[str]) -> bool:
    """True when one of `others`, negating nothing the question asks, holds at least `AFFIRMED_MARGIN` more and
    twice as many of the question's words other than names as `negating` does: the "not" is about something
    else the question happens to mention (the sentence-level `_about_another_clause`)."""
    predicate = _predicate(question)
    held = len(predicate & content_words(negating))
    return any(len(predicate & content_words(other)) >= max(held + AFFIRMED_MARGIN, 2 * held)
               and not negates(other, question) for other in others if other != negating)


def settling_no(question: str, best: tuple[int, str] | None,
                shown: Iterable[tuple[int, str]]) -> tuple[int, str] | None:
    """The (evidence index, sentence) that answers the yes/no `question` "No": the `best` sentence when it
    does (`settled_no`), else the first `shown` sentence counting what the question says there was none of
    (the best sentence is chosen by the question's words, and "Lavrov said Oct. 1" outscores the sentence
    that holds "some differences"); None when none does."""
    shown = list(shown)
    if best and settled_no(best[1], question, [s for _, s in shown]):
        return best
    return next(((i, s) for i, s in shown if counts_what_is_denied(s, question)), None)


# A sentence of a passage the model was given but not shown settles "No" only when it holds at least this
# share of the question's words: demo-039's "its views do not reflect those of the secretary-general" holds
# 6 of its 9 (0.67), while its MiniLM cosine (0.46) left it out of the four sentences shown.
MIN_UNSHOWN_SHARE = 0.5


def unshown_no(question: str, passages: Sequence[tuple[int, str]]) -> tuple[int, str] | None:
    """(index, sentence) of the first sentence of the `passages` ((index, text) pairs: the passages the
    evidence came from, whole) that answers the yes/no `question` "No" (`settled_no`) and holds at least
    `MIN_UNSHOWN_SHARE` of its words; None when none does."""
    asked = content_words(question)
    for i, text in passages:
        for start, end in claim_spans(text):
            sentence = text[start:end]
            if len(asked & content_words(sentence)) >= MIN_UNSHOWN_SHARE * len(asked) and settled_no(sentence, question):
                return i, sentence
    return None


def quote_saying_no(short: str | None, question: str, citations: Sequence[Citation],
                    shown: Sequence[str] = ()) -> Citation | None:
    """The first citation whose quote answers the yes/no `question` "No" when `short` is "Yes"
    (None otherwise): the answer's own evidence contradicts it, unless a sentence `shown` to the model
    states the claim more fully (`settled_no`)."""
    if (short or "").strip(" .!").lower() != "yes":
        return None
    return next((c for c in citations if c.quote and settled_no(c.quote, question, shown)), None)
