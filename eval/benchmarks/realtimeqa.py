"""RealTimeQA (Kasai et al., NeurIPS 2023 D&B): our external scoreboard.

The benchmark gives, per weekly news-quiz question, four choices, the right
one, and the ten pages a search engine returned for it at the time
(`*_gcs.jsonl`). The published systems read each question's own ten pages;
we pool every week's pages into one archive (deduplicated by URL, in its own
store) and must find them ourselves.

- Free-form: each question is asked with `as_of` = its date and scored
  against the text of the correct choice (EM, token F1, and whether the
  answer names the correct choice and no other).
- `--choices`: the four options are appended ("Answer with one of: A) …") and
  the option the answer picks is scored, comparable with published MC accuracy.
- Retrieval: answer recall@k, and Hits@k of the question's own pages.
- Abstention: a sample of questions from held-out weeks is asked again of an
  archive built without every page retrieved for those weeks (a second store,
  built once and reused); the right response is to abstain. Some events run
  for weeks, so a few of these remain answerable from neighbouring weeks: the
  rate is a lower bound on good behaviour, not a clean precision.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Sequence

from eval import metrics as m
from eval.benchmarks.archive import BenchmarkDataError
from eval.questions import Question
from eval.summary import ABSTENTION_LABELS

BASELINES = (  # (system, what it reads, MC accuracy, EM, F1), recomputed from the benchmark's prediction files, n = 399
    ("GPT-3 + search pages", "each question's own search pages", 0.732, 0.378, 0.475),
    ("BART-RAG + search pages", "each question's own search pages", 0.551, 0.263, 0.325),
    ("GPT-3 + DPR", "Wikipedia passages", 0.479, 0.140, 0.202),
    ("GPT-3 closed book", "nothing", 0.441, 0.140, 0.213),
)
LETTERS = "ABCDEFGH"
HELD_OUT_TYPE = "held-out week"
_LETTER = re.compile(r"(?:^|[\s(:])\(?([A-H])\)(?=\s|$|[.,:;])|^\W*([A-H])[.:]?\s*$|^\W*([A-H])[.:]\s")


@dataclass
class PageSet:
    """The pooled pages as article records, and which URLs each week's questions retrieved."""

    records: list[dict]
    urls_by_week: dict[str, set[str]]
    pages_seen: int = 0
    skipped_empty: int = 0
    skipped_no_url: int = 0
    duplicates: int = 0
    failures: list[str] = field(default_factory=list)


def iso_from_slashes(value: object) -> str | None:
    """'2022/06/12' (the benchmark's date format) -> '2022-06-12'; None when absent or invalid."""
    if not isinstance(value, str):
        return None
    try:
        y, mo, d = (int(x) for x in value.strip().split("/")[:3])
        return date(y, mo, d).isoformat()
    except (ValueError, TypeError):
        return None


def _jsonl(path: Path, failures: list[str]):
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                failures.append(f"{path.name}:{number}: malformed JSON ({exc.msg})")


def week_of(path: Path) -> str:
    """'20220617' from '20220617_gcs.jsonl'."""
    return path.name.split("_", 1)[0]


def convert_pages(data_dir: Path) -> PageSet:
    """Every week's retrieved pages as article records, one per URL (the longest text wins)."""
    from index.outlets import outlet_from_url

    pages = PageSet([], {})
    by_url: dict[str, dict] = {}
    for path in sorted(Path(data_dir).glob("*_gcs.jsonl")):
        week = week_of(path)
        urls = pages.urls_by_week.setdefault(week, set())
        for entry in _jsonl(path, pages.failures):
            for page in entry.get("search_result") or []:
                pages.pages_seen += 1
                url = str(page.get("url") or "").strip()
                text = page.get("text") or ""
                if not url.startswith(("http://", "https://")):
                    pages.skipped_no_url += 1
                    continue
                urls.add(url)
                if not text.strip():
                    pages.skipped_empty += 1
                    continue
                authors = page.get("authors") or []
                record = {"url": url, "title": (page.get("title") or "").strip(), "body": text,
                          "published": iso_from_slashes(page.get("publish_date")), "source": outlet_from_url(url),
                          "author": ", ".join(a for a in authors if isinstance(a, str)) or None}
                if url in by_url:
                    pages.duplicates += 1
                    if len(text) <= len(by_url[url]["body"]):
                        continue
                by_url[url] = record
    pages.records = [by_url[u] for u in sorted(by_url)]
    return pages


def write_records(records: Sequence[dict], path: Path) -> bool:
    """Write records as JSON Lines unless the file already holds exactly them; True when written."""
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)
    if path.exists() and hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(text.encode()).digest():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return True


