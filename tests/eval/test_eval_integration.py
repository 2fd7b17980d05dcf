"""The real pipeline end to end: a tiny archive, the real embedder, extractive answers."""

from __future__ import annotations

import json

import pytest

from eval.questions import parse_lines
from eval.run import describe, evaluate_questions
from eval.runner import RunOptions
from index.runtime import build_indexer
from qa.settings import Settings
from qa.answer import NewsQA

from eval_fakes import ARTICLES, QUESTIONS


@pytest.mark.slow
def test_full_extractive_run_on_a_tiny_archive(tmp_path, real_embedder):
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps({"url": u, "title": t, "source": s, "published": p, "body": b}) + "\n"
                                for u, t, s, p, b in ARTICLES))
    settings = Settings(home=tmp_path, llm="none")
    indexer = build_indexer(settings, embedder=real_embedder, quiet=True)
    indexer.ingest([articles])
    qa = NewsQA(indexer.store, real_embedder, None)
    questions = parse_lines([json.dumps(q) for q in QUESTIONS])
    result = evaluate_questions(qa, questions, tmp_path / "run", RunOptions(quiet=True),
                                run_info=describe(settings, retrieval_only=False))
    records = {r["id"]: r for r in result.outcome.records}
    assert result.outcome.complete and result.outcome.errors == 0
    assert records["f1"]["metrics"]["hits@1"] == 1.0 and records["f1"]["metrics"]["evidence_hits@4"] == 1.0
    assert "Astana" in records["f1"]["answer"] and records["f1"]["citations"][0]["article_id"] == "https://tass.com/1"
    cited = records["f1"]["citations"]  # only the TASS article is gold or names Astana
    assert records["f1"]["metrics"]["citation_precision"] == pytest.approx(
        sum(c["article_id"] == "https://tass.com/1" for c in cited) / len(cited), abs=1e-6)
    assert set(records["f1"]["timings_ms"]) >= {"retrieve", "first_token", "total"}
    latency = result.summary["overall"]["latency_ms"]["total"]
    assert latency["n"] == len(questions) and latency["p50"] <= latency["p95"]
    assert "extractive" in result.files.report_path.read_text()
