"""The sources panel as a list that adds up: one card per article, however many of its passages were
read or cited.

Two passages of one article are one card with both quotes (each under its own [n], each [n] link
landing on its quote); articles retrieved but not cited are listed once each; and the counts say
how the passages read split: "6 passages read from 4 articles: 2 cited, 2 not cited" where the
passages of the cited and the uncited articles add up to the 6. Syndicated copies stay listed as
"Also reported by". With the stored articles at hand, every card opens the whole article
(`ui.article_view`) with the passages read and the quotes cited highlighted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from index.article import ArticleRef
from index.manifest import ArticleRow
from qa.answer import Answer
from qa.citations import Citation
from qa.retrieval import Passage
from ui import article_view
from ui.article_view import PASSAGE, QUOTE, Highlight
from ui.views import (CONTEXT_CHARS, SNIPPET_CHARS, also_reported, card_head, card_id, esc, headline, quote_parts,
                      trim_left, trim_right)

CLOSEST_SHOWN = 4  # articles shown beside an abstention or an answer that cites nothing


@dataclass(frozen=True)
class ArticleSources:
    """One article of the source list: the citations resting on it (by number) and its passages read."""

    ref: ArticleRef
    citations: tuple[Citation, ...]
    passages: tuple[Passage, ...]

    @property
    def also_in(self) -> tuple[ArticleRef, ...]:
        """Other outlets' syndicated copies of this article (from its citations or passages)."""
        seen: dict[str, ArticleRef] = {}
        for item in (*self.citations, *self.passages):
            for copy in item.also_in:
                seen.setdefault(copy.article_id, copy)
        return tuple(seen.values())

    def highlights(self) -> list[Highlight]:
        """The passages read and the quotes cited, as spans of the article body."""
        spans = [Highlight(p.start, p.end, PASSAGE) for p in self.passages]
        for c in self.citations:
            if not self.passages:
                spans.append(Highlight(c.passage_start, c.passage_start + len(c.passage), PASSAGE))
            if c.quote:
                spans.append(Highlight(c.quote_start, c.quote_end, QUOTE, c.n))
        return spans


@dataclass(frozen=True)
class SourceList:
    """An answer's sources grouped by article: cited ones (in [n] order), then the others (in rank order)."""

    cited: tuple[ArticleSources, ...]
    uncited: tuple[ArticleSources, ...]
    passages_read: int

    @property
    def articles_read(self) -> int:
        """Distinct articles among the passages read (and the citations)."""
        return len(self.cited) + len(self.uncited)


def group_sources(passages: Sequence[Passage], citations: Sequence[Citation] = ()) -> SourceList:
    """Passages and citations grouped by article, each article once."""
    by_article: dict[str, list[Passage]] = {}
    refs: dict[str, ArticleRef] = {}
    for p in passages:
        by_article.setdefault(p.article_id, []).append(p)
        refs.setdefault(p.article_id, p.ref)
    cites: dict[str, list[Citation]] = {}
    for c in sorted(citations, key=lambda c: c.n):
        cites.setdefault(c.article_id, []).append(c)
        refs.setdefault(c.article_id, c.ref)
    cited = tuple(ArticleSources(refs[a], tuple(cs), tuple(by_article.get(a, ()))) for a, cs in cites.items())
    uncited = tuple(ArticleSources(refs[a], (), tuple(ps)) for a, ps in by_article.items() if a not in cites)
    return SourceList(cited, uncited, len(passages))


def _quote_html(c: Citation, turn: int, numbered: bool, first: bool, with_reader: bool) -> str:
    before, quote, after = quote_parts(c)
    if quote:
        body = (f"{esc(trim_left(before, CONTEXT_CHARS))}<mark class=\"nd-quote\">{esc(quote)}</mark>"
                f"{esc(trim_right(after, CONTEXT_CHARS))}")
    else:  # the quote is not inside the stored passage text: show it on its own
        body = f'<mark class="nd-quote">{esc(c.quote)}</mark>' if c.quote else esc(trim_right(before, 600))
    label = f'<span class="nd-qnum">[{c.n}]</span>' if numbered else ""
    anchor = "" if first else f' id="{card_id(turn, c.n)}"'  # the card itself carries the first number
    at = (f' <a class="nd-open-at" href="#" data-n="{c.n}" title="Open the whole article at this quote">'
          "in the article</a>") if with_reader and c.quote else ""
    return f'<div class="nd-passage"{anchor} data-n="{c.n}">{label}{body}{at}</div>'


