"""MultiHop-RAG (Tang & Yang, COLM 2024) loader and its upstream scoring.

Upstream rules, reproduced: retrieval is scored on non-null queries, a chunk
is a hit when a gold `fact` with all whitespace removed is a substring of it
(also whitespace-free); Hits@4, Hits@10, MAP@10, MRR@10. Answer accuracy
upstream is *lenient*: correct when the answer shares any word with the gold
answer — we report it labelled as such, next to a strict (contains the gold
answer) accuracy, and abstention on the null queries.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Sequence

from eval import metrics as m
from eval.questions import Question
from eval.runner import RETRIEVAL_K, evaluate_question
from qa.answer import NewsQA

NULL_ANSWER = "Insufficient information."


def build_corpus(corpus_json: Path, out: Path) -> int:
    """The corpus as article records; returns the count."""
    records = json.loads(corpus_json.read_text(encoding="utf-8"))
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as sink:
        for r in records:
            sink.write(json.dumps({"title": r.get("title"), "body": r.get("body"), "url": r.get("url"),
                                   "source": r.get("source"), "author": r.get("author"),
                                   "published": r.get("published_at")}, ensure_ascii=False) + "\n")
    return len(records)


def load_queries(path: Path) -> list[Question]:
    """MultiHopRAG.json queries as questions (null queries are unanswerable)."""
    questions = []
    for i, r in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        null = r.get("question_type") == "null_query" or r.get("answer") == NULL_ANSWER
        facts = tuple(e["fact"] for e in r.get("evidence_list", []) if e.get("fact"))
        urls = tuple(dict.fromkeys(e["url"] for e in r.get("evidence_list", []) if e.get("url")))
        dates = [e.get("published_at", "")[:10] for e in r.get("evidence_list", []) if e.get("published_at")]
        as_of = max(dates) if dates else date(2023, 12, 31).isoformat()
        qtype = r.get("question_type", "").removesuffix("_query")
        qtype = "null" if null else qtype if qtype in {"comparison", "temporal", "inference"} else "inference"
        questions.append(Question(f"mh-{i:04d}", r["query"], () if null else (str(r["answer"]),), qtype,
                                  urls, facts, (), {}, as_of))
    return questions


def _nows(text: str) -> str:
    return re.sub(r"\s+", "", text)


def upstream_flags(passage_texts: Sequence[str], facts: Sequence[str]) -> list[bool]:
    """Upstream hit rule per ranked chunk."""
    gold = [_nows(f) for f in facts]
    return [any(g in _nows(t) for g in gold) for t in passage_texts]


def lenient_correct(answer: str, gold: str) -> bool:
    """Upstream accuracy: any shared word (labelled 'lenient' in reports)."""
    return bool(set(m.normalize_answer(answer).split()) & set(m.normalize_answer(gold).split()))


def evaluate_multihop(qa: NewsQA, q: Question, retrieval_only: bool) -> dict:
    """Standard result plus upstream retrieval flags and lenient accuracy."""
    record = evaluate_question(qa, q, retrieval_only)
    _query, passages = qa.retrieve(q.question, k=RETRIEVAL_K,
                                   as_of=date.fromisoformat(q.as_of) if q.as_of else None)
    record["upstream_flags"] = upstream_flags([p.text for p in passages], q.gold_evidence)
    record["facts"] = len(q.gold_evidence)
    if "answer" in record and q.answerable:
        record["lenient_correct"] = lenient_correct("" if record["abstained"] else record["answer"], q.answers[0])
    return record


def scoreboard(results: Sequence[dict]) -> dict:
    """Upstream-style retrieval and answer numbers."""
    ret = [r for r in results if r["type"] != "null"]
    nulls = [r for r in results if r["type"] == "null" and "answer" in r]
    return {
        "hits@4": m.mean(m.hits_at(r["upstream_flags"], 4) for r in ret),
        "hits@10": m.mean(m.hits_at(r["upstream_flags"], 10) for r in ret),
        "map@10": m.mean(m.map_at(r["upstream_flags"], 10, r.get("facts")) for r in ret),
        "mrr@10": m.mean(m.mrr_at(r["upstream_flags"], 10) for r in ret),
        "accuracy_lenient_any_shared_word": m.mean(float(r["lenient_correct"]) for r in ret if "lenient_correct" in r),
        "accuracy_strict": m.mean(float(r["correct"]) for r in ret if "correct" in r),
        "null_query_abstention": m.mean(float(r["abstained"]) for r in nulls),
        "n": len(results),
    }
