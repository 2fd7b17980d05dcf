"""The article reader: a whole stored article in the app, with the passages an answer read and the
quotes it cites highlighted, opened from a source card or from the Archive tab's list.

The outlet's own link may be dead or absent (a plain `.txt` has none), so the reader shows the text
the archive holds. On a source card it is a `<details>` whose body opens as an overlay and scrolls to
the first highlight (the small script in `HEAD`); in the Archive tab the same HTML sits in the page.
Every piece of article text is HTML-escaped: articles are data, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from index.article import ArticleRef
from index.manifest import ArticleRow
from index.store import ArchiveStore
from ui.views import also_reported, esc, headline, pretty_date

PASSAGE, QUOTE = "passage", "quote"


@dataclass(frozen=True)
class Highlight:
    """A span of an article body to mark: a passage that was read, or the quote a citation rests on."""

    start: int
    end: int
    kind: str  # PASSAGE or QUOTE
    n: int | None = None  # the citation number of a quote: "in the article" links scroll to it


def stored_articles(store: ArchiveStore, article_ids: Iterable[str]) -> dict[str, ArticleRow]:
    """The stored rows (bodies included) of these articles; ids no longer stored are left out."""
    rows = {}
    for article_id in dict.fromkeys(article_ids):
        row = store.article(article_id)
        if row is not None:
            rows[article_id] = row
    return rows


def word_count(text: str) -> int:
    """Words in an article body (whitespace-separated)."""
    return len(text.split())


def marked_body(body: str, highlights: Sequence[Highlight]) -> str:
    """The escaped body with passages wrapped in `span.nd-read-passage` and quotes in `mark.nd-read-quote`."""
    spans = [h for h in highlights if 0 <= h.start < h.end <= len(body)]
    cuts = sorted({0, len(body), *(h.start for h in spans), *(h.end for h in spans)})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        piece = esc(body[start:end])
        covering = [h for h in spans if h.start <= start and end <= h.end]
        kinds = {h.kind for h in covering}
        if QUOTE in kinds:
            n = next((h.n for h in covering if h.kind == QUOTE and h.n is not None), None)
            attr = "" if n is None else f' data-n="{n}"'
            piece = f'<mark class="nd-read-quote"{attr}>{piece}</mark>'
        if PASSAGE in kinds:
            piece = f'<span class="nd-read-passage">{piece}</span>'
        out.append(piece)
    return "".join(out)


def article_html(row: ArticleRow, highlights: Sequence[Highlight] = (), copies: Sequence[ArticleRef] = ()) -> str:
    """The whole article: linked headline, outlet, date, author, length, syndicated copies and the body."""
    meta = [esc(row.source or "Unknown outlet"), esc(pretty_date(row.published))]
    if row.author:
        meta.append(f"by {esc(row.author)}")
    meta.append(f"{word_count(row.body):,} words")
    return (f'<article class="nd-article" data-article-id="{esc(row.id)}">'
            f'<h3 class="nd-article-title">{headline(row.title, row.url)}</h3>'
            f'<div class="nd-article-meta">{" · ".join(meta)}</div>{also_reported(copies)}'
            f'<div class="nd-article-body">{marked_body(row.body, highlights)}</div></article>')


def reader(row: ArticleRow | None, highlights: Sequence[Highlight] = (), copies: Sequence[ArticleRef] = (),
           label: str = "Read the whole article") -> str:
    """'Read the whole article' on a source card: opens the article over the page, scrolled to the highlight.

    `label` is the HTML of the link that opens it (a timeline line links its citation instead).
    """
    if row is None:  # removed since the answer was written
        return "<div class='nd-panel-note'>This article is no longer in the archive.</div>"
    return (f'<details class="nd-read"><summary>{label}</summary>'
            '<div class="nd-reader" role="dialog" aria-label="Article">'
            '<button class="nd-reader-close" type="button" title="Close (Esc)">✕ Close</button>'
            f'{article_html(row, highlights, copies)}</div></details>')


CSS = """
details.nd-read > summary { cursor: pointer; color: var(--link-text-color); font-size: 0.85rem; margin-top: 6px; }
details.nd-read[open] > summary::after { content: ''; position: fixed; inset: 0; background: rgba(15, 23, 42, 0.45);
  z-index: 999; }
details.nd-read[open] > .nd-reader { position: fixed; top: 5vh; bottom: 5vh; left: 50%; transform: translateX(-50%);
  width: min(820px, 94vw); z-index: 1000; overflow-y: auto; background: var(--background-fill-primary);
  border-radius: 10px; box-shadow: 0 20px 60px rgba(0, 0, 0, 0.35); padding: 18px 26px; }
.nd-reader-close { float: right; position: sticky; top: 0; z-index: 1; border: 1px solid var(--border-color-primary); border-radius: 6px;
  background: var(--background-fill-secondary); padding: 3px 10px; cursor: pointer; }
.nd-article-title { margin: 0 0 4px; font-size: 1.2rem; }
.nd-article-meta { color: var(--body-text-color-subdued); font-size: 0.85rem; margin-bottom: 6px; }
.nd-article-body { white-space: pre-wrap; line-height: 1.6; font-size: 0.98rem; }
.nd-read-passage { background: rgba(59, 130, 246, 0.10); border-radius: 2px; }
.nd-article-body mark.nd-read-quote { padding: 1px 0; background: #fde68a; color: inherit; border-radius: 2px; }
.dark .nd-article-body mark.nd-read-quote { background: #854d0e; }
#nd-article-view { max-height: 640px; overflow-y: auto; }
#nd-archive-tools { align-items: end; }
#nd-archive-tools button { white-space: nowrap; }
a.nd-open-at { font-family: var(--font); font-size: 0.78rem; white-space: nowrap; }
.nd-qnum { font-weight: 600; color: var(--body-text-color-subdued); margin-right: 4px; }
"""

# Opening a reader scrolls it to its first quote (else its first passage), or to quote n when opened by
# that quote's "in the article" link; ✕ and Esc close it.
HEAD = """<script>
document.addEventListener('toggle', function (event) {
  var box = event.target;
  if (!box.classList || !box.classList.contains('nd-read') || !box.open) return;
  var pane = box.querySelector('.nd-reader');
  var wanted = box.dataset.target ? pane.querySelector('mark.nd-read-quote[data-n="' + box.dataset.target + '"]') : null;
  delete box.dataset.target;
  var mark = pane && (wanted || pane.querySelector('mark.nd-read-quote') || pane.querySelector('.nd-read-passage'));
  if (!mark) return;
  pane.scrollTop += mark.getBoundingClientRect().top - pane.getBoundingClientRect().top - pane.clientHeight / 3;
}, true);
document.addEventListener('click', function (event) {
  var target = event.target.closest ? event.target : null;
  var close = target && target.closest('.nd-reader-close');
  var at = target && target.closest('a.nd-open-at');
  if (!close && !at) return;
  event.preventDefault();
  if (close) {
    var open = close.closest('details.nd-read');
    if (open) open.open = false;
    return;
  }
  var card = at.closest('.nd-card');
  var box = card && card.querySelector('details.nd-read');
  if (!box) return;
  box.dataset.target = at.dataset.n;
  box.open = true;
}, true);
document.addEventListener('keydown', function (event) {
  if (event.key !== 'Escape') return;
  document.querySelectorAll('details.nd-read[open]').forEach(function (box) { box.open = false; });
});
</script>"""
