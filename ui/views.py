"""HTML for the chat: source cards with the quote highlighted in its passage,
answers whose [n] markers link to their source card, abstentions, stats.

Every piece of article or model text is HTML-escaped here: articles are data
and must not inject markup into the page.
"""

from __future__ import annotations

import html
import re
from typing import Sequence

from qa.answer import Answer
from qa.citations import Citation
from qa.retrieval import Passage

CSS = """
.nd-sources { display: flex; flex-direction: column; gap: 10px; }
.nd-card { border: 1px solid #d8dee4; border-radius: 10px; padding: 10px 12px; background: #fff; }
.nd-card:target, .nd-card.nd-flash { outline: 3px solid #f2b705; animation: ndflash 1.2s ease-out; }
@keyframes ndflash { from { background: #fff6cc; } to { background: #fff; } }
.nd-card .nd-num { display: inline-block; min-width: 1.6em; text-align: center; font-weight: 700;
  background: #1f4e79; color: #fff; border-radius: 6px; margin-right: 6px; }
.nd-card .nd-meta { color: #555; font-size: 0.85em; }
.nd-card .nd-title { font-weight: 600; }
.nd-card .nd-passage { margin-top: 6px; font-size: 0.92em; line-height: 1.45; color: #222; }
.nd-card mark.nd-quote { background: #ffe58a; padding: 0 2px; border-radius: 3px; }
.nd-card.nd-uncited { opacity: 0.75; }
.nd-cite { font-weight: 700; text-decoration: none; color: #1f4e79; cursor: pointer; }
.nd-unsupported { text-decoration: underline wavy #c0392b; }
.nd-badge-warn { color: #c0392b; font-size: 0.85em; }
.nd-abstain { border-left: 4px solid #888; padding-left: 8px; color: #333; }
.nd-note { color: #666; font-size: 0.85em; }
.nd-empty { padding: 18px; border: 1px dashed #bbb; border-radius: 10px; color: #333; }
"""

SYSTEM_FONTS = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"]
MONO_FONTS = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"]

_MARK = re.compile(r"\[(\d{1,3})\]")


def _esc(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def _meta(source: str | None, published: str | None) -> str:
    return f"{_esc(source or 'unknown outlet')} · {_esc(published or 'undated')}"


def _title(title: str, url: str | None) -> str:
    if url and url.startswith(("http://", "https://")):
        return f'<a class="nd-title" href="{_esc(url)}" target="_blank" rel="noopener noreferrer">{_esc(title)}</a>'
    return f'<span class="nd-title">{_esc(title)}</span>'


def citation_card(c: Citation) -> str:
    """A numbered source card: outlet, date, linked headline, passage with the quote marked."""
    local_start = max(0, c.quote_start - c.passage_start)
    local_end = max(local_start, c.quote_end - c.passage_start)
    passage = (f"{_esc(c.passage[:local_start])}<mark class=\"nd-quote\">{_esc(c.passage[local_start:local_end])}"
               f"</mark>{_esc(c.passage[local_end:])}")
    warn = "" if c.supported else ' <span class="nd-badge-warn">⚠ support not confirmed</span>'
    return (f'<div class="nd-card" id="nd-src-{c.n}" data-n="{c.n}"><span class="nd-num">{c.n}</span>'
            f'<span class="nd-meta">{_meta(c.source, c.published)}</span>{warn}<br>{_title(c.title, c.url)}'
            f'<div class="nd-passage">{passage}</div></div>')


def passage_card(n: int, p: Passage) -> str:
    """A retrieved (not yet cited) passage, shown while the answer is written."""
    return (f'<div class="nd-card nd-uncited"><span class="nd-num">{n}</span>'
            f'<span class="nd-meta">{_meta(p.source, p.published)}</span><br>{_title(p.title, p.url)}'
            f'<div class="nd-passage">{_esc(p.text)}</div></div>')


def sources_html(passages: Sequence[Passage] = (), answer: Answer | None = None) -> str:
    """The sources panel: cited sources once answered, retrieved passages before."""
    if answer is not None and answer.citations:
        cards = [citation_card(c) for c in answer.citations]
        header = f"<div class='nd-note'>{len(cards)} cited source(s); the highlighted span supports the answer.</div>"
    elif answer is not None and answer.abstained:
        cards = [passage_card(i, p) for i, p in enumerate(answer.passages[:4], 1)]
        header = "<div class='nd-note'>Nothing in the archive answers this; the closest passages:</div>"
    elif passages:
        cards = [passage_card(i, p) for i, p in enumerate(passages, 1)]
        header = f"<div class='nd-note'>{len(cards)} passages found — writing the answer…</div>"
    else:
        return "<div class='nd-note'>Sources appear here as soon as they are found.</div>"
    return f"<div class='nd-sources'>{header}{''.join(cards)}</div>"


def answer_markdown(answer: Answer) -> str:
    """The answer for the chat bubble: cited markers link to their source cards."""
    if answer.abstained:
        items = "".join(f"<li>{_title(a.title, a.url)} — {_meta(a.source, a.published)}</li>" for a in answer.closest)
        closest = f"<ul>{items}</ul>" if items else ""
        return (f"<div class='nd-abstain'><b>The archive doesn't say.</b> No indexed article answers this."
                f"{'<br>Closest articles:' if items else ''}{closest}</div>")
    parts = []
    for sentence in answer.sentences:
        text = _MARK.sub(lambda m: f'<a class="nd-cite" href="#nd-src-{m.group(1)}" data-n="{m.group(1)}">'
                                   f'[{m.group(1)}]</a>', _esc(sentence.text))
        if not sentence.supported:
            text = (f'<span class="nd-unsupported" title="Not supported by the cited passages">{text}</span>')
        parts.append(text)
    body = " ".join(parts)
    if answer.unsupported_sentences:
        body += (f"<br><span class='nd-badge-warn'>⚠ {answer.unsupported_sentences} sentence(s) not supported "
                 "by the cited passages (wavy underline).</span>")
    if answer.standalone_question != answer.question:
        body += f"<br><span class='nd-note'>Understood as: {_esc(answer.standalone_question)}</span>"
    return body


def empty_archive_html() -> str:
    """What an empty archive shows instead of examples."""
    return ("<div class='nd-empty'><b>The archive is empty.</b><br>Index your articles from a terminal with "
            "<code>newsdesk ingest PATH</code> (text, HTML, JSON/JSONL, CSV, RSS, zip), upload them in the "
            "<i>Archive</i> tab, or load the demo archive (100 articles from nine outlets, Dec 2016 – Mar 2017) "
            "with the button below.</div>")


def stats_markdown(stats: object) -> str:
    """Archive statistics as Markdown."""
    s = stats
    outlets = ", ".join(f"{name} ({count})" for name, count in s.sources.items()) or "—"  # type: ignore[attr-defined]
    return (f"**{s.articles}** articles · **{s.chunks}** passages · {s.first_date or '—'} to "  # type: ignore[attr-defined]
            f"{s.last_date or '—'} · {s.bytes / 2**20:.1f} MB on disk\n\n**Outlets:** {outlets}")  # type: ignore[attr-defined]
