"""Entry points shared by the CLI and the Gradio app: evaluate a question set
(or a benchmark) against an archive and write the report.

The slow objects (store, embedder, answer model) come from the wiring object
(`qa.services.Services`) the caller passes, so the CLI, the app and tests share theirs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from eval.questions import Question
from eval.report import ReportFiles, write_report
from eval.runner import ProgressFn, QAEngine, RunOptions, RunOutcome, default_out_dir, run_eval
from eval.scoring import ExtraScorer
from qa.backends import backend
from qa.settings import Settings

if TYPE_CHECKING:
    from qa.services import Services

# After a run: (records) -> (extra Markdown sections, extra summary.json keys). Benchmarks add scoreboards this way.
SectionsFn = Callable[[Sequence[dict]], tuple[list[str], dict]]


@dataclass
class EvalResult:
    """A finished (or interrupted) evaluation: the run and the report written for it."""

    outcome: RunOutcome
    files: ReportFiles

    @property
    def summary(self) -> dict:
        """The summary.json object."""
        return self.files.summary

    @property
    def out_dir(self) -> Path:
        """The run folder."""
        return self.outcome.out_dir


def llm_description(settings: Settings, retrieval_only: bool) -> str:
    """The answer model as a report states it."""
    if retrieval_only:
        return "none (retrieval only)"
    return backend(settings.llm).describe(settings)


def describe(settings: Settings, *, retrieval_only: bool, store: Path | None = None, **more: object) -> dict:
    """Run information recorded in run.json and shown at the top of the report."""
    return {"store": str(store or settings.store), "embedder": settings.embedder_path.name,
            "llm": llm_description(settings, retrieval_only), "k": settings.k,
            "chunk_tokens": settings.chunk_tokens, "chunk_overlap": settings.chunk_overlap, **more}


def evaluate_questions(qa, questions: Sequence[Question], out_dir: Path, options: RunOptions, *,
                       run_info: dict, title: str = "Newsdesk evaluation", extra: ExtraScorer | None = None,
                       sections: SectionsFn | None = None, progress: ProgressFn | None = None) -> EvalResult:
    """Run questions with `qa` and write summary.json, report.md and charts (also after an interrupt)."""
    outcome = run_eval(qa, questions, out_dir, options, run_info=run_info, extra=extra, progress=progress)
    info = {**outcome.run_info, "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "seconds": round(outcome.seconds, 1)}
    extra_sections, extra_summary = sections(outcome.records) if sections else ([], {})
    files = write_report(out_dir, outcome.records, info, title=title, sections=extra_sections,
                         extra_summary=extra_summary)
    return EvalResult(outcome, files)


def evaluate_set(services: Services, questions: Sequence[Question], options: RunOptions, *,
                 out_dir: Path | None = None, name: str = "questions", questions_file: str | None = None,
                 qa: QAEngine | None = None, progress: ProgressFn | None = None) -> EvalResult:
    """Evaluate a question set against the services' archive (HOME/store or --store); `qa` defaults
    to the services' answerer (no answer model loaded for retrieval-only runs)."""
    settings = services.settings
    out = out_dir or default_out(settings, name, options)
    qa = qa or services.answerer(answers=not options.retrieval_only)
    info = describe(settings, retrieval_only=options.retrieval_only, questions_file=questions_file)
    return evaluate_questions(qa, questions, out, options, run_info=info,
                              title=f"Newsdesk evaluation: {name}", progress=progress)


def default_out(settings: Settings, name: str, options: RunOptions) -> Path:
    """HOME/eval/NAME-MODE-TIMESTAMP (the latest such folder when resuming)."""
    return default_out_dir(settings.home, name, options.mode, options.resume)
