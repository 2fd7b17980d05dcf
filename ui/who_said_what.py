"""The chat's "Who said what" answer: a question about statements answered with the statements, grouped by speaker.

`qa.who_said_what` finds them (no model); this module answers the chat turn with
them when the form has something to show: the chat message lists each speaker's
statements with a [n] link per statement, and the sources panel has one card per
statement (speaker, outlet, date, headline, the statement highlighted) that
opens the article reader at it. When the question is not about statements, or
none are found, `quotes_turn` returns None and the normal answer runs.
"""

from __future__ import annotations

import copy
import logging
from typing import Mapping, Sequence

from index.manifest import ArticleRow
from qa.quotes import QuotedStatement
from qa.services import Services
from qa.who_said_what import WhoSaidWhat, who_said_what
from ui.answered import AnsweredTurn
from ui.article_view import QUOTE, Highlight, reader, stored_articles
from ui.handlers import ChatHistory, Conversation, message_text, parse_date
from ui.stopped import mark_unfinished
from ui.turns import TurnSignals
from ui.views import card_head, card_id, esc, filters_text, headline, pretty_date, sources_panel

log = logging.getLogger("newsdesk.ui")
LABEL = "Who said what"


def _statement(s: QuotedStatement) -> str:
    text = f"“{esc(s.text)}”" if s.kind == "quote" else f"<span class='nd-wsw-reported'>(reported)</span> {esc(s.text)}"
    return text


def form_html(form: WhoSaidWhat, turn: int, filters: dict | None = None) -> str:
    """The chat message: a labelled form, each speaker with their statements, each linked to its card."""
    n, sides = 0, []
    for side in form.sides:
        items = []
        for s in side.statements:
            n += 1
            link = f'<a class="nd-cite" href="#{card_id(turn, n)}" title="Show source {n}">{n}</a>'
            items.append(f"<li>{_statement(s)} {link} <span class='nd-wsw-src'>— {esc(s.ref.source or 'Unknown outlet')}"
                         f", {esc(pretty_date(s.ref.published))}: <i>{esc(s.ref.title or 'Untitled')}</i></span></li>")
        sides.append(f"<div class='nd-wsw-side'><div class='nd-wsw-speaker'>{esc(side.speaker)}</div>"
                     f"<ul>{''.join(items)}</ul></div>")
    more = f"<div class='nd-panel-note'>… and {form.left_out} more statement(s).</div>" if form.left_out else ""
    foot = ["Statements as the articles attribute them, quoted as written (found at ingest; no model wrote this)."]
    limited = filters_text(filters or {})
    if limited:
        foot.append(f"Limited to {limited}")
    return (f"<div class='nd-wsw'><div class='nd-wsw-label'>{LABEL}</div>{''.join(sides)}{more}</div>"
            f"<div class='nd-foot'>{'<br>'.join(foot)}</div>")


def form_sources(form: WhoSaidWhat, turn: int, rows: Mapping[str, ArticleRow]) -> str:
    """The sources panel: one card per statement, opening its article at the statement."""
    cards = []
    for n, s in enumerate(form.statements, 1):
        row = rows.get(s.ref.article_id)
        read = reader(row, [Highlight(s.quote_start, s.quote_end, QUOTE, n)])
        cards.append(f'<div class="nd-card nd-cited" id="{card_id(turn, n)}" data-n="{n}">'
                     f'{card_head(str(n), s.ref.source, s.ref.published)}{headline(s.ref.title, s.ref.url)}'
                     f'<div class="nd-passage"><b>{esc(s.speaker_as_written)}</b>: <mark class="nd-quote">'
                     f'{esc(s.text)}</mark></div>{read}</div>')
    note = (f"{len(cards)} statement(s) from {len({s.ref.article_id for s in form.statements})} article(s); "
            "click a number in the answer to jump to it, or open the article at the statement.")
    return f"<div class='nd-panel-note'>{note}</div><div class='nd-sources'>{''.join(cards)}</div>"


def _answered(form: WhoSaidWhat, turn: int, message: int, history: list[dict], filters: dict) -> AnsweredTurn:
    citations = [{"n": n, **s.ref.to_json(), "quote": s.text} for n, s in enumerate(form.statements, 1)]
    return AnsweredTurn(turn=turn, message=message, question=form.question, standalone_question=form.question,
                        answer=form.text(), short_answer=None, abstained=False, citations=citations,
                        filters={key: filters.get(key) for key in ("since", "until", "sources")},
                        history=[dict(t) for t in history])


def quotes_turn(services: Services, message: str, chat: Sequence[dict] | None, convo: Conversation | None,
                since: object = None, until: object = None, outlets: Sequence[str] | None = None, *,
                turns: TurnSignals | None = None,
                session: str = "") -> tuple[ChatHistory, str, Conversation, str] | None:
    """The chat turn answered with the Who said what form, or None when the normal answer should run
    (not a question about statements, none found, bad filters — the normal answer reports those)."""
    question = (message or "").strip()
    if not question:
        return None
    try:
        filters = {"since": parse_date(since, "From"), "until": parse_date(until, "To"), "sources": list(outlets or [])}
        store = services.indexer.store
        form = who_said_what(store, question, **filters)
    except Exception:  # the normal answer runs instead, and reports a bad filter in its own words
        log.debug("who said what skipped for %r", question, exc_info=True)
        return None
    if form is None or not form.sides:
        return None
    if turns is not None:  # a turn still running for this session is replaced, as by any new question
        turns.finish(turns.start(session))
    convo = copy.deepcopy(convo or Conversation())
    chat = mark_unfinished([{"role": m.get("role", "assistant"), "content": message_text(m.get("content"))}
                            for m in chat or []])
    number = convo.turn
    chat += [{"role": "user", "content": question},
             {"role": "assistant", "content": f"<div class='nd-final'>{form_html(form, number, filters)}</div>"}]
    rows = stored_articles(store, (s.ref.article_id for s in form.statements))
    current = form_sources(form, number, rows)
    earlier = list(convo.panels)
    convo.answered.append(_answered(form, number, len(chat) - 1, convo.history, filters))
    convo.history += [{"role": "user", "content": question}, {"role": "assistant", "content": form.text()}]
    convo.panels.append((question, current))
    return chat, sources_panel(current, earlier), convo, ""


CSS = """
.nd-wsw-label { display: inline-block; font-size: 0.75rem; font-weight: 700; letter-spacing: 0.04em;
  text-transform: uppercase; color: var(--color-accent); border: 1px solid var(--color-accent); border-radius: 4px;
  padding: 0 6px; margin-bottom: 6px; }
.nd-wsw-speaker { font-weight: 700; margin-top: 6px; }
.nd-wsw ul { margin: 2px 0 4px 0; padding-left: 18px; }
.nd-wsw-src { color: var(--body-text-color-subdued); font-size: 0.85em; }
.nd-wsw-reported { color: var(--body-text-color-subdued); font-size: 0.85em; }
"""
