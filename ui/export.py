"""A conversation exported as Markdown: each question, its answer and the sources it cites.

Each citation gives headline, outlet, date, URL and the quote that supports
the answer, so the file stands on its own (mailed, pasted into notes).
Article text is data: headlines and quotes are escaped so they cannot become
Markdown links, headings or HTML when the file is rendered.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

from ui.answered import AnsweredTurn
from ui.scratch import scratch_folder

_SPECIAL = re.compile(r"([\\`*_{}\[\]#|!])")
_MARKER = re.compile(r"\\\[(\d+(?:,\s*\d+)*)\\\]")  # an escaped citation marker [1] / [1, 2]
_SAFE_URL = re.compile(r"https?://[^\s<>\"'`]+$")


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text).replace("<", "&lt;").replace(">", "&gt;")


def md_text(text: str | None) -> str:
    """Text on one line with Markdown's special characters escaped and no HTML (headlines, outlets, quotes)."""
    return _escape(" ".join((text or "").split()))


def _answer_text(text: str) -> str:
    """The answer escaped like article text, but its citation markers kept readable as [1]."""
    lines = [_escape(line.strip()) for line in text.splitlines()]
    return _MARKER.sub(r"[\1]", "\n".join(line for line in lines if line))


def _filters(filters: dict) -> str:
    parts = []
    if filters.get("since") or filters.get("until"):
        parts.append(f"from {filters.get('since') or 'the start'} to {filters.get('until') or 'the end'}")
    if filters.get("sources"):
        parts.append("outlets " + ", ".join(md_text(s) for s in filters["sources"]))
    return "; ".join(parts)


def _citation(c: dict) -> list[str]:
    url = c.get("url") or ""
    link = f" <{url}>" if _SAFE_URL.match(url) else (f" {md_text(url)}" if url else "")
    head = (f"{c.get('n')}. **{md_text(c.get('title')) or '(no headline)'}** — {md_text(c.get('source')) or 'unknown outlet'}, "
            f"{c.get('published') or 'undated'}.{link}")
    quote = md_text(c.get("quote"))
    return [head, f"   > {quote}"] if quote else [head]


def conversation_markdown(answered: Sequence[AnsweredTurn], now: datetime | None = None) -> str:
    """The whole conversation as a Markdown document (question, answer, numbered sources with quotes)."""
    now = now or datetime.now(timezone.utc)
    lines = ["# Newsdesk conversation", "", f"Exported {now.strftime('%Y-%m-%d %H:%M')} UTC.", ""]
    if not answered:
        lines.append("No answered questions yet.")
    for item in answered:
        lines += [f"## {item.turn}. {md_text(item.question)}", ""]
        if item.standalone_question.strip() and item.standalone_question.strip() != item.question.strip():
            lines += [f"*Searched as:* {md_text(item.standalone_question)}", ""]
        if _filters(item.filters):
            lines += [f"*Filters:* {_filters(item.filters)}", ""]
        if item.short_answer:
            lines += [f"**Short answer:** {md_text(item.short_answer)}", ""]
        lines += [_answer_text(item.answer), ""]
        if item.citations:
            lines += ["**Sources**", ""]
            for citation in item.citations:
                lines += _citation(citation)
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def export_file(answered: Sequence[AnsweredTurn], folder: Path | None = None) -> Path | None:
    """The conversation written to a new `newsdesk-conversation-….md` (None before the first answer).

    `folder` defaults to a fresh scratch folder (`ui.scratch`: removed after a day).
    """
    if not answered:
        return None
    now = datetime.now(timezone.utc)
    target = Path(folder or scratch_folder("export"))
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"newsdesk-conversation-{now.strftime('%Y%m%d-%H%M%S')}.md"
    path.write_text(conversation_markdown(answered, now), encoding="utf-8")
    return path
