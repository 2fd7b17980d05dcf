"""The Gradio app's event handlers as plain functions (testable without a server).

`Services` holds what is slow to create and shared by all sessions (store,
embedder, answer model, indexer). Everything per user (conversation, filters)
arrives as arguments and leaves as return values, i.e. lives in Gradio's
per-session state, so two browser sessions never see each other's chat.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterator, Sequence

import pandas as pd

from index.embedding import Embedder
from index.lock import IndexBusy
from index.pipeline import Indexer, IngestReport, RebuildError
from index.settings import Settings
from qa.answer import Done, NewsQA, SourcesFound, TextDelta
from qa.llm import LLM, LLMError
from qa.query import QuestionError
from ui import views

ChatHistory = list[dict]


@dataclass
class Services:
    """Shared, slow-to-create objects of one running app."""

    settings: Settings
    indexer: Indexer
    embedder: Embedder
    llm: LLM | None
    qa: NewsQA = field(init=False)
    write_lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.qa = NewsQA(self.indexer.store, self.embedder, self.llm, k=self.settings.k)

    def refresh(self) -> None:
        """Point the answerer at the indexer's (possibly rebuilt) store."""
        if self.qa.store is not self.indexer.store:
            self.qa = NewsQA(self.indexer.store, self.embedder, self.llm, k=self.settings.k)


def message_text(content: object) -> str:
    """Plain text of a chat message (Gradio 6 sends content blocks)."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text") or content.get("content") or "")
    if isinstance(content, (list, tuple)):
        return " ".join(message_text(c) for c in content)
    return ""


def _date_or_none(value: object, name: str) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)):  # gr.DateTime gives a timestamp
        from datetime import datetime, timezone
        return datetime.fromtimestamp(float(value), tz=timezone.utc).date().isoformat()
    text = str(value).strip()[:10]
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise QuestionError(f"{name} must be a date like 2017-02-01, got {value!r}") from None


def chat_turn(services: Services, message: str, chat: ChatHistory | None, convo: list[dict] | None,
              since: object = None, until: object = None, outlets: Sequence[str] | None = None,
              k: float | None = None) -> Iterator[tuple[ChatHistory, str, list[dict], str]]:
    """One question: yields (chat, sources panel, conversation state, input box) as things happen."""
    chat = list(chat or [])
    convo = list(convo or [])
    question = (message or "").strip()
    if not question:
        yield chat, views.sources_html(), convo, ""
        return
    chat.append({"role": "user", "content": question})
    chat.append({"role": "assistant", "content": "<span class='nd-note'>Searching the archive…</span>"})
    yield chat, views.sources_html(), convo, ""
    services.refresh()
    try:
        events = services.qa.ask_stream(question, convo, since=_date_or_none(since, "From"),
                                        until=_date_or_none(until, "To"), sources=list(outlets or []),
                                        k=int(k) if k else None)
        text = ""
        for event in events:
            if isinstance(event, SourcesFound):
                chat[-1]["content"] = "<span class='nd-note'>Reading the sources…</span>"
                yield chat, views.sources_html(event.passages), convo, ""
            elif isinstance(event, TextDelta):
                text += event.text
                chat[-1]["content"] = views.html.escape(text)
                yield chat, gr_no_change(), convo, ""
            elif isinstance(event, Done):
                answer = event.answer
                chat[-1]["content"] = views.answer_markdown(answer)
                convo += [{"role": "user", "content": question}, {"role": "assistant", "content": answer.text}]
                yield chat, views.sources_html(answer=answer), convo, ""
    except (QuestionError, LLMError, IndexBusy) as exc:
        chat[-1]["content"] = f"⚠ {views.html.escape(str(exc))}"
        yield chat, views.sources_html(), convo, ""
    except Exception as exc:  # never show a stack trace in the chat
        chat[-1]["content"] = f"⚠ Something went wrong while answering: {views.html.escape(type(exc).__name__)}. " \
                              "Please try again; if it persists, check the server log."
        yield chat, views.sources_html(), convo, ""


def gr_no_change() -> object:
    """Gradio's 'leave this output as it is' value."""
    import gradio as gr

    return gr.skip()


def new_chat() -> tuple[ChatHistory, str, list[dict], str]:
    """Clear the conversation of this session."""
    return [], views.sources_html(), [], ""


def outlet_choices(services: Services) -> list[str]:
    """Outlets in the archive, most articles first."""
    return list(services.indexer.store.outlets())


def example_questions(services: Services, limit: int = 4) -> list[str]:
    """Questions drawn from the newest headlines of the archive."""
    rows = services.indexer.store.manifest.articles(limit=40)
    seen, out = set(), []
    for row in rows:
        if row.source in seen:
            continue
        seen.add(row.source)
        out.append(f"What did {row.source or 'the archive'} report about “{row.title}”?")
        if len(out) >= limit:
            break
    return out


def report_markdown(report: IngestReport, what: str = "Ingest") -> str:
    """An ingest summary with every failure and its reason."""
    lines = [f"**{what} finished in {report.seconds:.1f}s** — added {report.added}, updated {report.updated}, "
             f"unchanged {report.unchanged}, duplicates {report.duplicates}, failed {len(report.failed)}. "
             f"The archive now holds {report.articles} articles ({report.chunks} passages)."]
    for failure in report.failed[:200]:
        lines.append(f"- ⚠ `{failure.path}`: {failure.error}")
    return "\n".join(lines)


def ingest(services: Services, files: Sequence[object] | None, folder: str | None,
           progress: Callable[[float, str], None] | None = None) -> str:
    """Index uploaded files and/or a server folder; returns the summary."""
    paths = [str(getattr(f, "name", f)) for f in (files or [])]
    if folder and folder.strip():
        paths.append(folder.strip())
    if not paths:
        return "Choose files to upload or give a folder path on the server."
    return _write(services, lambda cb: services.indexer.ingest(paths, progress=cb), "Ingest", progress)


def rebuild(services: Services, progress: Callable[[float, str], None] | None = None) -> str:
    """Rebuild the whole index from its recorded sources."""
    return _write(services, lambda cb: services.indexer.rebuild(progress=cb), "Rebuild", progress)


def load_demo(services: Services, progress: Callable[[float, str], None] | None = None) -> str:
    """Fetch and index the demo archive."""
    from index.demo import ensure_demo

    def run(cb: Callable[[int, int, str], None]) -> IngestReport:
        return services.indexer.ingest([ensure_demo(services.settings, progress=lambda _m: None)], progress=cb)
    return _write(services, run, "Demo archive", progress)


def _write(services: Services, job: Callable[[Callable[[int, int, str], None]], IngestReport], what: str,
           progress: Callable[[float, str], None] | None) -> str:
    def step(done: int, total: int, path: str) -> None:
        if progress is not None and total:
            progress(done / total, f"{done}/{total} {Path(path).name}" if path else "finishing")
    if not services.write_lock.acquire(blocking=False):
        return "⚠ Another ingest or rebuild is running; try again when it has finished."
    try:
        report = job(step)
    except (IndexBusy, RebuildError) as exc:
        return f"⚠ {exc}"
    finally:
        services.write_lock.release()
    services.refresh()
    return report_markdown(report, what)


def archive_stats(services: Services) -> tuple[str, pd.DataFrame]:
    """Stats as Markdown plus articles per month for the chart."""
    stats = services.indexer.store.stats()
    frame = pd.DataFrame({"month": list(stats.months), "articles": list(stats.months.values())})
    return views.stats_markdown(stats), frame
