"""Running RealTimeQA: the pooled archive, the question run, held-out-week
abstention probes, and the scoreboard beside the published baselines.

The held-out archive is a copy of the pooled one without every page
retrieved for the held-out weeks' questions, made by copying stored chunks
and vectors (nothing is re-embedded) and reused by later runs with the same
weeks. Copying was chosen over a date filter (`until` before the week) because
many pages are undated or older than their week: a filter would both keep
pages that answer the question and drop unrelated ones.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path
from typing import Sequence

from eval import metrics as m
from eval.benchmarks.archive import BenchmarkDataError, benchmark_home, copy_without, ingest_into
from eval.benchmarks.realtimeqa import (HELD_OUT_TYPE, PageSet, convert_pages, convert_questions, extra_scores,
                                        write_records)
from eval.questions import Question

BASELINES = (  # (system, what it reads, MC accuracy, EM, F1), recomputed from the benchmark's prediction files, n = 399
    ("GPT-3 + search pages", "each question's own search pages", 0.732, 0.378, 0.475),
    ("BART-RAG + search pages", "each question's own search pages", 0.551, 0.263, 0.325),
    ("GPT-3 + DPR", "Wikipedia passages", 0.479, 0.140, 0.202),
    ("GPT-3 closed book", "nothing", 0.441, 0.140, 0.213),
)

def held_out_probe(questions: Sequence[Question], weeks: Sequence[str], n: int, seed: int) -> list[Question]:
    """Up to n questions of the held-out weeks, re-labelled as unanswerable probes."""
    pool = [q for q in questions if q.extra.get("week") in set(weeks)]
    picked = sorted(random.Random(seed).sample(range(len(pool)), min(n, len(pool))))
    return [Question(id=f"{pool[i].id}@held-out", question=pool[i].question, answers=(), type=HELD_OUT_TYPE,
                     as_of=pool[i].as_of, extra={**pool[i].extra, "held_out_weeks": list(weeks),
                                                 "answer_if_present": list(pool[i].answers)})
            for i in picked]


def choose_weeks(weeks: Sequence[str], n: int, seed: int) -> list[str]:
    """n weeks picked at random (fixed by seed), sorted."""
    return sorted(random.Random(seed).sample(sorted(weeks), min(n, len(weeks))))


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def scoreboard(records: Sequence[dict], *, choices: bool, pages: PageSet, weeks: Sequence[str],
               selection: str) -> tuple[list[str], dict]:
    """The report's RealTimeQA section (ours beside the published baselines) and its summary entry."""
    main = [r for r in records if r.get("type") != HELD_OUT_TYPE and not r.get("error")]
    probes = [r for r in records if r.get("type") == HELD_OUT_TYPE and not r.get("error")]

    def avg(key: str) -> float | None:
        return m.mean(r["metrics"].get(key) for r in main)

    answered = any(r.get("answer") is not None or r.get("abstained_by") == "answer" for r in main)
    ours = {"n": len(main), "mc_accuracy": avg("mc_accuracy") if choices else None,
            "exact_match": avg("exact_match"), "f1": avg("f1"),
            "names_correct_choice_only": avg("names_correct_choice_only"),
            "answer_recall@4": avg("answer_recall@4"), "answer_recall@10": avg("answer_recall@10"),
            "evidence_recall": avg("evidence_recall"), "own_page_mrr@10": avg("mrr@10"),
            "own_page_hits@1": avg("hits@1"), "own_page_hits@4": avg("hits@4"), "own_page_hits@10": avg("hits@10"),
            "held_out_abstained": m.mean(bool(r.get("abstained")) for r in probes), "held_out_n": len(probes),
            "held_out_judged_by": probes[0].get("abstained_by") if probes else None}
    rows = [f"| {name} (published) | {reads} | {mc:.3f} | {em:.3f} | {f1:.3f} |" for name, reads, mc, em, f1 in BASELINES]
    with_pages = sum(1 for r in main if r["metrics"].get("hits@10") is not None)
    mode = "question + the four choices" if choices else "free-form question"
    rows.append(f"| **Newsdesk, this run** ({mode}) | {len(pages.records):,} pooled pages, found by retrieval | "
                f"{_fmt(ours['mc_accuracy']) if choices else 'run with --choices'} | "
                f"{_fmt(ours['exact_match']) if answered else '–'} | {_fmt(ours['f1']) if answered else '–'} |")
    lines = [
        f"## RealTimeQA scoreboard\n\nQuestions: {len(main)} ({selection}); published numbers are over all 399.\n",
        "| system | what it reads | multiple-choice accuracy | free-form EM | free-form F1 |\n|---|---|---|---|---|",
        *rows,
        "",
        f"- names the correct choice and no other (free-form, lenient): {_fmt(ours['names_correct_choice_only'])}",
        f"- answer recall@4 / @10 (a retrieved passage contains the correct choice's text): "
        f"{_fmt(ours['answer_recall@4'])} / {_fmt(ours['answer_recall@10'])}; evidence recall (in the sentences "
        f"the model is shown): {_fmt(ours['evidence_recall'])}",
        f"- one of the question's own search pages among our top 1 / 4 / 10 passages: {_fmt(ours['own_page_hits@1'])}"
        f" / {_fmt(ours['own_page_hits@4'])} / {_fmt(ours['own_page_hits@10'])} (over the {with_pages} questions "
        f"the benchmark retrieved pages for; {len(main) - with_pages} have none)",
        f"- held-out weeks {', '.join(weeks) or '–'}: {_fmt(ours['held_out_abstained'])} of {len(probes)} questions "
        f"abstained against the archive without those weeks' pages (judged by {ours['held_out_judged_by'] or '–'})",
        f"- archive: {pages.pages_seen:,} retrieved pages → {len(pages.records):,} unique URLs with text "
        f"({pages.duplicates} repeats merged, longest text kept; {pages.skipped_empty} empty pages skipped)",
        "- scoring: SQuAD normalisation (lowercase; punctuation — any Unicode punctuation — and a/an/the removed); "
        "the benchmark's own scorer removes only ASCII punctuation and keeps articles. Our answers are sentences "
        "with citations, so exact match is near zero by construction; the choice-based measures are the fair "
        "comparison.",
    ]
    summary = {"benchmark": {"name": "realtimeqa", "choices": choices, "ours": ours, "held_out_weeks": list(weeks),
                             "baselines": [{"system": b[0], "reads": b[1], "mc_accuracy": b[2], "exact_match": b[3],
                                            "f1": b[4]} for b in BASELINES],
                             "pages": {"seen": pages.pages_seen, "unique": len(pages.records),
                                       "duplicates": pages.duplicates, "empty": pages.skipped_empty}},
               "headline": {k: _fmt(v) for k, v in ours.items()
                            if k in ("mc_accuracy", "names_correct_choice_only", "own_page_hits@10",
                                     "answer_recall@10", "evidence_recall", "held_out_abstained") and v is not None}}
    return ["\n".join(lines)], summary