def cited_card(article: ArticleSources, turn: int, row: ArticleRow | None = None, with_reader: bool = False) -> str:
    """One cited article: every number citing it, each quote in its passage, copies, and the reader."""
    numbers = [c.n for c in article.citations]
    badges = "".join(f'<span class="nd-num">{n}</span>' for n in numbers[1:])
    warn = "" if all(c.supported for c in article.citations) else (
        '<span class="nd-warn" title="The sentences citing this source could not be matched to its text">'
        '⚠ support not confirmed</span>')
    quotes = "".join(_quote_html(c, turn, len(numbers) > 1, i == 0, with_reader)
                     for i, c in enumerate(article.citations))
    read = article_view.reader(row, article.highlights(), article.also_in) if with_reader else ""
    return (f'<div class="nd-card nd-cited" id="{card_id(turn, numbers[0])}" data-n="{" ".join(map(str, numbers))}">'
            f'{card_head(str(numbers[0]), article.ref.source, article.ref.published, badges + warn)}'
            f'{headline(article.ref.title, article.ref.url)}{quotes}{also_reported(article.also_in)}{read}</div>')


def passages_card(article: ArticleSources, kind: str = "pending", row: ArticleRow | None = None,
                  with_reader: bool = False) -> str:
    """An article retrieved but not cited (yet): its best passage, how many were read, and the reader."""
    more = len(article.passages) - 1
    count = f'<span class="nd-panel-note"> + {more} more passage(s)</span>' if more > 0 else ""
    snippet = esc(trim_right(" ".join(article.passages[0].text.split()), SNIPPET_CHARS)) if article.passages else ""
    read = article_view.reader(row, article.highlights(), article.also_in) if with_reader else ""
    return (f'<div class="nd-card nd-{kind}">{card_head(None, article.ref.source, article.ref.published)}'
            f'{headline(article.ref.title, article.ref.url)}<div class="nd-passage">{snippet}{count}</div>'
            f'{also_reported(article.also_in)}{read}</div>')


def sources_pending(passages: Sequence[Passage]) -> str:
    """The panel as soon as retrieval is done, before the answer is written: one card per article."""
    if not passages:
        return "<div class='nd-panel-note'>No passage matches the question and filters.</div>"
    found = group_sources(passages)
    cards = "".join(passages_card(a) for a in found.uncited)
    return (f"<div class='nd-panel-note'>{len(passages)} passages found in {found.articles_read} article(s) — "
            f"writing the answer…</div><div class='nd-sources'>{cards}</div>")


def sources_answered(answer: Answer, turn: int, rows: Mapping[str, ArticleRow] | None = None) -> str:
    """The panel for a finished answer: cited articles with their quotes, then the other articles read.

    `rows` (the stored articles, `article_view.stored_articles`) give every card its reader.
    """
    found = group_sources(answer.passages, answer.citations)
    with_reader = rows is not None
    rows = rows or {}
    if answer.abstained or not answer.citations:
        if not answer.passages:
            return "<div class='nd-panel-note'>No passage matches the question and filters.</div>"
        shown = found.uncited[:CLOSEST_SHOWN]
        cards = "".join(passages_card(a, "retrieved", rows.get(a.ref.article_id), with_reader) for a in shown)
        # "None answers" only beside an abstention: beside a given answer it would contradict it.
        note = ("None of these passages answers the question; they are the closest the archive has."
                if answer.abstained else "The answer cites none of these passages; they are what was retrieved.")
        return f"<div class='nd-panel-note'>{note} {_tally(found)}</div><div class='nd-sources'>{cards}</div>"
    cards = "".join(cited_card(a, turn, rows.get(a.ref.article_id), with_reader) for a in found.cited)
    note = (f"{_tally(found)} The highlighted sentence is what supports the answer; click a number in the "
            "answer to jump to it.")
    return (f"<div class='nd-panel-note'>{note}</div><div class='nd-sources'>{cards}"
            f"{_not_cited(found, rows, with_reader)}</div>")


def _tally(found: SourceList) -> str:
    """'6 passages read from 4 articles: 2 cited, 2 not cited.'"""
    return (f"{found.passages_read} passage(s) read from {found.articles_read} article(s): "
            f"{len(found.cited)} cited, {len(found.uncited)} not cited.")


def _not_cited(found: SourceList, rows: Mapping[str, ArticleRow], with_reader: bool) -> str:
    if not found.uncited:
        return ""
    passages = sum(len(a.passages) for a in found.uncited)
    cards = "".join(passages_card(a, "retrieved", rows.get(a.ref.article_id), with_reader) for a in found.uncited)
    return (f"<details class='nd-more'><summary>{len(found.uncited)} more article(s) read but not cited "
            f"({passages} passage(s))</summary>{cards}</details>")
