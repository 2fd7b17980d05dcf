"""What a turn ended by Stop (or replaced by a newer question) looks like.

The answer bubble keeps what was streamed and says it is incomplete; the
sources panel says "Stopped" instead of "writing the answer…", and still shows
the articles found, one card each, unnumbered (no answer was checked against them).
"""

from __future__ import annotations

from typing import Sequence

from qa.retrieval import Passage
from ui import source_list, views

STOPPED_FOOT = ("<div class='nd-final nd-foot nd-stopped'>Stopped — the answer above is incomplete and its "
                "citations are unchecked.</div>")
UNFINISHED_FOOT = ("<div class='nd-final nd-foot nd-stopped'>Stopped — a newer question replaced this answer; "
                   "it is incomplete and its citations are unchecked.</div>")


def streaming(text: str, short: str | None) -> str:
    """The assistant bubble while the answer streams, recognisable as unfinished (`mark_unfinished`)."""
    return f"<div class='nd-streaming'>{views.streaming_html(text, short)}</div>"


def stopped_answer(text: str, short: str | None) -> str:
    """The assistant bubble of a stopped turn: the text streamed so far (if any), marked Stopped."""
    if not text and not short:
        return "<div class='nd-final nd-stopped'><b>Stopped</b> before the answer was written.</div>"
    return streaming(text, short) + STOPPED_FOOT


def stopped_sources(passages: Sequence[Passage] | None) -> str:
    """The sources panel's current part for a stopped turn (earlier answers' sources follow it)."""
    if passages is None:
        return "<div class='nd-panel-note nd-stopped'><b>Stopped</b> before the archive was searched.</div>"
    if not passages:
        return "<div class='nd-panel-note nd-stopped'><b>Stopped.</b> No passage matched the question.</div>"
    found = source_list.group_sources(passages)
    cards = "".join(source_list.passages_card(a) for a in found.uncited)  # one card per article
    return (f"<div class='nd-panel-note nd-stopped'><b>Stopped.</b> {len(passages)} passages were found in "
            f"{found.articles_read} article(s); no answer was checked against them.</div>"
            f"<div class='nd-sources'>{cards}</div>")


def mark_unfinished(chat: list[dict]) -> list[dict]:
    """`chat` with its last answer marked when it never finished (a newer question replaced it while it
    was searching or streaming); other messages, e.g. an API caller's own history, are left alone."""
    last = chat[-1]["content"] if chat and chat[-1]["role"] == "assistant" else ""
    if ("nd-status" in last or "nd-streaming" in last) and "nd-final" not in last:
        chat[-1] = {**chat[-1], "content": chat[-1]["content"] + UNFINISHED_FOOT}
    return chat
