"""Scoring one question: its retrieved passages and answer become a result record.

The record is plain JSON (one line of `results.jsonl`): what was retrieved
(ids, titles, which are gold), what was answered and cited, per-question
metric values and timings. Everything the report, the summary and
`eval compare` need is in it, so runs can be re-summarised without re-running.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

from eval import metrics as m
from eval.questions import Question

DEPTH = 10            # retrieval metrics look at the top 10 passages
CUTOFFS = (1, 4, 10)
SNIPPET_CHARS = 240

# Optional benchmark-specific scoring: (question, passages, answer or None) -> extra metric values.
ExtraScorer = Callable[[Question, Sequence[Any], Any], Mapping[str, float | None]]


def as_retrieved(item: Any) -> m.Retrieved:
    """A `Passage` or `Citation` (anything with article_id, url, title and text/passage) as `Retrieved`."""
    text = getattr(item, "text", None)
    if text is None:
        text = getattr(item, "passage", "") or ""
    return m.Retrieved(str(item.article_id), getattr(item, "url", None), getattr(item, "title", "") or "", text)


def score_retrieval(question: Question, passages: Sequence[Any], depth: int = DEPTH) -> dict[str, float | None]:
    """Article-level, evidence-level and answer-recall metrics over the top `depth` passages."""
    items = [as_retrieved(p) for p in passages[:depth]]
    scores: dict[str, float | None] = {}
    if not question.answerable:
        return scores
    if question.gold_articles:
        scores.update(m.ranking_scores(m.article_matches(items, question.gold_articles),
                                       len(question.gold_articles), "", CUTOFFS, depth))
    if question.gold_evidence:
        scores.update(m.ranking_scores(m.evidence_matches(items, question.gold_evidence),
                                       len(question.gold_evidence), "evidence_", CUTOFFS, depth))
    if not m.is_yes_no(question.answers) and question.type != "disputed":  # no answer span to find
        found = m.answer_matches(items, question.answers)
        scores.update({f"answer_recall@{k}": m.hits_at(found, k) for k in CUTOFFS})
    return scores


def score_answer(question: Question, answer: Any) -> dict[str, float | None]:
    """Answer correctness, citation quality and the unsupported-sentence rate of one answer."""
    scores: dict[str, float | None] = {}
    text = "" if answer.abstained else answer.text
    sentences = len(answer.sentences)
    if not question.answerable:
        scores["correct"] = float(answer.abstained)
    elif question.type == "disputed":
        scores["correct"] = m.disputed_correct(getattr(answer, "short_answer", None), text, question.gold_evidence)
    elif m.is_yes_no(question.answers):
        # The short answer is the answer when it is a bare Yes/No: "Yes" above "… didn't respond [1]"
        # says yes, whatever the sentence's negation suggests to the text reading.
        short = getattr(answer, "short_answer", None) if text else None
        said = short if short and m.normalise_answer(short) in m.YES_NO else text
        scores["yes_no_accuracy"] = m.yes_no_correct(said, question.answers) if text else 0.0
        scores["correct"] = scores["yes_no_accuracy"]
    else:
        scores["exact_match"] = m.exact_match(text, question.answers)
        scores["f1"] = m.token_f1(text, question.answers)
        scores["contains_answer"] = m.contains_answer(text, question.answers)
        # The reader sees the short answer in bold above the sentences: naming the answer there counts.
        short = getattr(answer, "short_answer", None) if text else None
        scores["correct"] = max(scores["contains_answer"], m.contains_answer(short or "", question.answers))
    scores.update(score_short_answer(question, answer))
    if not answer.abstained:
        cited = [as_retrieved(c) for c in answer.citations]
        if question.answerable:
            precision, recall = m.citation_scores(cited, question.gold_articles, question.gold_evidence,
                                                  question.answers)
            scores["citation_precision"], scores["citation_recall"] = precision, recall
        scores["unsupported_rate"] = answer.unsupported_sentences / sentences if sentences else None
        # The verifier's two kinds of error, judged by whether the answer is right ("correct" above):
        # a false alarm on a right answer, and silence on a wrong one.
        # What the reader sees flagged: a sentence marked unsupported, or ⚠ on the short answer.
        flagged = answer.unsupported_sentences > 0 or getattr(answer, "short_answer_supported", None) is False
        if scores["correct"]:
            scores["correct_flagged"] = float(flagged)
        else:
            scores["wrong_unflagged"] = float(not flagged)
    return scores


def score_short_answer(question: Question, answer: Any) -> dict[str, float | None]:
    """EM and F1 of the short answer on answerable questions where there is one, and whether it was given.

    `short_answer_given` is over every answered (not abstained) answerable question, so a model
    that skips the short line shows up there rather than silently shrinking the EM's n.
    """
    short = getattr(answer, "short_answer", None)
    if not question.answerable or answer.abstained:
        return {}
    scores: dict[str, float | None] = {"short_answer_given": float(bool(short))}
    if short:
        scores["short_exact_match"] = m.exact_match(short, question.answers)
        scores["short_f1"] = m.token_f1(short, question.answers)
        flagged = getattr(answer, "short_answer_supported", None) is False
        scores["short_answer_flagged"] = float(flagged)
    return scores


def _retrieved_rows(question: Question, passages: Sequence[Any], depth: int) -> list[dict]:
    rows = []
    names = [] if m.is_yes_no(question.answers) else list(question.answers)
    for rank, p in enumerate(passages[:depth], 1):
        item = as_retrieved(p)
        rows.append({
            "rank": rank, "article_id": item.article_id, "title": item.title,
            "source": getattr(p, "source", None), "published": getattr(p, "published", None), "url": item.url,
            "score": round(float(getattr(p, "score", 0.0) or 0.0), 5),
            "dense_score": None if getattr(p, "dense_score", None) is None else round(float(p.dense_score), 4),
            "gold": any(m.matches_article(g, item) for g in question.gold_articles),
            "evidence": any(m.evidence_in(item.text, e) for e in question.gold_evidence),
            "has_answer": any(m.mentions(item.text, a) for a in names),
            "snippet": " ".join(item.text.split())[:SNIPPET_CHARS],
        })
    return rows


def best_cosine(passages: Sequence[Any]) -> float | None:
    """The best dense similarity among the passages (what the abstention gate looks at)."""
    values = [float(p.dense_score) for p in passages if getattr(p, "dense_score", None) is not None]
    return round(max(values), 4) if values else None


def base_record(question: Question, mode: str) -> dict:
    """The question part of a result record."""
    return {"id": question.id, "type": question.type, "question": question.question,
            "answerable": question.answerable, "answers": list(question.answers),
            "gold_articles": list(question.gold_articles), "mode": mode}


def result_record(question: Question, *, mode: str, passages: Sequence[Any], answer: Any = None,
                  standalone: str | None = None, filters: dict | None = None, timings_ms: dict | None = None,
                  gate_threshold: float | None = None, extra: ExtraScorer | None = None,
                  depth: int = DEPTH, shown: Sequence[str] | None = None) -> dict:
    """The full result record of a question that ran without error.

    `shown` are the evidence sentences the model is (or would be) shown; with
    them, `evidence_recall` is scored beside answer recall.

    In retrieval-only mode (`answer is None`) `abstained` says whether the
    retrieval gate alone (best cosine below `gate_threshold`) would abstain.
    """
    record = base_record(question, mode)
    cosine = best_cosine(passages)
    metrics = score_retrieval(question, passages, depth)
    if shown is not None and question.answerable and not m.is_yes_no(question.answers):
        metrics["evidence_recall"] = m.evidence_recall(shown, question.answers)
    record.update({"standalone_question": standalone, "filters": filters or {},
                   "retrieved": _retrieved_rows(question, passages, depth), "best_cosine": cosine})
    if answer is not None:
        metrics.update(score_answer(question, answer))
        record.update({
            "short_answer": getattr(answer, "short_answer", None), "quoted": bool(getattr(answer, "quoted", False)),
            # the ⚠ on the short answer and its reason (qa/short_answer_check.py), for replays and debugging
            "short_answer_supported": getattr(answer, "short_answer_supported", None),
            "short_answer_concern": getattr(answer, "short_answer_concern", None),
            "signals": dict(getattr(answer, "signals", None) or {}),
            "answer": answer.text, "abstained": bool(answer.abstained), "abstained_by": "answer",
            "sentences": len(answer.sentences), "unsupported_sentences": answer.unsupported_sentences,
            "citations": [{"n": c.n, "article_id": c.article_id, "title": c.title, "source": c.source,
                           "published": c.published, "url": c.url, "supported": c.supported,
                           "quote": c.quote} for c in answer.citations],
        })
    else:
        gate = gate_threshold if gate_threshold is not None else 0.0
        record.update({"answer": None, "abstained": not passages or (cosine or 0.0) < gate,
                       "abstained_by": "retrieval gate"})
    if extra is not None:
        metrics.update(extra(question, passages, answer))
    record["metrics"] = {k: (None if v is None else round(float(v), 6)) for k, v in metrics.items()}
    record["timings_ms"] = dict(timings_ms or {})
    record["error"] = None
    return record


def error_record(question: Question, mode: str, error: str) -> dict:
    """The record of a question that could not be run (kept so the report shows it)."""
    record = base_record(question, mode)
    record.update({"retrieved": [], "answer": None, "abstained": None, "metrics": {}, "timings_ms": {},
                   "error": error})
    return record
