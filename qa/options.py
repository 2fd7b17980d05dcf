"""Questions that offer their own answers: "Who won? A) Smith B) Jones C) Lee".

A quiz, a survey or a benchmark (RealTimeQA's `--choices` mode) asks a
question and lists the options. The options are not part of what to search
for or filter by — "A) March 2022" is not a date filter, "B) Reuters" not an
outlet filter — so `split_options` takes them off before the question is
understood, and the answer model is then held to one of them for its short
answer (`option_openings`, a grammar on the embedded model).

A question may also offer two answers in its own words: "Who is the target of Russia's air strikes:
ISIL or the Syrian opposition?", "Did Russia target ISIL or the Syrian opposition?" (`alternatives`).
Such a question asks which one, so it is no yes/no question (`qa.prompts.is_yes_no_question`), and
the passages may back each side (`qa.disputes`).
"""

from __future__ import annotations

import re
from typing import Sequence

# A lettered option marker: "A) ", "(b) ", "C. " — after the start, whitespace or punctuation.
_MARKER = re.compile(r"(?:(?<=^)|(?<=[\s:;,?]))\(?([A-Ha-h])[).]\s+")
# What may introduce the list: "Answer with one of:", "Options:", "Choices:", "Choose from:".
_INTRO = re.compile(r"(?:\b(?:answer\s+with\s+one\s+of|choose\s+(?:one\s+)?(?:of|from)|options|choices)\s*:?\s*)$",
                    re.I)
MIN_OPTIONS = 2


def split_options(question: str) -> tuple[str, tuple[str, ...]]:
    """(the question without its options, the options in order); no options → (question, ()).

    Options are a trailing run of markers lettered A, B, C… in order (at least two), the first
    after the question's end ("?", ":" or a new line) or an intro such as "Answer with one of:".
    """
    markers = list(_MARKER.finditer(question))
    for i, first in enumerate(markers):
        if first.group(1) not in "Aa":
            continue
        before = question[:first.start()].rstrip()
        intro = _INTRO.search(before)
        head = before[:intro.start()].rstrip() if intro else before
        if not head or not (intro or head[-1] in "?:" or "\n" in question[len(head):first.start()]):
            continue
        run = [first]
        for m in markers[i + 1:]:
            expected = chr(ord(run[-1].group(1)) + 1)
            if m.group(1) == expected:
                run.append(m)
        if len(run) < MIN_OPTIONS:
            continue
        bounds = [m.start() for m in run[1:]] + [len(question)]
        options = tuple(_clean(question[m.end():end]) for m, end in zip(run, bounds))
        if all(options):
            return head, options
    return question, ()


def _clean(option: str) -> str:
    """An option's text without the separators around it ("Paris, " / "Rome or")."""
    option = re.sub(r"\s+(?:or|and)$", "", option.strip(), flags=re.I)
    return option.strip(" ,;").strip()


def with_options(question: str, options: Sequence[str]) -> str:
    """The question and its options as the answer model reads them."""
    if not options:
        return question
    listed = " ".join(f"{chr(ord('A') + i)}) {o}" for i, o in enumerate(options))
    return f"{question}\nOptions: {listed}\nThe short answer is one of the options, copied exactly."


def option_openings(options: Sequence[str], label: str) -> tuple[str, ...]:
    """The first lines the model may write for a question with options: the label and one option."""
    return tuple(f"{label}{o}\n" for o in dict.fromkeys(options))


# The right-hand alternative: the words after the question's last "or", up to its "?".
_LAST_OR = re.compile(r"^(?P<left>.+)\s+or\s+(?P<right>[^,;:?]+?)\s*\?\s*$", re.IGNORECASE | re.DOTALL)
# Words after "or" that make a yes/no question, not a choice: "… or not?", "… or something else?"
_NOT_A_CHOICE = re.compile(r"^(?:not|no|none|neither|both|otherwise|else|something\b.*|anything\b.*|anyone\b.*|"
                           r"somebody\b.*|someone\b.*|other\w*\b.*|more|less|later|earlier|so)$", re.IGNORECASE)
