"""Running a question set against a `NewsQA`, resumably.

Each question's result is appended to `results.jsonl` (flushed and fsync'ed)
the moment it is scored, so an interrupted or crashed run loses at most the
question in flight; `resume=True` skips the ids already recorded. Questions
that failed are recorded with their error and tried again on resume.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Protocol, Sequence

from tqdm import tqdm

from eval.questions import Question
from eval.sampling import spread
from eval.scoring import DEPTH, ExtraScorer, error_record, result_record
from eval.shown import shown_sentences
from index.errors import NewsdeskError
from index.text import json_line
from qa.query import EmptyIndex, QuestionError

RESULTS_FILE = "results.jsonl"
RUN_FILE = "run.json"
MAX_CONSECUTIVE_FAILURES = 5  # the same unexpected error this often in a row stops the run

# (questions done in this run, questions to do in this run) — the Gradio tab drives a progress bar with it.
ProgressFn = Callable[[int, int], None]


class RunError(NewsdeskError, RuntimeError):
    """The run cannot start or continue (message says what to do)."""


class QAEngine(Protocol):
    """What the runner needs of `qa.answer.NewsQA`: its stages and how many passages it answers from."""

    k: int

    def understand(self, question: str, history: Sequence[dict] = (), **options: Any) -> Any: ...

    def retrieve(self, query: Any, k: int | None = None) -> list: ...

    def answer(self, query: Any, passages: list, *, started: float | None = None,
               retrieve_ms: float | None = None) -> Any: ...


@dataclass
class RunOptions:
    """How to run a question set."""

    retrieval_only: bool = False
    depth: int = DEPTH
    limit: int | None = None
    sample: int | None = None
    seed: int = 0
    resume: bool = False
    quiet: bool = False

    @property
    def mode(self) -> str:
        """'retrieval' or 'full' (retrieval + generation)."""
        return "retrieval" if self.retrieval_only else "full"


@dataclass
class RunOutcome:
    """What a run did; `records` are every selected question's results so far, in question order."""

    out_dir: Path
    records: list[dict]
    selected: int
    ran: int = 0
    skipped: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    run_info: dict = field(default_factory=dict)

    @property
    def errors(self) -> int:
        """Questions whose latest result is an error."""
        return sum(1 for r in self.records if r.get("error"))

    @property
    def complete(self) -> bool:
        """True when every selected question has a result."""
        return len(self.records) == self.selected and not self.interrupted


