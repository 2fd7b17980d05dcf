"""The Gradio app's event handlers as plain functions (testable without a server).

`AppServices` (the wiring object `qa.services.Services` plus the upload folder)
holds what is slow to create and shared by every session (store, embedder,
answer model, indexer). Everything per user (the conversation, the filters)
arrives as arguments and leaves as return values, i.e. lives in Gradio's
per-session state, so two browser sessions never see each other's chat.
Handlers never raise into Gradio: problems come back as messages.
"""

from __future__ import annotations

import argparse
import copy
import filecmp
import logging
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, NoReturn, Sequence

import gradio as gr
import pandas as pd

from index.defaults import ArticleDefaults
from index.errors import NewsdeskError
from index.pipeline import IngestReport
from qa.answer import Done, ShortAnswer, SourcesFound, TextDelta
from qa.query import QuestionError
from qa.services import Services, SharedLLM
from qa.settings import Settings
from ui import article_view, source_list, views
from ui.access import Access
from ui.answered import AnsweredTurn, answered_turn
from ui.stopped import mark_unfinished, stopped_answer, stopped_sources, streaming
from ui.turns import STOPPED, SUPERSEDED, TurnSignals, until_stopped

if TYPE_CHECKING:
    from eval.run import EvalResult
    from eval.runner import RunOptions

log = logging.getLogger("newsdesk.ui")
ChatHistory = list[dict]
Progress = Callable[..., None]  # gr.Progress: progress(fraction, desc=...)
BUSY = "Another ingest or rebuild is running; try again when it has finished."
LOCAL_USER = Access()  # one user on loopback without a login: may write, folder box not confined


class AppServices(Services):
    """The wiring object plus what only the Gradio app needs: the folder its uploads arrive in."""

    _upload_dir: Path | None = None

    @property
    def upload_dir(self) -> Path:
        """Gradio's upload folder (files from anywhere else are refused); tests point it elsewhere."""
        if self._upload_dir is None:
            self._upload_dir = Path(gr.utils.get_upload_folder()).resolve()
        return self._upload_dir

    @upload_dir.setter
    def upload_dir(self, value: Path) -> None:
        self._upload_dir = value


@dataclass
class Conversation:
    """One session's chat: the turns follow-ups are rewritten from, and each answered question's sources."""

    history: list[dict] = field(default_factory=list)
    panels: list[tuple[str, str]] = field(default_factory=list)  # (question, sources panel HTML)
    answered: list[AnsweredTurn] = field(default_factory=list)  # finished answers, for 👍/👎 and export

    def __hash__(self) -> int:
        # Gradio fires a State's .change by comparing hashes before and after each step; an unhashable object
        # is compared by id, and a streamed turn yields one object throughout, so a finished answer went unseen.
        return hash((len(self.history), len(self.panels), len(self.answered)))

    @property
    def turn(self) -> int:
        """The number of the question being answered now (1-based)."""
        return len(self.panels) + 1


