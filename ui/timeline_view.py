"""The chat's Timeline view: a story's events in date order, each line cited and opening its article.

`qa.timeline.build_timeline` does the work (no model); this module shows it: one
line per event (day, the sentence quoted, and its citation — outlet, date,
headline — which opens the article reader with that sentence highlighted),
"also reported by" for syndicated copies, undated articles listed apart, and
the points of the hover chart (days along x, outlets as rows). The chat offers
it when a question reads like a timeline request (`qa.intent.timeline_topic`);
`timeline_offer` says whether and for which topic.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Mapping, Sequence

import gradio as gr
import pandas as pd

from index.errors import NewsdeskError
from index.manifest import ArticleRow
from qa.intent import timeline_topic
from qa.services import Services
from qa.timeline import EVENT, Timeline, TimelineEvent, build_timeline
from ui.article_view import QUOTE, Highlight, reader, stored_articles
from ui.handlers import message_text, parse_date
from ui.views import also_reported, error_html, esc, filters_text, pretty_date

log = logging.getLogger("newsdesk.ui")
CHART_COLUMNS = ("date", "outlet", "event", "headline", "dated by")
CHART_TEXT_CHARS = 140  # of the event sentence in the chart's hover box
CHART_PAD = 0.04  # of the days spanned, left blank at each end of the chart (at least a day)
DATED_BY = {EVENT: "day named in the text", "published": "publication day"}
OFFER_LABEL = "Show as timeline: {topic}"


def _citation_label(event: TimelineEvent) -> str:
    ref = event.citation.ref
    return (f'<span class="nd-outlet">{esc(ref.source or "Unknown outlet")}</span>, '
            f'{esc(pretty_date(ref.published))}: <span class="nd-event-headline">{esc(ref.title or "Untitled")}</span>')


def _period(event: TimelineEvent) -> str:
    """The event's day as read: "Dec 2016" for a month, "week of 5 Dec 2016" for a week, else the day."""
    assert event.day is not None
    if event.date_precision == "month":
        return event.day.strftime("%b %Y")
    text = pretty_date(event.day.isoformat())
    return f"week of {text}" if event.date_precision == "week" else text


def event_html(event: TimelineEvent, row: ArticleRow | None) -> str:
    """One line: the day (and how it was found), the sentence quoted, its citation opening the article."""
    if event.day is None:
        day = ""
    else:
        how = (f"day named in the text: “{event.date_phrase}”" if event.date_kind == EVENT and event.date_phrase
               else "the article's publication day (the sentence names no day)")
        mark = "" if event.date_kind == EVENT else "<sup class='nd-event-pub'>published</sup>"
        shown = _period(event)
        day = f'<span class="nd-event-day" title="{esc(how)}">{esc(shown)}{mark}</span>'
    c = event.citation
    cite = reader(row, [Highlight(c.quote_start, c.quote_end, QUOTE)], event.also_in, label=_citation_label(event))
    if row is None:  # removed since: the citation stays, without a reader
        cite = f'<span class="nd-event-gone">{_citation_label(event)} (no longer in the archive)</span>'
    return (f'<li class="nd-event" data-day="{event.day.isoformat() if event.day else ""}">{day}'
            f'<span class="nd-event-text">“{esc(event.text)}”</span>'
            f'<div class="nd-event-cite">{cite}{also_reported(event.also_in)}</div></li>')


def timeline_html(timeline: Timeline, rows: Mapping[str, ArticleRow], filters: dict | None = None) -> str:
    """The whole view: a count line, the dated events in order, then the undated ones apart."""
    limited = filters_text(filters or {})
    scope = f" ({limited})" if limited else ""
    if not timeline.events and not timeline.undated:
        return (f"<div class='nd-panel-note'>No article in the archive is about “{esc(timeline.topic)}”{scope}. "
                "Try fewer or other words, or wider filters.</div>")
    head = (f"<div class='nd-panel-note nd-timeline-head'><b>{len(timeline.events)} event(s)</b> of "
            f"“{esc(timeline.topic)}”{scope}, oldest first — each line quotes its article; click the "
            "citation to read the article at that sentence.</div>")
    events = "".join(event_html(e, rows.get(e.citation.ref.article_id)) for e in timeline.events)
    dated = f"<ol class='nd-timeline'>{events}</ol>" if events else ""
    undated = ""
    if timeline.undated:
        items = "".join(event_html(e, rows.get(e.citation.ref.article_id)) for e in timeline.undated)
        undated = (f"<h4 class='nd-undated-head'>Undated ({len(timeline.undated)})</h4><div class='nd-panel-note'>"
                   f"These articles carry no date, so their events are not placed.</div>"
                   f"<ul class='nd-timeline nd-undated'>{items}</ul>")
    notes = "".join(f"<div class='nd-panel-note'>{esc(n)}</div>" for n in timeline.notes)
    return f"<div class='nd-timeline-view'>{head}{notes}{dated}{undated}</div>"


