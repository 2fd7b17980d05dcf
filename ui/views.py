"""HTML for the chat: source cards with the supporting quote highlighted inside
its passage, answers whose [n] markers jump to their card, unsupported
sentences marked, abstentions with the closest articles, and the archive and
ingest summaries.

Every piece of article or model text is HTML-escaped here: articles are data
and must never inject markup into the page. Card ids carry the turn number
(`nd-src-<turn>-<n>`) so a citation in an earlier answer still finds its own
source after later questions.
"""

from __future__ import annotations

import html
import re
from datetime import date
from typing import Sequence

from index.article import ArticleRef
from index.pipeline import IngestReport
from index.store_records import StoreStats
from qa.answer import Answer
from qa.citations import Citation
from qa.short_answer_check import NOT_IN_PASSAGES

CONTEXT_CHARS = 280   # passage text shown on each side of a highlighted quote
SNIPPET_CHARS = 240   # passage text shown on a card before the answer is written
_MARKERS = re.compile(r"\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]")


def esc(text: object) -> str:
    """HTML-escaped text (None becomes empty)."""
    return html.escape("" if text is None else str(text), quote=True)


def pretty_date(published: str | None) -> str:
    """'2017-02-07' as '7 Feb 2017'; anything else as given, or 'undated'."""
    if not published:
        return "undated"
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return published
    return f"{day.day} {day:%b %Y}"


def card_id(turn: int, n: int) -> str:
    """The element id of source card `n` of answer `turn`."""
    return f"nd-src-{turn}-{n}"


def card_head(label: str | None, source: str | None, published: str | None, extra: str = "") -> str:
    """A source card's first line: its number badge (if any), outlet, date and any extra badges."""
    badge = f'<span class="nd-num">{esc(label)}</span>' if label else ""
    return (f'<div class="nd-card-head">{badge}<span class="nd-outlet">{esc(source or "Unknown outlet")}</span>'
            f'<span class="nd-date">{esc(pretty_date(published))}</span>{extra}</div>')


def headline(title: str | None, url: str | None) -> str:
    """The article headline, linked to its URL when it has a web address."""
    text = esc(title or "Untitled")
    if url and url.startswith(("http://", "https://")):
        return f'<a class="nd-headline" href="{esc(url)}" target="_blank" rel="noopener noreferrer">{text}</a>'
    return f'<span class="nd-headline">{text}</span>'


def trim_left(text: str, limit: int) -> str:
    """The last `limit` characters of `text`, cut at a word and led by '…' when shortened."""
    if len(text) <= limit:
        return text
    cut = text[-limit:]
    return "…" + cut[cut.find(" ") + 1:] if " " in cut else "…" + cut


def trim_right(text: str, limit: int) -> str:
    """The first `limit` characters of `text`, cut at a word and ended by '…' when shortened."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return (cut[:cut.rfind(" ")] if " " in cut else cut) + "…"


def quote_parts(c: Citation) -> tuple[str, str, str]:
    """(text before, quote, text after) of the citation's passage; the quote is '' if it lies elsewhere."""
    start, end = c.quote_start - c.passage_start, c.quote_end - c.passage_start
    if not (0 <= start < end <= len(c.passage) and c.passage[start:end] == c.quote):
        start = c.passage.find(c.quote) if c.quote else -1
        end = start + len(c.quote)
    if start < 0:
        return c.passage, "", ""
    return c.passage[:start], c.passage[start:end], c.passage[end:]


def also_reported(copies: Sequence[ArticleRef]) -> str:
    """'Also reported by' the outlets that ran a syndicated copy: each outlet linked to its copy, with its date."""
    if not copies:
        return ""
    items = []
    for copy in copies:
        name = esc(copy.source or "Unknown outlet")
        if copy.url and copy.url.startswith(("http://", "https://")):
            name = f'<a href="{esc(copy.url)}" target="_blank" rel="noopener noreferrer" title="{esc(copy.title)}">{name}</a>'
        items.append(f"{name} ({esc(pretty_date(copy.published))})" if copy.published else name)
    return f'<div class="nd-also">Also reported by {", ".join(items)}</div>'


def sources_panel(current: str | None = None, earlier: Sequence[tuple[str, str]] = ()) -> str:
    """The whole panel: the latest question's sources, then earlier answers' sources folded away."""
    if current is None:
        current = "<div class='nd-panel-note'>Sources appear here as soon as they are found.</div>"
    folded = "".join(f"<details class='nd-earlier'><summary>Sources for “{esc(q)}”</summary>{body}</details>"
                     for q, body in reversed(earlier))
    return f"<div class='nd-panel'>{current}{folded}</div>"


def _cite_links(text: str, turn: int) -> str:
    """Escaped text whose [n] markers are links to source card n of this turn."""
    def link(match: re.Match[str]) -> str:
        return "".join(f'<a class="nd-cite" href="#{card_id(turn, int(n))}" title="Show source {int(n)}">{int(n)}</a>'
                       for n in re.split(r"[,;]", match.group(1)))
    return _MARKERS.sub(link, esc(text))