def message_text(content: object) -> str:
    """Plain text of a chat message's content (Gradio 6 sends a list of content blocks)."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text") or content.get("content") or "")
    if isinstance(content, (list, tuple)):
        return "".join(message_text(c) for c in content)
    return ""


def _messages(chat: Sequence[dict] | None) -> ChatHistory:
    return [{"role": m.get("role", "assistant"), "content": message_text(m.get("content"))} for m in chat or []]


def parse_date(value: object, name: str) -> str | None:
    """An ISO date from a text box or a gr.DateTime value; a clear QuestionError otherwise."""
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)):  # gr.DateTime(type="timestamp")
        return datetime.fromtimestamp(float(value), tz=timezone.utc).date().isoformat()
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise QuestionError(f"“{name}” must be a date like 2017-02-01, not “{text}”.") from None


def chat_turn(services: Services, message: str, chat: Sequence[dict] | None, convo: Conversation | None,
              since: object = None, until: object = None, outlets: Sequence[str] | None = None,
              k: float | None = None, *, turns: TurnSignals | None = None,
              session: str = "") -> Iterator[tuple[ChatHistory, str, Conversation, str]]:
    """Answer one question; yields (chat, sources panel, conversation, question box) as things happen.

    The sources panel fills as soon as retrieval finishes, before the answer streams.
    The turn is registered in `turns` under `session`, so `stop_turn` can end it at
    any moment (see `ui.turns`); a new question of the same session replaces it.
    """
    chat, convo = mark_unfinished(_messages(chat)), copy.deepcopy(convo or Conversation())
    question = (message or "").strip()
    panel = views.sources_panel(None, convo.panels)
    if not question:
        yield chat, panel, convo, ""
        return
    turns = turns if turns is not None else TurnSignals()
    turn = turns.start(session)
    chat += [{"role": "user", "content": question},
             {"role": "assistant", "content": views.status_html("Searching the archive")}]
    yield chat, views.sources_panel(views.status_html("Searching"), convo.panels), convo, ""
    events = None
    text, short, found, done = "", None, None, False
    try:
        options = dict(since=parse_date(since, "From"), until=parse_date(until, "To"),
                       sources=list(outlets or []), k=int(k) if k else None)
        history = list(convo.history)
        events = until_stopped(lambda: services.qa.ask_stream(question, history, **options), turn)
        for event in events:
            if isinstance(event, SourcesFound):
                found = event.passages
                status = f"Reading {len(event.passages)} passages"
                if event.standalone_question.strip() != question:
                    status += f" for “{event.standalone_question}”"
                if isinstance(services.llm, SharedLLM) and services.llm.busy:
                    status += " — waiting while another answer is written"
                chat[-1]["content"] = views.status_html(status)
                yield chat, views.sources_panel(source_list.sources_pending(event.passages), convo.panels), convo, ""
            elif isinstance(event, ShortAnswer):
                short = event.text
            elif isinstance(event, TextDelta):
                text += event.text
                chat[-1]["content"] = streaming(text, short)
                yield chat, gr.skip(), convo, ""
            elif isinstance(event, Done):
                done = True
                answer, number = event.answer, convo.turn
                chat[-1]["content"] = f"<div class='nd-final'>{views.answer_html(answer, number)}</div>"
                rows = article_view.stored_articles(services.indexer.store, (p.article_id for p in answer.passages))
                current = source_list.sources_answered(answer, number, rows)
                earlier = list(convo.panels)
                convo.answered.append(answered_turn(answer, turn=number, message=len(chat) - 1,
                                                    history=convo.history, filters=options))
                convo.history += [{"role": "user", "content": question},
                                  {"role": "assistant", "content": answer.text}]
                convo.panels.append((question, current))
                yield chat, views.sources_panel(current, earlier), convo, ""
        if turn.stopped and not done and turn.reason == STOPPED:
            chat[-1]["content"] = stopped_answer(text, short)
            yield chat, views.sources_panel(stopped_sources(found), convo.panels), convo, ""
    except NewsdeskError as exc:
        chat[-1]["content"] = f"<div class='nd-final'>{views.error_html(str(exc))}</div>"
        yield chat, panel, convo, ""
    except Exception:  # never a stack trace in the chat; the log has it
        log.exception("answering %r failed", question)
        chat[-1]["content"] = ("<div class='nd-final'>" + views.error_html(
            "Something went wrong while answering. Please try again; if it keeps happening, "
            "the server log says why.") + "</div>")
        yield chat, panel, convo, ""
    finally:
        turns.finish(turn)
        if events is not None:
            events.close()  # the worker closes the answer stream (and frees the model) after its current step


def stop_turn(turns: TurnSignals, session: str) -> bool:
    """The Stop button: ask `session`'s running turn to end (its handler then shows "Stopped");
    False when nothing was running. A question asked after this is never affected."""
    return turns.stop(session, STOPPED) is not None


def new_chat(turns: TurnSignals | None = None, session: str = "") -> tuple[ChatHistory, str, Conversation, str]:
    """A fresh conversation for this session (chat, sources panel, state, question box); a turn still
    running is dropped silently, so it cannot write into the new chat."""
    if turns is not None:
        turns.stop(session, SUPERSEDED)
    return [], views.sources_panel(), Conversation(), ""


def fill_example(example: object) -> str:
    """The question text of a clicked example (a Chatbot example dict or plain text)."""
    return message_text(example.get("text") if isinstance(example, dict) else example)


@dataclass
class Overview:
    """What the page shows about the archive: header line, outlet choices, examples, empty state."""

    line: str
    outlets: list[str]
    examples: list[dict]
    empty: bool
    first_date: str | None = None
    last_date: str | None = None


def overview(services: Services, examples: int = 4) -> Overview:
    """The archive as the chat tab presents it (refreshed on page load and after writes)."""
    store = services.indexer.store
    stats = store.stats()
    return Overview(views.archive_line(stats), list(stats.sources), example_questions(services, examples),
                    stats.articles == 0, stats.first_date, stats.last_date)


def example_questions(services: Services, limit: int = 4) -> list[dict]:
    """Questions about the newest headlines, one per outlet (Chatbot example dicts)."""
    out, seen = [], set()
    for row in services.indexer.store.articles(limit=60):
        if row.source in seen or not row.title:
            continue
        seen.add(row.source)
        outlet = row.source or "the archive"
        out.append({"text": f"What did {outlet} report about “{row.title}”?",
                    "display_text": f"{outlet}, {views.pretty_date(row.published)}: {row.title}"})
        if len(out) >= limit:
            break
    return out


# -- archive ------------------------------------------------------------------
class NotUploaded(NewsdeskError, ValueError):
    """A file path that did not come from an upload through the page (API callers can send any path)."""


def uploaded_path(item: object, upload_dir: Path) -> Path:
    """The path of an uploaded file, refused unless it lies in Gradio's upload folder."""
    path = Path(str(getattr(item, "name", item))).resolve()
    if not path.is_relative_to(upload_dir):
        raise NotUploaded(f"{path.name} was not uploaded through this page; give server paths in the folder box")
    return path


