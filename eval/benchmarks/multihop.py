"""MultiHop-RAG (Tang & Yang, COLM 2024) for users who have its data.

`corpus.json` (609 news articles) is indexed into its own store;
`MultiHopRAG.json` queries are asked as of the latest evidence date.
Scoring follows the benchmark's own scripts:

- retrieval, on non-null queries: a retrieved chunk is a hit when a gold
  `fact`, with spaces and newlines removed, is a substring of the chunk (also
  stripped); Hits@4, Hits@10, MAP@10 and MRR@10 computed exactly as upstream
  `retrieval_evaluate.py` does (its MAP adds, at each hit rank, the number of
  newly found facts divided by the rank, over min(#facts, 10));
- answers: upstream accuracy is *lenient* — correct when the lowercased answer
  shares any whitespace-separated word with the gold answer — and is labelled
  so; we also report strict accuracy (the gold answer named as whole words,
  or the right yes/no);
- null queries (no evidence; gold "Insufficient information."): should abstain.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from eval import metrics as m
from eval.benchmarks.archive import BenchmarkDataError, BenchmarkDataMissing
from eval.benchmarks.benchmark import PreparedRun, data_folder
from eval.questions import Question
from eval.runner import RunOptions

if TYPE_CHECKING:
    from qa.services import Services

NULL_TYPE = "null_query"
PUBLISHED = (  # from the MultiHop-RAG paper (Tang & Yang 2024), full 2,556-query set
    ("voyage-02 + bge-reranker-large (best retrieval)", "Hits@10 0.7467, Hits@4 0.6625, MRR@10 0.5860"),
    ("bge-large-en-v1.5 alone", "Hits@10 about 0.67"),
    ("GPT-4 on retrieved chunks", "answer accuracy 0.56"),
    ("GPT-4 with the gold evidence", "answer accuracy 0.89"),
)


def load_queries(path: Path) -> list[Question]:
    """MultiHopRAG.json (or the schema sample) as questions; null queries become unanswerable."""
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise BenchmarkDataError(f"{path}: malformed JSON at line {exc.lineno}: {exc.msg}") from None
    if not isinstance(records, list):
        raise BenchmarkDataError(f"{path}: expected a JSON array of query records")
    questions = []
    for i, r in enumerate(records):
        if not isinstance(r, dict) or not r.get("query"):
            raise BenchmarkDataError(f"{path}: record {i}: needs a 'query' field")
        qtype = str(r.get("question_type") or "query")
        evidence = [e for e in r.get("evidence_list") or [] if isinstance(e, dict)]
        dates = [str(e.get("published_at"))[:10] for e in evidence if e.get("published_at")]
        null = qtype == NULL_TYPE
        questions.append(Question(
            id=f"mh-{i:04d}", question=str(r["query"]).strip(),
            answers=() if null else (str(r.get("answer", "")).strip(),), type=qtype,
            gold_articles=tuple(dict.fromkeys(str(e["url"]) for e in evidence if e.get("url"))),
            gold_evidence=tuple(str(e["fact"]) for e in evidence if e.get("fact")),
            # Without an as-of date "recently" would mean today; the corpus ends in Dec 2023.
            as_of=date.fromisoformat(max(dates)) if dates else date(2023, 12, 31),
            extra={"gold_answer": r.get("answer")}))
    return questions


def _squash(text: str) -> str:
    return text.replace(" ", "").replace("\n", "")


def upstream_retrieval(chunks: Sequence[str], facts: Sequence[str]) -> dict[str, float]:
    """Hits@10, Hits@4, MAP@10, MRR@10 of one query, computed as upstream does."""
    gold = [_squash(f) for f in facts]
    found: list[str] = []
    hits10 = hits4 = False
    ap = 0.0
    first = None
    for rank, chunk in enumerate((_squash(c) for c in chunks[:10]), 1):
        if any(g in chunk for g in gold):
            hits10 = True
            hits4 = hits4 or rank <= 4
            first = first or rank
            new = [g for g in gold if g in chunk and g not in found]
            found += new
            ap += len(new) / rank
    return {"mh_hits@10": float(hits10), "mh_hits@4": float(hits4),
            "mh_map@10": ap / min(len(gold), 10) if gold else 0.0, "mh_mrr@10": 1.0 / first if first else 0.0}


def lenient_correct(prediction: str, gold: str) -> bool:
    """Upstream answer accuracy: any shared whitespace-separated word (lowercased)."""
    return bool(set(prediction.lower().split()) & set(gold.lower().split()))


def strict_correct(prediction: str, gold: str) -> bool:
    """The gold answer named as whole words (SQuAD-normalised), or the right yes/no."""
    if m.is_yes_no([gold]):
        return bool(m.yes_no_correct(prediction, [gold]))
    return bool(m.contains_answer(prediction, [gold]))


def extra_scores(question: Question, passages: Sequence, answer) -> dict[str, float | None]:
    """Upstream retrieval rule on non-null queries; lenient and strict answer accuracy when answered."""
    scores: dict[str, float | None] = {}
    if question.type != NULL_TYPE:
        scores.update(upstream_retrieval([p.text for p in passages], question.gold_evidence))
        if answer is not None:
            text = "" if answer.abstained else m.strip_citation_markers(answer.text)
            scores["mh_accuracy_lenient"] = float(lenient_correct(text, question.answers[0]))
            scores["mh_accuracy_strict"] = float(strict_correct(text, question.answers[0]))
    return scores


def scoreboard(records: Sequence[dict]) -> tuple[list[str], dict]:
    """The report's MultiHop-RAG section and summary entry."""
    ok = [r for r in records if not r.get("error")]
    non_null = [r for r in ok if r.get("type") != NULL_TYPE]
    nulls = [r for r in ok if r.get("type") == NULL_TYPE]

    def avg(key: str) -> float | None:
        return m.mean(r["metrics"].get(key) for r in non_null)

    ours = {k: avg(k) for k in ("mh_hits@4", "mh_hits@10", "mh_map@10", "mh_mrr@10", "mh_accuracy_lenient",
                                "mh_accuracy_strict")}
    ours["null_abstained"] = m.mean(bool(r.get("abstained")) for r in nulls)
    ours.update(n=len(non_null), null_n=len(nulls))

    def f(v: float | None) -> str:
        return "–" if v is None else f"{v:.4f}"

    lines = ["## MultiHop-RAG (the benchmark's own scoring)", "",
             f"Non-null queries: {len(non_null)}; null queries: {len(nulls)}.", "",
             "| measure | ours |", "|---|---|",
             f"| Hits@4 (fact-substring rule) | {f(ours['mh_hits@4'])} |",
             f"| Hits@10 | {f(ours['mh_hits@10'])} |", f"| MAP@10 (upstream formula) | {f(ours['mh_map@10'])} |",
             f"| MRR@10 | {f(ours['mh_mrr@10'])} |",
             f"| answer accuracy, lenient (upstream: any shared word) | {f(ours['mh_accuracy_lenient'])} |",
             f"| answer accuracy, strict (gold answer named / right yes-no) | {f(ours['mh_accuracy_strict'])} |",
             f"| null queries abstained | {f(ours['null_abstained'])} |", "",
             "Published (full set, for orientation): " + "; ".join(f"{a}: {b}" for a, b in PUBLISHED) + "."]
    headline = {k: f(v) for k, v in ours.items() if k.startswith("mh_") and v is not None}
    return ["\n".join(lines)], {"benchmark": {"name": "multihop-rag", "ours": ours}, "headline": headline}