def timeline_points(timeline: Timeline) -> pd.DataFrame:
    """The chart's points: one per dated event, with what the hover box shows."""
    rows = [{"date": pd.Timestamp(e.day), "outlet": e.citation.ref.source or "Unknown outlet",
             "event": e.text if len(e.text) <= CHART_TEXT_CHARS else e.text[:CHART_TEXT_CHARS - 1] + "…",
             "headline": e.citation.ref.title or "Untitled", "dated by": DATED_BY.get(e.date_kind or "", "")}
            for e in timeline.events]
    return pd.DataFrame(rows, columns=list(CHART_COLUMNS))


def chart_x_lim(points: pd.DataFrame) -> list[float] | None:
    """The chart's x range in epoch seconds (Gradio's unit for a date axis), padded so the first and last
    dots are not cut by the chart's edges."""
    if points.empty:
        return None
    first, last = points["date"].min(), points["date"].max()
    pad = max(pd.Timedelta(days=1), (last - first) * CHART_PAD)
    return [(first - pad).value / 1e9, (last + pad).value / 1e9]


def show_timeline(services: Services, topic: str, since: object = None, until: object = None,
                  outlets: Sequence[str] | None = None, *, as_of: date | None = None) -> tuple[str, pd.DataFrame]:
    """The Timeline view's HTML and chart points for `topic` under the chat's filters (never raises)."""
    empty = pd.DataFrame(columns=list(CHART_COLUMNS))
    topic = (topic or "").strip()
    if not topic:
        return error_html("Type the story to lay out, e.g. “Old Mill bridge”."), empty
    try:
        filters = {"since": parse_date(since, "From"), "until": parse_date(until, "To"),
                   "sources": list(outlets or [])}
        store = services.indexer.store
        timeline = build_timeline(store, services.embedder, topic, as_of=as_of, **filters)
    except NewsdeskError as exc:
        return error_html(str(exc)), empty
    except Exception:  # never a stack trace in the page; the log has it
        log.exception("timeline of %r failed", topic)
        return error_html("The timeline could not be built; the server log says why."), empty
    ids = [e.citation.ref.article_id for e in (*timeline.events, *timeline.undated)]
    return timeline_html(timeline, stored_articles(store, ids), filters), timeline_points(timeline)


def last_question(chat: Sequence[dict] | None) -> str:
    """The latest question of a chat (Gradio 6 content blocks or plain text; '' when there is none)."""
    return next((message_text(m.get("content")) for m in reversed(chat or []) if m.get("role") == "user"), "")


def timeline_offer(question: str) -> tuple[dict, str | None]:
    """The "Show as timeline" button (shown with its topic when `question` asks for one) and the topic."""
    topic = timeline_topic(question)
    if topic is None:
        return gr.update(visible=False), None
    return gr.update(visible=True, value=OFFER_LABEL.format(topic=topic)), topic


CSS = """
#nd-timeline-offer { align-self: flex-start; }
ol.nd-timeline, ul.nd-timeline { list-style: none; padding-left: 0; margin: 6px 0; border-left: 2px solid
  var(--border-color-primary); }
li.nd-event { position: relative; padding: 6px 0 8px 14px; }
li.nd-event::before { content: ''; position: absolute; left: -6px; top: 12px; width: 10px; height: 10px;
  border-radius: 50%; background: var(--color-accent); }
ul.nd-undated li.nd-event::before { background: var(--body-text-color-subdued); }
.nd-event-day { font-weight: 700; margin-right: 8px; white-space: nowrap; }
.nd-event-pub { font-weight: 400; color: var(--body-text-color-subdued); margin-left: 3px; }
.nd-event-cite { font-size: 0.85rem; color: var(--body-text-color-subdued); }
.nd-event-cite details.nd-read > summary { display: inline; margin-top: 0; }
.nd-event-headline { font-style: italic; }
"""