def keep_uploads(settings: Settings, files: Sequence[object], upload_dir: Path) -> list[Path]:
    """Copy uploaded files (in Gradio's upload folder) to HOME/uploads, so a later rebuild can re-read them."""
    sources = [uploaded_path(item, upload_dir) for item in files]
    target = settings.home / "uploads"
    target.mkdir(parents=True, exist_ok=True)
    kept = []
    for source in sources:
        dest = target / source.name
        n = 1
        while dest.exists() and not filecmp.cmp(dest, source, shallow=False):
            n += 1
            dest = target / f"{source.stem}-{n}{source.suffix}"
        if not dest.exists():
            shutil.copyfile(source, dest)
        kept.append(dest)
    return kept


def ingest(services: AppServices, files: Sequence[object] | None, folder: str | None,
           progress: Progress | None = None, *, access: Access = LOCAL_USER, user: str | None = None,
           source: str | None = None, published: object = None, author: str | None = None) -> str:
    """Index uploaded files and/or a file or folder on the server; returns the summary HTML.

    `access` says whether `user` may write and which server folders may be read
    (the default is the single local user, as with `newsdesk ingest`). `source`,
    `published` and `author` fill those fields of articles that lack them (`index.defaults`).
    """
    paths: list[Path] = []
    try:
        access.check_writer(user, "Ingest")
        defaults = ArticleDefaults.parse(source, published, author)
        if folder and folder.strip():
            paths.append(access.server_path(folder))
    except NewsdeskError as exc:
        return views.error_html(str(exc))
    try:
        paths += keep_uploads(services.settings, files or [], services.upload_dir)
    except NewsdeskError as exc:
        return views.error_html(str(exc))
    except OSError as exc:
        return views.error_html(f"Could not keep the uploaded files: {exc}")
    if not paths:
        return views.error_html("Choose files to upload, or give a folder path on the server."
                                if access.folder_box else "Choose files to upload.")
    within = access.within(services.settings.home / "uploads")  # also links met inside a folder
    return _write(services, lambda step: services.indexer.ingest(paths, within=within, defaults=defaults or None,
                                                                 article_progress=step), "Ingest", progress)


def rebuild(services: Services, drop_missing: bool = False, progress: Progress | None = None, *,
            access: Access = LOCAL_USER, user: str | None = None) -> str:
    """Rebuild the whole index from its recorded sources (the old one serves until the new one is ready)."""
    try:
        access.check_writer(user, "Rebuilding the index")
    except NewsdeskError as exc:
        return views.error_html(str(exc))
    return _write(services, lambda step: services.indexer.rebuild(drop_missing=drop_missing, progress=step),
                  "Rebuild", progress)


def load_demo(services: Services, progress: Progress | None = None, *, access: Access = LOCAL_USER,
              user: str | None = None) -> str:
    """Fetch (once) and index the demo archive."""
    from index.demo import ensure_demo

    try:
        access.check_writer(user, "Loading the demo archive")
    except NewsdeskError as exc:
        return views.error_html(str(exc))

    def job(step: Callable[[int, int, str], None]) -> IngestReport:
        if progress is not None:
            progress(0.0, desc="fetching the demo archive")
        return services.indexer.ingest([ensure_demo(services.settings, progress=log.info)], progress=step)
    return _write(services, job, "Demo archive", progress)


