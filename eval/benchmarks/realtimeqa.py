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

This module converts the data and scores answers; `realtimeqa_run` runs it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Sequence

from eval import metrics as m
from eval.benchmarks.archive import BenchmarkDataError
from eval.questions import Question
from index.text import json_lines

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
        for number, record in json_lines(handle):
            if isinstance(record, json.JSONDecodeError):
                failures.append(f"{path.name}:{number}: malformed JSON ({record.msg})")
            else:
                yield record


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


# Where the correct choice's text occurs (`answer_in`): in one of the question's own search pages, only in
# other pages of the pooled archive (often by coincidence: "China", a number), or nowhere ("Burmese python"
# when the pages say "snake"). Answer recall cannot reach a question whose answer is nowhere: on the 14
# shared weeks, 238 of 399 answers occur in their own pages, 90 only elsewhere, 71 nowhere (2026-12-03).
OWN_PAGES, OTHER_PAGES, NOWHERE = "own pages", "other pages only", "nowhere"


def _answer_in(answers: Sequence[str], own: Sequence[str], everything: Sequence[str]) -> str:
    """Which of `OWN_PAGES`, `OTHER_PAGES`, `NOWHERE` holds one of the answers (texts already normalised)."""
    needles = [f" {m.normalise_answer(a)} " for a in answers if m.normalise_answer(a)]
    if any(n in text for n in needles for text in own):
        return OWN_PAGES
    return OTHER_PAGES if any(n in text for n in needles for text in everything) else NOWHERE


def convert_questions(data_dir: Path, *, choices: bool = False) -> list[Question]:
    """The benchmark's questions in our format: answers = the correct choice's text,
    gold articles = the question's own search pages, as_of = the question date;
    `extra["answer_in"]` says where the archive holds the answer (`_answer_in`)."""
    failures: list[str] = []
    pages: dict[str, tuple[str, ...]] = {}
    texts: dict[str, list[str]] = {}  # question id -> its pages' normalised texts (title and body)
    for path in sorted(Path(data_dir).glob("*_gcs.jsonl")):
        for entry in _jsonl(path, failures):
            urls = [str(p.get("url") or "").strip() for p in entry.get("search_result") or []]
            pages[str(entry.get("question_id"))] = tuple(dict.fromkeys(u for u in urls if u))
            texts[str(entry.get("question_id"))] = [
                f" {m.normalise_answer(str(p.get('title') or '') + ' ' + str(p.get('text') or ''))} "
                for p in entry.get("search_result") or []]
    everything = list(dict.fromkeys(t for page_texts in texts.values() for t in page_texts))
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
                       "question_sentence": text,
                       "answer_in": _answer_in([options[i] for i in right], texts.get(qid, []), everything)}))
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
    if [m.normalise_answer(o) for o in options] == ["true", "false"]:  # true/false quiz items
        return {"yes": 0, "no": 1}.get(m.yes_no_label(text) or "")
    norm = f" {m.normalise_answer(text)} "
    named = [(norm.find(f" {m.normalise_answer(o)} "), i) for i, o in enumerate(options)
             if m.normalise_answer(o) and m.mentions(text, o)]
    if named:
        return min(named)[1]
    f1 = [m.token_f1(text, [o]) for o in options]
    best = max(f1)
    return f1.index(best) if best > 0 and f1.count(best) == 1 else None


def names_only_correct(answer: str, options: Sequence[str], right: Sequence[int]) -> bool:
    """True when the answer names a correct option and no other option (true/false items: its yes/no reading)."""
    if [m.normalise_answer(o) for o in options] == ["true", "false"]:
        return picked_choice(answer, options) in right
    named = {i for i, o in enumerate(options) if m.mentions(answer, o)}
    return bool(named) and named <= set(right)


def extra_scores(question: Question, passages: Sequence, answer) -> dict[str, float | None]:
    """RealTimeQA's own measures for one answered question (none for retrieval-only runs).

    The short answer's EM and F1 against the correct choice's text are scored for every
    question set (`eval.scoring.score_short_answer`); here it is also read as a choice.
    """
    if question.type == HELD_OUT_TYPE:
        return {}
    where = question.extra.get("answer_in")  # (the scoreboard reads answer recall over the reachable ones)
    reach = {} if where is None else {"answer_in_own_pages": float(where == OWN_PAGES),
                                      "answer_in_archive": float(where != NOWHERE)}
    if answer is None:
        return reach
    options, right = question.extra["choices"], question.extra["answer_index"]
    text = "" if answer.abstained else answer.text
    short = None if answer.abstained else getattr(answer, "short_answer", None)
    short_pick = picked_choice(short, options) if short else None
    # The short answer is the answer's pick (in --choices mode the model is held to one option);
    # the sentences are read only when it names none ("Yes" for a quiz item, or no short answer).
    pick = short_pick if short_pick is not None else picked_choice(text, options)
    scores = {"mc_accuracy": float(pick in right),
              "names_correct_choice_only": float(names_only_correct(text, options, right)),
              "no_choice_picked": float(pick is None)}
    if short:  # the short answer read as a pick: EM/F1 against the right choice come from score_short_answer
        scores["short_mc_accuracy"] = float(short_pick in right)
    return {**reach, **scores}