def answer_html(answer: Answer, turn: int) -> str:
    """The finished answer for the chat: linked citations, unsupported sentences marked, a discreet footer."""
    if answer.abstained:
        items = "".join(f"<li>{headline(a.title, a.url)} — {esc(a.source or 'Unknown outlet')}, "
                        f"{esc(pretty_date(a.published))}</li>" for a in answer.closest)
        closest = f"Closest articles:<ul>{items}</ul>" if items else "No article comes close."
        why = (f"{esc(answer.abstain_reason[0].upper() + answer.abstain_reason[1:])}." if answer.abstain_reason
               else f"No indexed article answers this question{' with these filters' if _has_filters(answer.filters) else ''}.")
        body = f"<div class='nd-abstain'><b>The archive doesn't say.</b>{why} {closest}</div>"
    else:
        parts = []
        for sentence in answer.sentences:
            text = _cite_links(sentence.text, turn)
            if not sentence.supported:
                text = (f"<span class='nd-unsupported'>{text}</span><span class='nd-unsupported-flag' "
                        f"title='Not supported by the cited passages'>⚠</span>")
            parts.append(text)
        body = _short_html(answer) + "<div class='nd-answer'>" + " ".join(parts) + "</div>"
    return body + _footer(answer)


def _short_html(answer: Answer) -> str:
    """The short answer in bold (flagged when its quotes do not hold it), then, for a quoted answer, the note
    that the text is the archive's own words."""
    if answer.quoted and not answer.short_answer:
        return "<div class='nd-quoted'>Quoted from the archive — the model gave no answer of its own:</div>"
    quoted = "<div class='nd-quoted'>Quoted from the archive:</div>" if answer.quoted else ""
    if not answer.short_answer:
        return ""
    why = esc(answer.short_answer_concern or NOT_IN_PASSAGES)
    flag = ("" if answer.short_answer_supported is not False else  # a space apart from the answer it flags
            f" <span class='nd-unsupported-flag' title='May not answer the question: {why}'>⚠ {why}</span>")
    return f"<div class='nd-short'><b>{esc(answer.short_answer)}</b>{flag}</div>{quoted}"


def _has_filters(filters: dict) -> bool:
    return bool(filters.get("since") or filters.get("until") or filters.get("sources"))


def _footer(answer: Answer) -> str:
    lines = []
    if answer.unsupported_sentences:
        lines.append(f"<span class='nd-warn'>⚠ {answer.unsupported_sentences} sentence(s) could not be matched to "
                     "the cited passages (wavy underline) — check them before use.</span>")
    if answer.standalone_question.strip() != answer.question.strip():
        lines.append(f"Understood as: “{esc(answer.standalone_question)}”")
    described = filters_text(answer.filters)
    if described:
        lines.append(f"Limited to {described}")
    total = (answer.timings_ms or {}).get("total")
    if total:
        lines.append(f"{len(answer.passages)} passages read · {total / 1000:.1f} s")
    return f"<div class='nd-foot'>{'<br>'.join(lines)}</div>" if lines else ""


def filters_text(filters: dict) -> str:
    """'TASS, BBC · 1 Feb 2017 – 28 Feb 2017' for the filters that were applied, else ''."""
    parts = []
    if filters.get("sources"):
        parts.append(", ".join(esc(s) for s in filters["sources"]))
    since, until = filters.get("since"), filters.get("until")
    if since or until:
        parts.append(f"{esc(pretty_date(since)) if since else 'the start'} – "
                     f"{esc(pretty_date(until)) if until else 'the latest article'}")
    return " · ".join(parts)


def streaming_html(text: str, short: str | None = None) -> str:
    """Answer text as it streams in (markers styled, not yet linked: numbering is final only when done),
    under the short answer in bold once the model has written it."""
    head = f"<div class='nd-short'><b>{esc(short)}</b></div>" if short else ""
    return head + _MARKERS.sub(lambda m: f"<span class='nd-marker'>[{m.group(1)}]</span>", esc(text))


def status_html(text: str) -> str:
    """A transient status line in the assistant's bubble."""
    return f"<span class='nd-status'>{esc(text)}</span>"


def error_html(message: str) -> str:
    """A problem, as a message the user can act on (`commands` in it shown as code)."""
    return "<div class='nd-error'>⚠ " + re.sub(r"`([^`]+)`", r"<code>\1</code>", esc(message)) + "</div>"


def empty_archive_html() -> str:
    """What an empty archive shows instead of example questions."""
    return ("<div class='nd-empty'><b>Your archive is empty — there is nothing to ask yet.</b><br>"
            "Index your articles from a terminal with <code>newsdesk ingest ~/articles</code> "
            "(text, Markdown, HTML, JSON/JSONL, CSV, RSS/Atom, zip), upload them in the <i>Archive</i> tab, "
            "or load the demo archive: 100 articles from nine outlets (Al Jazeera, TASS, BBC, RTÉ, DW …), "
            "December 2016 – March 2017.</div>")