MAX_ALTERNATIVE_WORDS = 6
# A verb's -ing form opening both alternatives ("fighting terrorism or feeding extremism", blind held-out s9-06).
_GERUND = re.compile(r"^[a-z]{2,}ing$")
_AUXILIARY_OPENING = re.compile(r"^\W*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|"
                                r"might|must)\b", re.IGNORECASE)
# Before the left-hand alternative: ":", "," or a dash ("Who won, Smith or Jones?").
_LEAD = re.compile(r"[:,;]\s+|\s+[—–-]\s+")
# A right-hand alternative that restates the subject as a pronoun after an auxiliary: "Is Russia going after ISIL
# with these strikes, or is it hitting the opposition?" (blind held-out s62-16), "Were the strikes aimed at ISIL,
# or were they hitting rebels?". Its left-hand one is then the verb phrase after the question's subject.
_RESTATED = re.compile(r"^(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could)\s+(?:it|they|he|she)\s+",
                       re.IGNORECASE)
_VERB_FORM = re.compile(r"^[a-z]{2,}(?:ing|ed)$")
# One question of several: the last one offering a choice ("… or is it hitting the opposition? What does each
# side say?").
_QUESTIONS = re.compile(r"[^?]+\?")


def _restated_alternatives(left_text: str, right: str) -> tuple[str, str] | None:
    """For "<Aux> <subject> <verb phrase>, or <aux> <pronoun> <verb phrase>?", the two verb phrases, else None:
    the left one runs from the first -ing or -ed word after the opening auxiliary to the "or"."""
    restated = _RESTATED.match(right)
    if not restated:
        return None
    words = left_text.strip().rstrip(",;").split()
    start = next((i for i in range(2, len(words)) if _VERB_FORM.match(words[i])), None)
    if start is None or len(words) - start > MAX_ALTERNATIVE_WORDS:
        return None
    return " ".join(words[start:]), right[restated.end():]


def alternatives(question: str) -> tuple[str, str] | None:
    """The two answers a question offers in its words ("…: ISIL or the Syrian opposition?" →
    ("ISIL", "the Syrian opposition")), else None.

    The right one is what follows the last "or"; the left one follows a ":", "," or dash, or else it is
    the shortest run of words before "or" that opens like the right one ("by France or by Italy"; a verb's
    -ing form, "fighting terrorism or feeding extremism") or with a capitalised name ("target ISIL or the
    Syrian opposition"). "Did anyone die or get hurt?"
    and "… or not?" offer no two answers.
    """
    m = _LAST_OR.match(question.strip())
    if not m:
        offering = [q for q in _QUESTIONS.findall(question) if re.search(r"\sor\s", q, re.IGNORECASE)]
        m = _LAST_OR.match(offering[-1].strip()) if offering else None
    if not m:
        return None
    right = m.group("right").strip()
    right_words = right.split()
    if not right_words or len(right_words) > MAX_ALTERNATIVE_WORDS or _NOT_A_CHOICE.match(right):
        return None
    left_text = m.group("left")
    restated = _restated_alternatives(left_text, right)
    if restated:
        return restated
    leads = list(_LEAD.finditer(left_text))
    if leads and len(left_text[leads[-1].end():].split()) <= MAX_ALTERNATIVE_WORDS:
        left = left_text[leads[-1].end():].strip()
        return (left, right) if left else None
    words = left_text.split()
    reach = min(len(words) - 1, len(right_words) + 2)  # never the question's opening word
    parallel = next((n for n in range(1, reach + 1) if words[-n].lower() == right_words[0].lower()), None)
    if parallel is None and _GERUND.match(right_words[0]) and _AUXILIARY_OPENING.match(question):
        # "Is it fighting terrorism or feeding extremism?"; not "… how many seconds … of living or dying?"
        parallel = next((n for n in range(1, reach + 1) if _GERUND.match(words[-n])), None)
    if parallel is None and right_words[0][:1].isupper() or right_words[0].lower() in ("the", "a", "an"):
        parallel = next((n for n in range(1, reach + 1) if words[-n][:1].isupper()), parallel)
    if parallel is None:
        return None
    if words[-parallel][:1].isupper():  # the whole name: "in New York or Geneva" → "New York"
        while parallel < reach and words[-parallel - 1][:1].isupper():
            parallel += 1
    return " ".join(words[-parallel:]), right