def _write(services: Services, job: Callable[[Callable[[int, int, str], None]], IngestReport], what: str,
           progress: Progress | None) -> str:
    """Run one index write: one at a time in this app (and the store's lock across processes)."""
    def step(done: int, total: int, path: str, articles: int | None = None) -> None:
        if progress is not None and total:
            read = f" · {articles:,} article(s) read" if articles else ""
            progress(done / total, desc=f"{what}: file {min(done + 1, total)} of {total} {Path(path).name}{read}"
                     if path else f"{what}: finishing{read}")
    if not services.write_lock.acquire(blocking=False):
        return views.error_html(BUSY)
    try:
        report = job(step)
    except (NewsdeskError, OSError) as exc:
        return views.error_html(str(exc))
    except Exception:
        log.exception("%s failed", what)
        return views.error_html(f"{what} failed unexpectedly; the server log says why. The index is unchanged "
                                "apart from articles already reported.")
    finally:
        services.write_lock.release()
    return views.report_html(report, what)


def archive_stats(services: Services) -> tuple[str, pd.DataFrame]:
    """The stats panel and articles per month for the bar chart."""
    stats = services.indexer.store.stats()
    months = pd.DataFrame({"month": list(stats.months), "articles": [int(v) for v in stats.months.values()]})
    return views.stats_html(stats), months


# -- evaluate -------------------------------------------------------------------
def question_sets() -> list[str]:
    """Names of the question sets shipped with Newsdesk (eval/question_sets/*.jsonl)."""
    from eval.questions import bundled_sets

    return list(bundled_sets())


BENCHMARK = "benchmark:"  # the value prefix of a benchmark among the Evaluate tab's choices


FEEDBACK = "feedback:"  # the value of the readers' marked answers (HOME/feedback.jsonl) among the choices


def eval_choices(home: Path | None = None) -> list[tuple[str, str]]:
    """The Evaluate tab's (label, value) choices: the bundled question sets, the answers marked 👍/👎 in
    the chat when HOME/feedback.jsonl exists, then every benchmark of `eval.benchmarks.table`."""
    from eval.benchmarks import table
    from eval.feedback_log import feedback_path

    marked = ([("feedback — answers marked good or wrong in the chat", FEEDBACK)]
              if home is not None and feedback_path(home).is_file() else [])
    return [(name, name) for name in question_sets()] + marked + [
        (f"benchmark: {b.name} — {b.description}", BENCHMARK + b.name) for b in table.BENCHMARKS]


def feedback_question_set(home: Path) -> tuple[Path, str]:
    """HOME/feedback.jsonl written as a question set (HOME/eval/feedback-set.jsonl) and the line saying what it
    holds; `QuestionSetError` when no marked answer makes a question."""
    from eval.feedback_log import feedback_path
    from eval.feedback_set import feedback_to_set
    from eval.questions import QuestionSetError, write_questions

    source = feedback_path(home)
    if not source.is_file():
        raise QuestionSetError(str(source), [f"{source}: no feedback yet (mark answers good or wrong with the thumbs under them in the chat)"])
    made = feedback_to_set(source)
    for problem in made.problems:
        log.warning("%s", problem)
    if not made.questions:
        raise QuestionSetError(str(source), [f"No marked answer makes a question yet: {made.summary()}."])
    return write_questions(made.questions, home / "eval" / "feedback-set.jsonl"), made.summary()


class _DefaultsOnly(argparse.ArgumentParser):
    """A benchmark's own arguments at their defaults; a required one is an error, not an exit."""

    def error(self, message: str) -> NoReturn:
        raise ValueError(message)


class BenchmarkNeeds(NewsdeskError, ValueError):
    """A benchmark that needs arguments the Evaluate tab does not offer (e.g. MultiHop-RAG's --data)."""


def _run_benchmark(services: AppServices, name: str, options: RunOptions, progress: Progress | None,
                   step: Callable[[int, int], None]) -> EvalResult:
    """Run a registered benchmark with its default arguments (what `newsdesk eval NAME` does)."""
    from eval.benchmarks import table
    from eval.benchmarks.benchmark import run_benchmark

    benchmark = table.benchmark_named(name)
    parser = _DefaultsOnly(prog=f"newsdesk eval {name}", add_help=False)
    benchmark.add_arguments(parser)
    try:
        params = parser.parse_args([])
    except ValueError as exc:
        raise BenchmarkNeeds(f"{name} cannot run from here ({exc}): run `newsdesk eval {name} --help`") from None
    if progress is not None:
        progress(0.0, desc=f"preparing the {name} archive")
    return run_benchmark(benchmark, services, params, options, progress=step)