def run_realtimeqa(settings, data_dir: Path, options, *, choices: bool = False, abstain_sample: int = 40,
                   abstain_weeks: int = 2, out_dir: Path | None = None, embedder=None, progress=None,
                   retriever=None):
    """Build (or reuse) the pooled archive, run the questions and held-out probes, write the report.

    `retriever` is a `RetrievalConfig` (default: the product's).

    Returns `eval.run.EvalResult`.
    """
    from eval.ablation import use_retriever
    from eval.run import default_out, describe, evaluate_questions
    from eval.runner import select_questions
    from index.runtime import load_embedder
    from index.store import ArchiveStore
    from qa.answer import NewsQA, build_qa

    home = benchmark_home(settings, "realtimeqa")
    pages = convert_pages(Path(data_dir))
    if pages.failures:
        raise BenchmarkDataError("; ".join(pages.failures[:5]))
    pages_path = home / "pages.jsonl"
    write_records(pages.records, pages_path)
    embedder = embedder or load_embedder(settings)
    store = ArchiveStore(settings.store_dir or home / "store")
    ingest_into(settings, store, [pages_path], embedder, quiet=options.quiet)
    qa = build_qa(settings, store=store, embedder=embedder, llm=None if options.retrieval_only else "settings")
    if retriever is not None:
        use_retriever(qa, retriever)
    questions = convert_questions(Path(data_dir), choices=choices)
    chosen = select_questions(questions, limit=options.limit, sample=options.sample, seed=options.seed)
    weeks: list[str] = []
    probes: list[Question] = []
    held_qa = None
    if abstain_sample > 0 and abstain_weeks > 0:
        weeks = choose_weeks(pages.urls_by_week, abstain_weeks, options.seed)
        probes = held_out_probe(questions, weeks, abstain_sample, options.seed)
        dropped = set().union(*(pages.urls_by_week[w] for w in weeks))
        held_store = copy_without(store, home / f"store-without-{'-'.join(weeks)}", dropped)
        held_qa = NewsQA(held_store, embedder, qa.llm, k=settings.k)
        if retriever is not None:
            use_retriever(held_qa, retriever)
    selection = (f"sample {options.sample}, seed {options.seed}" if options.sample else "all") + \
        (f", first {options.limit}" if options.limit else "")
    name = "realtimeqa-choices" if choices else "realtimeqa"
    out = out_dir or default_out(settings, name, options)
    info = describe(settings, retrieval_only=options.retrieval_only, store=store.path,
                    questions_file=f"{data_dir} (RealTimeQA 2022, {len(questions)} questions)",
                    selection=selection, held_out_weeks=weeks)

    def route(q: Question):
        return held_qa if q.type == HELD_OUT_TYPE and held_qa is not None else qa

    return evaluate_questions(
        route, chosen + probes, out, replace(options, limit=None, sample=None), run_info=info,
        title="RealTimeQA on Newsdesk" + (" (multiple choice)" if choices else " (free-form)"),
        extra=extra_scores, progress=progress,
        sections=lambda records: scoreboard(records, choices=choices, pages=pages, weeks=weeks, selection=selection))
