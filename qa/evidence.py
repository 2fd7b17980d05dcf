"""Evidence selection: the few sentences of the retrieved passages that matter.

Prompt reading dominates time to first token on a 2-core CPU (~95 tokens/s),
so the model sees only the best-supported sentences (with a neighbour each
side for context) instead of whole chunks. Every kept sentence is a real span
of the article body, so citations can point at it exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from index.datelines import dateline_end
from index.countries import words_met
from index.embedding import Embedder
from index.text import content_words, split_sentences
from qa.answer_kind import expected_kind, offers
from qa.besides import excluded, lists_beside
from qa.boilerplate import is_furniture
from qa.counted_question import counted_noun, counted_size, writes_list_of
from qa.list_count import list_after
from qa.retrieval import Passage


def claim_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text` that can carry a claim: datelines cut off, bylines and credits dropped.

    "BIRMINGHAM, England (CNN) — Khalid Masood was born in Kent." keeps only
    the sentence after the dash. Each span is still a real span of `text`, so
    quotes and citations stay exact. Evidence selection and the support check
    both read passages through this, so neither treats a dateline as a fact.
    """
    out = []
    for s, e in split_sentences(text):
        s = dateline_end(text, s, e)
        while s < e and text[s].isspace():
            s += 1
        if s < e and not is_furniture(text[s:e]):
            out.append((s, e))
    return out


def with_neighbours(text: str, sentence: str, reach: int = 1) -> str | None:
    """The claim sentence of `text` holding `sentence` (or held by it) with `reach` claim sentences
    either side, joined; None when no claim sentence matches."""
    sentences = [text[s:e] for s, e in claim_spans(text)]
    at = next((i for i, s in enumerate(sentences) if sentence and (sentence in s or s in sentence)), None)
    return None if at is None else " ".join(sentences[max(0, at - reach):at + reach + 1])


# Weight of the share of question words a sentence contains, added to its cosine. Calibrated on 120
# RealTimeQA 2022 questions (is the correct choice's text in the top 3 of the ~300 sentences of the
# question's search pages?): 0 -> 0.51, 0.15 -> 0.53, 0.3 -> 0.57, 0.5/0.8 -> 0.58, 1.2 -> 0.58; top 10
# is flat at 0.74-0.78. 0.3 sits on the plateau without letting word counts outvote meaning.
KEYWORD_WEIGHT = 0.3

# Bonus for a sentence offering the kind of answer asked for (a number, a date, a name the question
# lacks). Evidence recall (the answer inside the sentences the model is shown), weights 0 / 0.05 / 0.2 / 0.5,
# 2026-12-02: demo odd ids (calibration) 0.870 / 0.891 / 0.891 / 0.891, RealTimeQA odd weeks (calibration)
# 0.497 / 0.492 / 0.492 / 0.487 -- flat from 0.05 on, one question gained and one lost; on the halves not
# looked at, demo even ids 0.848 / 0.870 / 0.891 / 0.913 and RealTimeQA even weeks 0.450 / 0.460 / 0.475 /
# 0.470. 0.2 is below a cosine gap that matters (MiniLM cosines of rival sentences differ by 0.1-0.3).
ANSWER_KIND_WEIGHT = 0.2


@dataclass(frozen=True)
class Evidence:
    """The selected sentences of one passage, as text and as article-body spans."""

    passage: Passage
    text: str  # selected sentences (neighbours included), non-adjacent runs joined by " … "
    spans: tuple[tuple[int, int], ...]  # offsets of those runs in the article body
    score: float  # cosine similarity of the passage's best sentence to the question
    best_span: tuple[int, int] | None = None  # article-body offsets of that best sentence
    # (start, end, score) in article-body offsets of every sentence shown, neighbours included: the
    # score ranked them (cosine + keyword and answer-kind bonuses), so a quote can weigh each one
    sentence_scores: tuple[tuple[int, int, float], ...] = ()


