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

import argparse
import random
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from eval import metrics as m
from eval.benchmarks.archive import BenchmarkDataError, benchmark_home, copy_without, index_own_store
from eval.benchmarks.benchmark import PreparedRun, data_folder
from eval.benchmarks.realtimeqa import (HELD_OUT_TYPE, PageSet, convert_pages, convert_questions, extra_scores,
                                        write_records)
from eval.questions import Question
from eval.runner import RunOptions

if TYPE_CHECKING:
    from qa.services import Services

# The benchmark's 2022 data, when /work/shared (or a checkout's sibling `shared/`) is present.
DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "realtimeqa" / "2022"

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
            "answer_in_own_pages": avg("answer_in_own_pages"), "answer_in_archive": avg("answer_in_archive"),
            # answer recall@10 over the questions whose own pages hold the answer: what retrieval can reach
            "answer_recall@10_own_pages": m.mean(r["metrics"].get("answer_recall@10") for r in main
                                                 if r["metrics"].get("answer_in_own_pages") == 1.0),
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
        f"- where the answer is: the correct choice's text occurs in one of the question's own pages for "
        f"{_fmt(ours['answer_in_own_pages'])} of the questions, anywhere in the pooled archive for "
        f"{_fmt(ours['answer_in_archive'])} (answer recall cannot exceed this); answer recall@10 over the questions "
        f"whose own pages hold it: {_fmt(ours['answer_recall@10_own_pages'])}",
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


class RealTimeQA:
    """RealTimeQA as a `Benchmark`: the pooled archive, the questions as of their dates, held-out-week probes."""

    name = "realtimeqa"
    description = "the RealTimeQA news-quiz benchmark"
    details = ("Pool every week's retrieved pages into one archive (its own store, reused), ask each question as "
               "of its date, and score it beside the published baselines. The archive is "
               "HOME/benchmarks/realtimeqa/store (--store overrides); the first run indexes ~2,450 pages (tens of "
               "minutes on 2 cores).")
    examples = ("examples:\n  newsdesk eval realtimeqa --retrieval-only\n"
                "  newsdesk eval realtimeqa --sample 150 --seed 1\n"
                "  newsdesk eval realtimeqa --sample 150 --seed 1 --choices")
    usage = "[--data DIR] [--choices] [options]"
    compares_retrievers = True

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """--data, --choices and the held-out-week probe's size."""
        parser.add_argument("--data", metavar="DIR", help="folder of *_qa.jsonl and *_gcs.jsonl "
                                                          "(default ../shared/realtimeqa/2022 beside the repo)")
        parser.add_argument("--choices", action="store_true",
                            help="append the four choices to each question and score the one picked")
        parser.add_argument("--abstain-sample", type=int, default=40, metavar="N",
                            help="also ask N questions of held-out weeks against an archive without those weeks "
                                 "(default 40; 0 = skip)")
        parser.add_argument("--abstain-weeks", type=int, default=2, metavar="W", help="weeks held out (default 2)")

    def prepare(self, services: Services, params: argparse.Namespace, options: RunOptions) -> PreparedRun:
        """Build (or reuse) the pooled archive and the held-out copy; pick the questions and probes."""
        from eval.runner import select_questions

        data_dir = data_folder(params.data, DEFAULT_DATA)
        choices, abstain_sample, abstain_weeks = params.choices, params.abstain_sample, params.abstain_weeks
        settings = services.settings
        home = benchmark_home(settings, self.name)
        pages = convert_pages(data_dir)
        if pages.failures:
            raise BenchmarkDataError("; ".join(pages.failures[:5]))
        pages_path = home / "pages.jsonl"
        write_records(pages.records, pages_path)
        store, _ = index_own_store(settings, self.name, [pages_path], services.embedder, quiet=options.quiet)
        questions = convert_questions(data_dir, choices=choices)
        chosen = select_questions(questions, limit=options.limit, sample=options.sample, seed=options.seed)
        weeks: list[str] = []
        probes: list[Question] = []
        others = {}
        if abstain_sample > 0 and abstain_weeks > 0:
            weeks = choose_weeks(pages.urls_by_week, abstain_weeks, options.seed)
            probes = held_out_probe(questions, weeks, abstain_sample, options.seed)
            dropped = set().union(*(pages.urls_by_week[w] for w in weeks))
            others[HELD_OUT_TYPE] = copy_without(store, home / f"store-without-{'-'.join(weeks)}", dropped)
        selection = (f"sample {options.sample}, seed {options.seed}" if options.sample else "all") + \
            (f", first {options.limit}" if options.limit else "")
        return PreparedRun(
            store, chosen + probes, f"{data_dir} (RealTimeQA 2022, {len(questions)} questions)",
            "realtimeqa-choices" if choices else "realtimeqa",
            "RealTimeQA on Newsdesk" + (" (multiple choice)" if choices else " (free-form)"),
            info={"selection": selection, "held_out_weeks": weeks}, other_stores=others, selected=True,
            facts={"choices": choices, "pages": pages, "weeks": weeks, "selection": selection})

    extra_scores = staticmethod(extra_scores)  # the module function: its own per-question measures

    def scoreboard(self, records: Sequence[dict], prepared: PreparedRun) -> tuple[list[str], dict]:
        """Ours beside the published baselines (see the module function `scoreboard`)."""
        facts = prepared.facts
        return scoreboard(records, choices=facts["choices"], pages=facts["pages"], weeks=facts["weeks"],
                          selection=facts["selection"])

    def resume_command(self, params: argparse.Namespace) -> str:
        """`newsdesk eval realtimeqa [--choices]`."""
        return f"newsdesk eval {self.name}" + (" --choices" if params.choices else "")
