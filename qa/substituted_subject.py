"""A claim that copies a sentence's act but gives it the question's words for a subject the sentence never names.

"How did the Assad government respond to the joint statement from Turkey and its partners?" (blind s56-17,
unanswerable) came back as "Turkey and its partners brokered a ceasefire for Syria [1]", cited to a DW
sentence "In late December, the two countries brokered a ceasefire for Syria …" — the two countries being
Russia and Turkey. The act is copied word for word, so word overlap and MiniLM called it supported, and the
answer went out unflagged: the 1.5B model had filled the subject slot with words of the question.

`substituted_subject(claim, sentence, question, passage)` reads the claim's subject as the words before the
first run of `RUN` words it shares with the sentence ("brokered a ceasefire"). It is substituted when those
words are all the question's, none is in the sentence, and one of its lower-case words (a name may stand for
the sentence's "he" or "the minister", which the name checks judge) is nowhere in the passage the sentence
comes from. A subject ending in a verb of saying ("TASS reported that", "The joint statement says") names the
source, not the actor. Over every answer on record (the demo set and blind sets s55-s58, 2026-12-07), the
question's-words-absent-from-the-quote part fired on s56-17 and three attributions ("TASS reported that", "The
joint statement says") and one fuller description ("The bacterium strain MR-17" for "MR-17", whose words the
article writes elsewhere).
"""

from __future__ import annotations

import re

from index.speech_verbs import VERBS
from index.text import content_words

# Words in a row the claim must share with the sentence for the words before them to be the act's subject.
RUN = 3
_TOKEN = re.compile(r"[\w'’.-]*\w")
_SOURCE_WORDS = frozenset("that according".split())
_SAYING = frozenset(VERBS.split("|"))  # the finite forms of verbs of saying: "said", "says", "reported"


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _names_a_source(subject: list[str]) -> bool:
    """True when the subject ends with a verb of saying ("TASS reported that"): it says who says, not who did."""
    words = [w for w in subject if w not in _SOURCE_WORDS]
    return bool(words) and words[-1] in _SAYING or "according" in subject


def substituted_subject(claim: str, sentence: str, question: str, passage: str) -> str | None:
    """The subject `claim` gives the act it copies from `sentence` when that subject is the question's words the
    sentence never writes (see the module docstring), else None."""
    said, source = _tokens(claim), _tokens(sentence)
    runs = {tuple(source[i:i + RUN]) for i in range(len(source) - RUN + 1)}
    start = next((i for i in range(1, len(said) - RUN + 1) if tuple(said[i:i + RUN]) in runs), None)
    if start is None:
        return None
    subject = said[:start]
    words = content_words(" ".join(subject))
    if not words or _names_a_source(subject) or not words <= content_words(question) \
            or words & content_words(sentence):
        return None
    written = _TOKEN.findall(claim)[:start]
    lower = content_words(" ".join(w for w in written if w[:1].islower()))
    return " ".join(written) if lower - content_words(passage) else None