class ResultsLog:
    """`results.jsonl`: one JSON line per finished question, durable as soon as written."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> list[dict]:
        """Records on disk, the latest per id; a torn last line (crash mid-write) is cut from the file."""
        if not self.path.exists():
            return []
        lines = self.path.read_bytes().split(b"\n")
        good: list[dict] = []
        offset = 0
        for number, line in enumerate(lines, 1):
            if line.strip():
                try:
                    good.append(json.loads(line))
                except json.JSONDecodeError:
                    if any(rest.strip() for rest in lines[number:]):
                        raise RunError(f"{self.path}:{number}: not a JSON line; the results file is damaged") from None
                    with self.path.open("r+b") as handle:  # only the last line can be torn by a crash
                        handle.truncate(offset)
                    break
            offset += len(line) + 1
        latest: dict[str, dict] = {}
        for record in good:
            latest[str(record.get("id"))] = record
        return list(latest.values())

    def append(self, record: dict) -> None:
        """Append one record and force it to disk."""
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json_line(record))
            handle.flush()
            os.fsync(handle.fileno())

    def rewrite(self, records: Sequence[dict]) -> None:
        """Replace the file atomically with exactly these records."""
        tmp = self.path.with_suffix(".jsonl.tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json_line(record))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)


def select_questions(questions: Sequence[Question], *, limit: int | None = None, sample: int | None = None,
                     seed: int = 0) -> list[Question]:
    """A seeded random sample (kept in file order), then `limit` of those spread over question types
    (`eval.sampling.spread`, same seed), so a short run is not all one type."""
    chosen = list(questions)
    if sample is not None:
        if sample < 1:
            raise RunError("--sample must be at least 1")
        picked = sorted(random.Random(seed).sample(range(len(chosen)), min(sample, len(chosen))))
        chosen = [chosen[i] for i in picked]
    if limit is not None:
        if limit < 1:
            raise RunError("--limit must be at least 1")
        chosen = spread(chosen, limit, seed)
    return chosen


def question_set_hash(questions: Sequence[Question]) -> str:
    """A short hash of the selected questions, to notice a changed set on resume."""
    digest = hashlib.sha256()
    for q in questions:
        digest.update(json.dumps(q.to_json(), sort_keys=True, ensure_ascii=False, default=str).encode())
    return digest.hexdigest()[:16]


def machine_info() -> dict:
    """Where the run happened (reported beside the numbers)."""
    return {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()}


def _prepare(out_dir: Path, questions: list[Question], options: RunOptions, run_info: dict) -> tuple[dict, list[dict]]:
    """Check the out dir against `resume`, write run.json, return (run info, kept records)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    log = ResultsLog(out_dir / RESULTS_FILE)
    info = {**run_info, "mode": options.mode, "depth": options.depth, "limit": options.limit,
            "sample": options.sample, "seed": options.seed, "selected": len(questions),
            "questions_hash": question_set_hash(questions), "machine": machine_info()}
    run_file = out_dir / RUN_FILE
    existing = log.load()
    if existing and not options.resume:
        raise RunError(f"{out_dir} already holds results of {len(existing)} question(s): "
                       "add --resume to continue that run, or choose another --out")
    if options.resume and run_file.exists():
        old = json.loads(run_file.read_text(encoding="utf-8"))
        if old.get("mode") != info["mode"]:
            raise RunError(f"{out_dir} holds a {old.get('mode')!r} run and this is a {info['mode']!r} run: "
                           "use another --out")
        info["started"] = old.get("started")
        info["resumed"] = old.get("resumed", 0) + 1
        if old.get("questions_hash") != info["questions_hash"]:
            info["note"] = "the question selection changed after the run started"
    if not info.get("started"):
        info["started"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    run_file.write_text(json.dumps(info, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    wanted = {q.id for q in questions}
    # Failed questions of this selection will run again: drop their old lines so each id appears once.
    existing = [r for r in existing if not (r.get("error") and r.get("id") in wanted)]
    if options.resume:
        log.rewrite(existing)
    return info, [r for r in existing if r.get("id") in wanted]


def _run_one(qa: QAEngine, q: Question, options: RunOptions, extra: ExtraScorer | None) -> dict:
    """Understand and retrieve once; score the first `depth` passages and answer from the first `qa.k`.

    The cut is exact: `HybridRetriever` searches the same candidate pool at every depth and
    cuts it best-first, so its top k at depth ≥ k are what `ask` retrieves at k
    (tests/eval/test_runner_stages.py checks it, outlets split and syndicated copies included).
    """
    t0 = time.perf_counter()
    query = qa.understand(q.question, q.history, k=options.depth, **q.ask_options())
    deepest = qa.retrieve(query) if options.retrieval_only else qa.retrieve(query, k=max(options.depth, qa.k))
    retrieve_ms = round((time.perf_counter() - t0) * 1000, 1)
    passages = deepest[:options.depth]
    standalone = getattr(query, "text", None)
    filters = query.filters_json() if hasattr(query, "filters_json") else {}
    searched = getattr(query, "search_text", None) or standalone or q.question
    shown = shown_sentences(qa, searched, passages, getattr(query, "asked", None)) if q.answerable else None
    if options.retrieval_only:
        return result_record(q, mode=options.mode, passages=passages, standalone=standalone, filters=filters,
                             timings_ms={"retrieve": retrieve_ms}, gate_threshold=getattr(qa, "abstain_below", None),
                             extra=extra, depth=options.depth, shown=shown)
    answer = qa.answer(query, deepest[:qa.k], started=t0, retrieve_ms=retrieve_ms)
    return result_record(q, mode=options.mode, passages=passages, answer=answer,
                         standalone=answer.standalone_question or standalone, filters=answer.filters or filters,
                         timings_ms=answer.timings_ms, extra=extra, depth=options.depth, shown=shown)


def run_eval(qa: QAEngine | Callable[[Question], QAEngine], questions: Sequence[Question], out_dir: str | Path,
             options: RunOptions, *, run_info: dict | None = None, extra: ExtraScorer | None = None,
             progress: ProgressFn | None = None) -> RunOutcome:
    """Run the selected questions, appending each result as it completes.

    `qa` is one engine for every question, or a function choosing the engine
    per question (benchmarks ask some questions of a second archive).
    Returns when done or interrupted (Ctrl-C): the outcome holds every result
    recorded so far. Raises `RunError` when the run cannot start, the archive
    is empty, or the same unexpected error keeps recurring.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    selected = select_questions(questions, limit=options.limit, sample=options.sample, seed=options.seed)
    info, kept = _prepare(out_dir, selected, options, dict(run_info or {}))
    results = {r["id"]: r for r in kept}
    todo = [q for q in selected if q.id not in results]
    log = ResultsLog(out_dir / RESULTS_FILE)
    outcome = RunOutcome(out_dir, [], len(selected), skipped=len(selected) - len(todo), run_info=info)
    bar = tqdm(total=len(todo), unit="q", desc="eval", disable=options.quiet or None, dynamic_ncols=True)
    failures: list[str] = []
    try:
        for q in todo:
            try:
                engine = qa if hasattr(qa, "understand") else qa(q)
                record = _run_one(engine, q, options, extra)
                failures.clear()
            except EmptyIndex as exc:
                raise RunError(str(exc)) from None
            except QuestionError as exc:
                record = error_record(q, options.mode, f"question rejected: {exc}")
            except Exception as exc:  # noqa: BLE001 - one failing question must not end the run
                message = f"{type(exc).__name__}: {exc}"
                record = error_record(q, options.mode, message)
                failures.append(message)
                if len(failures) >= MAX_CONSECUTIVE_FAILURES and len(set(failures)) == 1:
                    log.append(record)
                    raise RunError(f"stopped: {len(failures)} questions in a row failed with {message}") from exc
            log.append(record)
            results[q.id] = record
            outcome.ran += 1
            bar.update(1)
            if progress:
                progress(outcome.ran, len(todo))
    except KeyboardInterrupt:
        outcome.interrupted = True
    finally:
        bar.close()
        outcome.records = [results[q.id] for q in selected if q.id in results]
        outcome.seconds = time.perf_counter() - started
    return outcome


def default_out_dir(home: Path, name: str, mode: str, resume: bool) -> Path:
    """HOME/eval/<name>-<mode>-<timestamp>; with `resume`, the latest such run if there is one."""
    base = Path(home) / "eval"
    if resume:
        runs = sorted(p for p in base.glob(f"{name}-{mode}-*") if p.is_dir())
        if runs:
            return runs[-1]
    return base / f"{name}-{mode}-{datetime.now().strftime('%Y%m%d-%H%M%S')}"
