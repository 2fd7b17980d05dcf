"""MultiHop-RAG: upstream scoring rules by hand, and the loader on the real schema sample."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from eval.benchmarks import multihop as mh
from eval.benchmarks.benchmark import run_benchmark
from eval.runner import RunOptions
from qa.services import Services
from qa.settings import Settings


def test_upstream_retrieval_by_hand():
    facts = ["fact one", "fact two"]
    chunks = ["noise", "the fact one\nhere", "noise", "fact two and factone again", "x"]
    scores = mh.upstream_retrieval(chunks, facts)
    # hits at ranks 2 (new: fact one) and 4 (new: fact two): AP = (1/2 + 1/4) / min(2, 10)
    assert scores == {"mh_hits@10": 1.0, "mh_hits@4": 1.0, "mh_map@10": pytest.approx(0.375),
                      "mh_mrr@10": 0.5}
    late = mh.upstream_retrieval(["n"] * 4 + ["fact one"], facts)
    assert late["mh_hits@4"] == 0.0 and late["mh_hits@10"] == 1.0 and late["mh_mrr@10"] == pytest.approx(0.2)
    assert mh.upstream_retrieval(["n"] * 10 + ["fact one"], facts)["mh_hits@10"] == 0.0  # rank 11 never counts


def test_answer_accuracy_rules():
    assert mh.lenient_correct("It was Sam Bankman-Fried [1].", "Sam Bankman-Fried")
    assert mh.lenient_correct("The answer is no", "Donald Trump") is False
    assert mh.lenient_correct("Trump said so", "Donald Trump")  # any shared word: lenient
    assert not mh.lenient_correct("It was Trump.", "Donald Trump")  # upstream splits on whitespace only
    assert mh.strict_correct("Donald Trump inflated it.", "Donald Trump")
    assert not mh.strict_correct("Trump inflated it.", "Donald Trump")
    assert mh.strict_correct("No, the reports disagree.", "No") and not mh.strict_correct("Yes.", "No")


def _corpus_from(queries: list[dict]) -> list[dict]:
    """A small corpus in the upstream schema: each evidence article with its fact inside a body we write."""
    articles: dict[str, dict] = {}
    for q in queries:
        for e in q["evidence_list"]:
            a = articles.setdefault(e["url"], {k: e[k] for k in ("title", "author", "url", "source", "category",
                                                                 "published_at")} | {"body": ""})
            a["body"] += f"The report continued with more context about the case.\n{e['fact']}\nMore lines followed. "
    articles["https://example.org/weather"] = {
        "title": "Weather", "author": "x", "url": "https://example.org/weather", "source": "Example",
        "category": "weather", "published_at": "2023-10-02T08:00:00+00:00",
        "body": "Rain is expected across the region on Tuesday with strong winds."}
    return list(articles.values())


@pytest.fixture
def sample_dir(shared_dir, tmp_path) -> Path:
    queries = json.loads((shared_dir / "multihop-rag" / "queries-sample.json").read_text())
    data = tmp_path / "mh"
    data.mkdir()
    null = {"query": "What did the Example Times report about the 2031 Mars landing?",
            "answer": "Insufficient information.", "question_type": "null_query", "evidence_list": []}
    (data / "MultiHopRAG.json").write_text(json.dumps(queries + [null]))
    (data / "corpus.json").write_text(json.dumps(_corpus_from(queries)))
    return data


def test_loader_on_the_real_schema_sample(sample_dir):
    qs = mh.load_queries(sample_dir / "MultiHopRAG.json")
    assert len(qs) == 9 and qs[0].answers == ("Sam Bankman-Fried",) and qs[0].type == "inference_query"
    assert len(qs[0].gold_evidence) == 3 and qs[0].gold_articles[0].startswith("https://www.theverge.com/")
    assert qs[0].as_of.isoformat() == "2023-10-07"
    null = qs[-1]
    assert not null.answerable and null.type == mh.NULL_TYPE


def test_run_on_sample_with_written_corpus(sample_dir, tmp_path, fake_embedder):
    settings = Settings(home=tmp_path / "home", llm="none")
    services = Services(settings, embedder=fake_embedder)
    params = argparse.Namespace(data=str(sample_dir))
    result = run_benchmark(mh.MultiHopRAG(), services, params, RunOptions(quiet=True, retrieval_only=True),
                           out_dir=tmp_path / "run")
    ours = result.summary["benchmark"]["ours"]
    assert ours["n"] == 8 and ours["null_n"] == 1
    assert 0 < ours["mh_hits@10"] <= 1 and ours["mh_map@10"] <= ours["mh_hits@10"]
    assert "## MultiHop-RAG (the benchmark's own scoring)" in result.files.report_path.read_text()
    full = run_benchmark(mh.MultiHopRAG(), services, params, RunOptions(quiet=True), out_dir=tmp_path / "full")
    ours = full.summary["benchmark"]["ours"]
    assert ours["mh_accuracy_lenient"] is not None and ours["mh_accuracy_strict"] is not None
    assert ours["null_abstained"] in (0.0, 1.0)


def test_missing_files_are_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="corpus.json and MultiHopRAG.json"):
        run_benchmark(mh.MultiHopRAG(), Services(Settings(home=tmp_path)), argparse.Namespace(data=str(tmp_path)),
                      RunOptions(quiet=True))
