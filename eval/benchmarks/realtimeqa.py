"""RealTimeQA (Kasai et al., NeurIPS 2023): our external scoreboard.

Every week's retrieved pages are pooled into one archive (deduplicated by
URL) in its own store; each question is asked free-form with `as_of` = the
question date, and scored against the text of the correct choice. With
`choices`, the four options are appended and the picked option is scored,
comparable with the published multiple-choice numbers. Abstention is probed
by asking a sample again with every page of that question's week and later
filtered out (`until` = a week before the question date) — the answer
should then be "the archive doesn't say".
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Sequence

from eval import metrics as m
from eval.questions import Question
from eval.runner import evaluate_question
from index.outlets import outlet_from_url
from qa.answer import NewsQA

BASELINES = [  # recomputed from the benchmark's own prediction files, n = 399
    ("GPT-3 + the search pages", 0.732, 0.378, 0.475),
    ("BART-RAG + the search pages", 0.551, 0.263, 0.325),
    ("GPT-3 + DPR over Wikipedia", 0.479, 0.140, 0.202),
    ("GPT-3 closed book", 0.441, 0.140, 0.213),
]
LETTERS = "ABCD"


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    try:
        y, mth, d = (int(x) for x in value.split("/")[:3])
        return date(y, mth, d).isoformat()
    except ValueError:
        return None


def build_pages(data_dir: Path, out: Path) -> int:
    """Write every retrieved page once (by URL) as an article record; returns the count."""
    seen: set[str] = set()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as sink:
        for path in sorted(data_dir.glob("*_gcs.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                for page in json.loads(line).get("search_result", []):
                    url = (page.get("url") or "").strip()
                    if not url or url in seen or not (page.get("text") or "").strip():
                        continue
                    seen.add(url)
                    sink.write(json.dumps({
                        "title": page.get("title") or "", "body": page["text"], "url": url,
                        "published": _iso(page.get("publish_date")), "source": outlet_from_url(url),
                        "author": ", ".join(page.get("authors") or []) or None}, ensure_ascii=False) + "\n")
    tmp.replace(out)
    return len(seen)


def load_questions(data_dir: Path, with_choices: bool = False) -> list[Question]:
    """The benchmark's questions in our format (gold articles = that question's pages)."""
    pages: dict[str, list[str]] = {}
    for path in sorted(data_dir.glob("*_gcs.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                pages[record["question_id"]] = [p["url"] for p in record.get("search_result", []) if p.get("url")]
    questions = []
    for path in sorted(data_dir.glob("*_qa.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            choices = tuple(r["choices"])
            correct = choices[int(r["answer"][0])]
            text = r["question_sentence"].strip()
            if with_choices:
                options = " ".join(f"{LETTERS[i]}) {c}" for i, c in enumerate(choices))
                text = f"{text} Options: {options}. Answer with the correct option."
            questions.append(Question(r["question_id"], text, (correct,), "multiple_choice" if with_choices
                                      else "factoid", tuple(pages.get(r["question_id"], ())), (), (), {},
                                      _iso(r["question_date"]), choices))
    return questions


def picked_choice(answer: str, choices: Sequence[str]) -> int | None:
    """Which option an answer names: exactly one choice's text, else a lone letter like 'B)'."""
    named = [i for i, c in enumerate(choices) if m.contains_answer(answer, [c])]
    if len(named) == 1:
        return named[0]
    import re
    letters = set(re.findall(r"\b([ABCD])\)", answer)) or set(re.findall(r"\boption ([ABCD])\b", answer, re.I))
    if len(letters) == 1:
        return LETTERS.index(letters.pop().upper())
    return None


def evaluate_rtqa(qa: NewsQA, q: Question, retrieval_only: bool) -> dict:
    """A standard result plus RealTimeQA's own scores."""
    record = evaluate_question(qa, q, retrieval_only)
    record["own_page_retrieved@10"] = any(record.get("article_flags") or [])
    if retrieval_only or "answer" not in record:
        return record
    answer = "" if record["abstained"] else record["answer"]
    correct = q.choices.index(q.answers[0])
    picked = picked_choice(answer, q.choices)
    others = [c for i, c in enumerate(q.choices) if i != correct]
    record["choice_correct"] = picked == correct
    record["names_only_correct"] = m.contains_answer(answer, q.answers) and not m.contains_answer(answer, others)
    return record


def abstention_probe(questions: Sequence[Question], sample: int, seed: int) -> list[Question]:
    """A sample re-asked with that week's (and later) pages filtered out: should abstain."""
    import random

    chosen = random.Random(seed).sample(list(questions), min(sample, len(questions)))
    probes = []
    for q in chosen:
        cutoff = (date.fromisoformat(q.as_of) - timedelta(days=7)).isoformat() if q.as_of else None
        probes.append(Question(q.id + "-nowk", q.question, (), "unanswerable", (), (), (),
                               {"until": cutoff} if cutoff else {}, q.as_of, q.choices))
    return probes


def scoreboard(results: Sequence[dict]) -> dict:
    """Free-form EM/F1, choice accuracy and retrieval numbers beside the published baselines."""
    answered = [r for r in results if "answer" in r and r["type"] != "unanswerable"]
    probes = [r for r in results if r["type"] == "unanswerable" and "answer" in r]
    board = {
        "n": len(answered),
        "exact_match": m.mean(r.get("em") for r in answered),
        "token_f1": m.mean(r.get("f1") for r in answered),
        "names_only_correct_choice": m.mean(float(r["names_only_correct"]) for r in answered if "names_only_correct" in r),
        "choice_accuracy": m.mean(float(r["choice_correct"]) for r in answered if "choice_correct" in r),
        "answer_recall@10": m.mean(float(any(r.get("answer_flags") or [])) for r in results if r["type"] != "unanswerable"),
        "own_page_retrieved@10": m.mean(float(r.get("own_page_retrieved@10", False)) for r in results if r["type"] != "unanswerable"),
        "abstention_on_missing_week": m.mean(float(r["abstained"]) for r in probes),
        "abstention_probes": len(probes),
    }
    rows = ["| system | multiple choice | free-form EM | free-form F1 |", "|---|---|---|---|"]
    rows += [f"| {name} | {mc:.3f} | {em:.3f} | {f1:.3f} |" for name, mc, em, f1 in BASELINES]
    fmt = lambda v: "—" if v is None else f"{v:.3f}"  # noqa: E731
    rows.append(f"| **Newsdesk** (pooled archive, this run) | {fmt(board['choice_accuracy'])} | "
                f"{fmt(board['exact_match'])} | {fmt(board['token_f1'])} |")
    board["markdown"] = "## RealTimeQA scoreboard\n\n" + "\n".join(rows) + "\n"
    return board