def select_evidence(question: str, passages: Sequence[Passage], embedder: Embedder, *,
                    max_sentences: int = 10, neighbours: int = 1, every_passage: bool = True,
                    asked: str | None = None) -> list[Evidence]:
    """The best sentences overall (with `neighbours` either side), per passage, in passage order.

    Sentences are ranked by cosine similarity to the question plus a keyword
    overlap bonus and, when the question asks for a number, date or name, a
    bonus for sentences that hold one (qa/answer_kind.py); all encoded in one batch. With `every_passage` each passage
    keeps at least its best sentence (so `max_sentences` may be exceeded);
    without it, passages none of whose sentences made the cut are left out.
    A sentence repeated in overlapping chunks of one article is chosen once. `asked` is the question as the
    reader wrote it, when `question` is the searched text: a count is not searched ("Which three places …?"
    searches "Which places …?"), and a sentence listing as many things as it counts gets the answer-kind bonus.
    """
    if not passages:
        return []
    sentences = [(pi, s, e) for pi, p in enumerate(passages) for s, e in claim_spans(p.text)]
    if not sentences:
        return []
    texts = [passages[pi].text[s:e] for pi, s, e in sentences]
    vectors = embedder.encode([question] + texts)
    similarity = vectors[1:] @ vectors[0]
    q_words = content_words(question)
    # a country counts in any of its forms: "Turkey's foreign minister" meets "Turkish Foreign Minister …"
    overlap = np.array([words_met(q_words, content_words(t)) / max(1, len(q_words)) for t in texts])
    scores = similarity + KEYWORD_WEIGHT * overlap
    kind = expected_kind(question)
    if kind is not None:
        scores = scores + ANSWER_KIND_WEIGHT * np.array([offers(kind, t, question) for t in texts], dtype=float)
    if excluded(asked or question):  # "besides more extremism, what else …?": "… more extremism and radicalization"
        scores = scores + ANSWER_KIND_WEIGHT * np.array([lists_beside(asked or question, t) for t in texts], dtype=float)
    noun = counted_noun(asked or question)
    if noun:  # "How many governments …?": "the governments of France, Germany, …" is a count with no number in it
        scores = scores + ANSWER_KIND_WEIGHT * np.array([list_after(noun, t) is not None for t in texts], dtype=float)
    size = counted_size(asked or question)
    if size:  # "Which three places …?": a sentence listing three things offers the answer
        scores = scores + ANSWER_KIND_WEIGHT * np.array([writes_list_of(size, t) for t in texts], dtype=float)

    def body_key(i: int) -> tuple[str, int, int]:
        pi, s, e = sentences[i]
        return passages[pi].article_id, passages[pi].start + s, passages[pi].start + e

    chosen: set[int] = set()
    if every_passage:
        for pi in range(len(passages)):
            own = [i for i, (p, _, _) in enumerate(sentences) if p == pi]
            if own:
                chosen.add(max(own, key=lambda i: scores[i]))
    taken = {body_key(i) for i in chosen}
    for i in map(int, np.argsort(-scores, kind="stable")):
        if len(chosen) >= max_sentences:
            break
        if i in chosen or body_key(i) in taken:
            continue
        chosen.add(i)
        taken.add(body_key(i))
    expanded = {j for i in chosen for j in range(i - neighbours, i + neighbours + 1)
                if 0 <= j < len(sentences) and sentences[j][0] == sentences[i][0]}
    out = []
    for pi, passage in enumerate(passages):
        idx = sorted(i for i in expanded if sentences[i][0] == pi)
        if not idx:
            continue
        runs: list[list[int]] = []  # [first local start, last local end, last sentence index]
        for i in idx:
            _, s, e = sentences[i]
            if runs and i == runs[-1][2] + 1 and not passage.text[runs[-1][1]:s].strip():  # nothing cut between
                runs[-1][1:] = [e, i]
            else:
                runs.append([s, e, i])
        best = max((i for i in idx if i in chosen), key=lambda i: scores[i])
        _, bs, be = sentences[best]
        out.append(Evidence(
            passage, " … ".join(passage.text[s:e] for s, e, _ in runs),
            tuple((passage.start + s, passage.start + e) for s, e, _ in runs),
            float(similarity[best]), (passage.start + bs, passage.start + be),
            tuple((passage.start + sentences[i][1], passage.start + sentences[i][2], float(scores[i])) for i in idx)))
    return out
