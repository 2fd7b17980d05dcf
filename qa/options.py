"""Questions that offer their own answers: "Who won? A) Smith B) Jones C) Lee".

A quiz, a survey or a benchmark (RealTimeQA's `--choices` mode) asks a
question and lists the options. The options are not part of what to search
for or filter by — "A) March 2022" is not a date filter, "B) Reuters" not an
outlet filter — so `split_options` takes them off before the question is
understood, and the answer model is then held to one of them for its short
answer (`option_openings`, a grammar on the embedded model).
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