def archive_line(stats: StoreStats) -> str:
    """One line under the title: what the archive holds."""
    if not stats.articles:
        return "Archive empty"
    return (f"{stats.articles:,} articles · {len(stats.sources)} outlets · "
            f"{pretty_date(stats.first_date)} – {pretty_date(stats.last_date)}")


def stats_html(stats: StoreStats) -> str:
    """Archive statistics: counts, date range and outlets with bars."""
    tiles = [(f"{stats.articles:,}", "articles", ""), (f"{stats.chunks:,}", "passages", ""),
             (str(len(stats.sources)), "outlets", ""),
             (f"{pretty_date(stats.first_date)} – {pretty_date(stats.last_date)}" if stats.articles else "—",
              "date range", " nd-wide")]
    grid = "".join(f"<div class='nd-stat{cls}'><b>{esc(v)}</b><span>{esc(k)}</span></div>" for v, k, cls in tiles)
    top = max(stats.sources.values(), default=1)
    rows = "".join(f"<span>{esc(name)}</span><div class='nd-bar' style='width:{100 * count / top:.0f}%'></div>"
                   f"<span>{count}</span>" for name, count in stats.sources.items())
    unattributed = f" · {stats.unattributed:,} without an outlet" if stats.unattributed else ""
    extra = (f"<div class='nd-panel-note'>{stats.duplicates} duplicate copies recorded but not indexed twice · "
             f"{stats.bytes / 2**20:.1f} MB on disk{unattributed}</div>")
    return f"<div class='nd-stats nd-stats-archive'>{grid}</div>{extra}<div class='nd-outlets'>{rows}</div>"


SHOWN_TITLES = 20  # headlines (and failures) listed per kind in an ingest summary; the rest are counted


def _listed(items: Sequence[str], kind: str, cls: str = "nd-failures nd-report-list") -> str:
    """The first SHOWN_TITLES items (HTML) as a list under `kind`, then how many more."""
    shown = "".join(f"<li>{item}</li>" for item in items[:SHOWN_TITLES])
    more = f"<li class='nd-panel-note'>… and {len(items) - SHOWN_TITLES:,} more</li>" if len(items) > SHOWN_TITLES else ""
    return f"{kind}:<ul class='{cls}'>{shown}{more}</ul>" if items else ""


def report_html(report: IngestReport, what: str = "Ingest") -> str:
    """An ingest or rebuild summary: the five counts, the headlines added and updated, every failure with its
    reason (the first 20 of each, then how many more)."""
    chips = [("added", report.added, "good" if report.added else ""), ("updated", report.updated, ""),
             ("unchanged", report.unchanged, ""), ("duplicates", report.duplicates, ""),
             ("failed", len(report.failed), "bad" if report.failed else "")]
    counts = "".join(f"<span class='nd-chip nd-{cls}'>{esc(name)} <b>{n}</b></span>" for name, n, cls in chips)
    failures = [f"<code>{esc(f.path)}</code>: {esc(f.error)}" for f in report.failed]
    return (f"<div><b>{esc(what)} finished in {report.seconds:.1f} s.</b> The archive now holds "
            f"{report.articles:,} articles ({report.chunks:,} passages).<div class='nd-report-counts'>{counts}</div>"
            + _listed([esc(t) for t in report.added_titles], "Added")
            + _listed([esc(t) for t in report.updated_titles], "Updated")
            + _listed(failures, "Not indexed", "nd-failures") + "</div>")


EVAL_TILES = (("correct", "answers correct"), ("hits@4", "right article in top 4"), ("mrr@10", "MRR@10"),
              ("citation_precision", "citation precision"), ("abstain_recall", "abstains when it should"),
              ("unsupported_rate", "unsupported sentences"))


def eval_summary_html(summary: dict, out_dir: object) -> str:
    """Headline numbers of an evaluation run (each with its n); the full report is offered for download."""
    overall = summary["overall"]
    metrics, counts = overall["metrics"], overall["counts"]
    failed = f", {overall['errors']} failed" if overall["errors"] else ""
    tiles = [f"<div class='nd-stat'><b>{summary['questions']}</b><span>questions{failed}</span></div>"]
    for key, name in EVAL_TILES:
        if metrics.get(key) is not None:
            tiles.append(f"<div class='nd-stat'><b>{metrics[key]:.0%}</b><span>{esc(name)} "
                         f"(n={counts.get(key, '?')})</span></div>")
    latency = overall["latency_ms"]["total"] if overall["latency_ms"]["total"]["n"] else overall["latency_ms"]["retrieve"]
    if latency["p50"] is not None:
        tiles.append(f"<div class='nd-stat'><b>{latency['p50'] / 1000:.1f} s</b><span>median time per question"
                     "</span></div>")
    mode = "retrieval only" if summary.get("mode") == "retrieval" else "retrieval + answers"
    return (f"<div class='nd-stats'>{''.join(tiles)}</div><div class='nd-panel-note'>{esc(mode)} · the full "
            f"report.md, results and charts are under “Download the run” below (kept on the server in "
            f"<code>{esc(out_dir)}</code>)</div>")