def with_choices(sentence: str, choices: Sequence[str]) -> str:
    """The question with its options appended, as asked in `--choices` mode."""
    options = " ".join(f"{LETTERS[i]}) {c}" for i, c in enumerate(choices) if c.strip())
    return f"{sentence}\nAnswer with one of: {options}"


def convert_questions(data_dir: Path, *, choices: bool = False) -> list[Question]:
    """The benchmark's questions in our format: answers = the correct choice's text,
    gold articles = the question's own search pages, as_of = the question date."""
    failures: list[str] = []
    pages: dict[str, tuple[str, ...]] = {}
    for path in sorted(Path(data_dir).glob("*_gcs.jsonl")):
        for entry in _jsonl(path, failures):
            urls = [str(p.get("url") or "").strip() for p in entry.get("search_result") or []]
            pages[str(entry.get("question_id"))] = tuple(dict.fromkeys(u for u in urls if u))
    questions = []
    for path in sorted(Path(data_dir).glob("*_qa.jsonl")):
        for q in _jsonl(path, failures):
            options = [str(c) for c in q["choices"]]  # a few items have 2 (TRUE/FALSE) or a blank 5th
            right = [int(i) for i in q["answer"]]
            qid = str(q["question_id"])
            text = q["question_sentence"].strip()
            questions.append(Question(
                id=qid, question=with_choices(text, options) if choices else text,
                answers=tuple(options[i] for i in right), type=str(q.get("question_source") or "quiz"),
                gold_articles=pages.get(qid, ()), as_of=date.fromisoformat(iso_from_slashes(q["question_date"])),
                extra={"choices": options, "answer_index": right, "week": week_of(path),
                       "question_sentence": text}))
    if failures:
        raise BenchmarkDataError("; ".join(failures))
    return questions


def picked_choice(answer: str, options: Sequence[str]) -> int | None:
    """Which option an answer picks: a letter like 'B)', else the one option it
    names (the first named when several are), else the option with the best
    token F1; None when nothing fits."""
    text = m.strip_citation_markers(answer).strip()
    if not text:
        return None
    letter = _LETTER.search(text)
    if letter:
        index = LETTERS.index(next(g for g in letter.groups() if g))
        return index if index < len(options) and options[index].strip() else None
    if [m.normalize_answer(o) for o in options] == ["true", "false"]:  # true/false quiz items
        return {"yes": 0, "no": 1}.get(m.yes_no_label(text) or "")
    norm = f" {m.normalize_answer(text)} "
    named = [(norm.find(f" {m.normalize_answer(o)} "), i) for i, o in enumerate(options)
             if m.normalize_answer(o) and m.mentions(text, o)]
    if named:
        return min(named)[1]
    f1 = [m.token_f1(text, [o]) for o in options]
    best = max(f1)
    return f1.index(best) if best > 0 and f1.count(best) == 1 else None


def names_only_correct(answer: str, options: Sequence[str], right: Sequence[int]) -> bool:
    """True when the answer names a correct option and no other option (true/false items: its yes/no reading)."""
    if [m.normalize_answer(o) for o in options] == ["true", "false"]:
        return picked_choice(answer, options) in right
    named = {i for i, o in enumerate(options) if m.mentions(answer, o)}
    return bool(named) and named <= set(right)


def extra_scores(question: Question, passages: Sequence, answer) -> dict[str, float | None]:
    """RealTimeQA's own measures for one answered question (none for retrieval-only runs)."""
    if answer is None or question.type == HELD_OUT_TYPE:
        return {}
    options, right = question.extra["choices"], question.extra["answer_index"]
    text = "" if answer.abstained else answer.text
    pick = picked_choice(text, options)
    return {"mc_accuracy": float(pick in right), "names_correct_choice_only": float(names_only_correct(text, options, right)),
            "no_choice_picked": float(pick is None)}


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
        f"{_fmt(ours['answer_recall@4'])} / {_fmt(ours['answer_recall@10'])}",
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
                                     "answer_recall@10", "held_out_abstained") and v is not None}}
    return ["\n".join(lines)], summary


def run_realtimeqa(settings, data_dir: Path, options, *, choices: bool = False, abstain_sample: int = 40,
                   abstain_weeks: int = 2, out_dir: Path | None = None, embedder=None, progress=None):
    """Build (or reuse) the pooled archive, run the questions and held-out probes, write the report.

    Returns `eval.run.EvalResult`.
    """
    from dataclasses import replace

    from eval.benchmarks.archive import benchmark_home, copy_without, ingest_into
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