class MultiHopRAG:
    """MultiHop-RAG as a `Benchmark`: corpus.json in its own store, MultiHopRAG.json asked of it."""

    name = "multihop-rag"
    description = "the MultiHop-RAG benchmark (bring its data)"
    details = ("Ingest MultiHop-RAG's corpus.json into its own store and score MultiHopRAG.json with the "
               "benchmark's own retrieval and answer rules. The archive is HOME/benchmarks/multihop-rag/store "
               "(--store overrides).")
    examples = None
    usage = "--data DIR [options]"
    compares_retrievers = False

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """--data DIR (required: the benchmark's data is not bundled)."""
        parser.add_argument("--data", metavar="DIR", required=True,
                            help="folder holding corpus.json and MultiHopRAG.json")

    def prepare(self, services: Services, params: argparse.Namespace, options: RunOptions) -> PreparedRun:
        """Index corpus.json into HOME/benchmarks/multihop-rag/store (reused) and load the queries."""
        from eval.benchmarks.archive import index_own_store

        data_dir = data_folder(params.data, None)
        corpus, queries = data_dir / "corpus.json", data_dir / "MultiHopRAG.json"
        missing = [p.name for p in (corpus, queries) if not p.is_file()]
        if missing:
            raise BenchmarkDataMissing(f"{data_dir} lacks {' and '.join(missing)} (the benchmark's data files)")
        questions = load_queries(queries)
        store, report = index_own_store(services.settings, self.name, [corpus], services.embedder,
                                        quiet=options.quiet)
        if report.failed:
            raise BenchmarkDataError(f"{corpus}: {len(report.failed)} records could not be read, first: "
                                     f"{report.failed[0].path}: {report.failed[0].error}")
        return PreparedRun(store, questions, f"{queries} ({len(questions)} queries)", self.name,
                           "MultiHop-RAG on Newsdesk")

    extra_scores = staticmethod(extra_scores)  # the module function: its own per-question measures

    def scoreboard(self, records: Sequence[dict], prepared: PreparedRun) -> tuple[list[str], dict]:
        """See the module function `scoreboard`."""
        return scoreboard(records)

    def resume_command(self, params: argparse.Namespace) -> str:
        """`newsdesk eval multihop-rag --data DIR`."""
        return f"newsdesk eval {self.name} --data {params.data}"