def evaluate(services: AppServices, question_set: str | None, upload: object | None, limit: float | None,
             retrieval_only: bool, progress: Progress | None = None) -> tuple[str, pd.DataFrame, list, list[Path]]:
    """Run a bundled or uploaded question set, the chat's marked answers, or a benchmark: (summary HTML,
    per-question table, report charts, the run's files to download). `limit` questions are spread over
    the question types (`eval.sampling`)."""
    from eval.questions import bundled_sets, load_questions
    from eval.run import evaluate_set
    from eval.runner import RunOptions

    empty = pd.DataFrame(columns=list(EVAL_COLUMNS))
    if not upload and (question_set or "").startswith(BENCHMARK):
        options = RunOptions(retrieval_only=bool(retrieval_only), limit=int(limit) if limit else None, quiet=True)
        try:
            result = _run_benchmark(services, question_set[len(BENCHMARK):], options, progress,
                                    _question_step(progress))
        except (NewsdeskError, FileNotFoundError) as exc:
            return views.error_html(str(exc)), empty, [], []
        except Exception:
            log.exception("benchmark failed")
            return views.error_html("The benchmark failed unexpectedly; the server log says why."), empty, [], []
        return _eval_outputs(result)
    made = ""
    try:
        if upload:
            path = uploaded_path(upload, services.upload_dir)
        elif question_set == FEEDBACK:
            path, made = feedback_question_set(services.settings.home)
        else:
            path = bundled_sets().get(question_set or "")
    except NewsdeskError as exc:
        return views.error_html(str(exc)), empty, [], []
    if path is None:
        return views.error_html("Choose a bundled question set or upload a JSON Lines file."), empty, [], []
    try:
        questions = load_questions(path)
        options = RunOptions(retrieval_only=bool(retrieval_only), limit=int(limit) if limit else None, quiet=True)

        if progress is not None:
            progress(0.0, desc="starting")
        result = evaluate_set(services, questions, options, name=path.stem, questions_file=str(path),
                              qa=services.qa, progress=_question_step(progress))
    except NewsdeskError as exc:
        return views.error_html(str(exc)), empty, [], []
    except Exception:
        log.exception("evaluation failed")
        return views.error_html("The evaluation failed unexpectedly; the server log says why."), empty, [], []
    summary, table, charts, downloads = _eval_outputs(result)
    return (f"<p class='nd-panel-note'>{views.esc(made)}</p>" if made else "") + summary, table, charts, downloads


def _question_step(progress: Progress | None) -> Callable[[int, int], None]:
    def step(done: int, total: int) -> None:
        if progress is not None and total:
            progress(done / total, desc=f"question {done} of {total}")
    return step


def _eval_outputs(result: EvalResult) -> tuple[str, pd.DataFrame, list, list[Path]]:
    """What the Evaluate tab shows of a finished run: summary HTML, per-question table, charts, downloads."""
    from ui.eval_downloads import run_downloads

    charts = [(_image(p), p.stem.replace("_", " ")) for p in result.files.charts]
    return (views.eval_summary_html(result.summary, result.out_dir), eval_table(result.outcome.records), charts,
            run_downloads(result.out_dir, result.files))


EVAL_COLUMNS = ("question", "expected", "answer", "correct", "cited sources")


def eval_table(records: Sequence[dict]) -> pd.DataFrame:
    """One row per question: question, expected answer, our answer, correct?, what it cited (or retrieved)."""
    rows = []
    for r in records:
        correct = (r.get("metrics") or {}).get("correct")
        if r.get("error"):
            answer = f"error: {r['error']}"
        elif r.get("answer"):
            answer = r["answer"]
        else:
            answer = "(abstained)" if r.get("abstained") else "(retrieval only)"
        cited = [f"[{c['n']}] {c.get('source') or '?'}, {c.get('published') or 'undated'}: {c.get('title')}"
                 for c in r.get("citations") or []]
        if not cited and r.get("mode") == "retrieval":
            cited = [f"{row['rank']}. {'✓ ' if row.get('gold') else ''}{row.get('source') or '?'}: {row.get('title')}"
                     for row in (r.get("retrieved") or [])[:3]]
        rows.append({"question": r.get("question"), "expected": "; ".join(r.get("answers") or [])
                     or "(not in the archive)", "answer": answer,
                     "correct": "–" if correct is None else ("✓" if correct >= 0.5 else "✗"),
                     "cited sources": "\n".join(cited)})
    return pd.DataFrame(rows, columns=list(EVAL_COLUMNS))


def _image(path: Path) -> object:
    """A chart as an in-memory image (the report folder is not served over HTTP)."""
    from PIL import Image

    with Image.open(path) as image:
        return image.copy()
