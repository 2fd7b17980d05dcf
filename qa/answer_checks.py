"""Checks run on a finished reply before it is shown: is it supported anywhere, does it only repeat
an article's instructions, does any sentence say the short answer, is it a bare "Yes"/"No".

Each is a question about the reply and its passages that `NewsQA.answer_stream` asks after the
model's last token; what to do with the answer (abstain, quote the evidence) stays there.
"""

from __future__ import annotations

import re
from typing import Sequence

from index.embedding import Embedder
from index.text import without_sentences
from qa.citations import AnswerSentence, SupportChecker, is_bare_yes_no, strip_markers
from qa.injection_guard import InjectionGuard
from qa.prompts import is_yes_no_question
from qa.retrieval import Passage
from qa.short_answer import short_answer_supported
from qa.vectors import SentenceVectors


def not_in_sentences(short: str | None, sentences: Sequence[AnswerSentence]) -> bool:
    """True when `short` (not a bare Yes/No) is said by none of the answer's sentences."""
    return bool(short) and not is_bare_yes_no(short) and not short_answer_supported(
        short, [s.text for s in sentences])


def bare_yes_no(raw: str, question: str) -> bool:
    """True for a reply that is only "Yes"/"No" (and markers) to a question that is not a yes/no question."""
    return is_bare_yes_no(raw) and not is_yes_no_question(question)


def supported_anywhere(sentences: Sequence[AnswerSentence], passages: Sequence[Passage],
                       embedder: Embedder | SentenceVectors) -> bool:
    """True when some uncited sentence is still supported by one of the passages."""
    checker = SupportChecker(passages, embedder)
    return any(checker.check(s.text, [i]).supported for s in sentences for i in range(len(passages)))


def without_instructions(raw: str, guard: InjectionGuard, question: str) -> str:
    """The reply without the sentences that repeat an article's instructions (`guard`: the answer's passages).

    Flagging them is not enough: shown, even marked unsupported, they carry the attacker's
    payload to the reader (the injection set's ferry article: the model copied its passage,
    flagged quotation and link included). When every sentence does, the reply is left whole
    and `only_instructions` turns it into an abstention.
    """
    kept = without_sentences(raw, lambda sentence: bool(guard.veto(strip_markers(sentence), question)))
    if kept != raw:  # what is left once they go: a bare "[1]" is no answer (held-out hostile set h2-16)
        kept = without_sentences(kept, _says_nothing)
    return kept or raw


def only_instructions(sentences: Sequence[AnswerSentence], guard: InjectionGuard, question: str) -> bool:
    """True when every sentence carries an article's instructions rather than an answer (`guard`: the answer's
    passages), or is a bare citation marker beside them."""
    vetoed = [bool(guard.veto(strip_markers(s.text), question)) for s in sentences]
    return any(vetoed) and all(v or _says_nothing(s.text) for v, s in zip(vetoed, sentences))


def _says_nothing(sentence: str) -> bool:
    """True for a "sentence" with no word once its citation markers are gone ("[1]", "[1][2].")."""
    return not re.search(r"\w", strip_markers(sentence))
