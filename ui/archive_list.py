"""The Archive tab's article list: search, pages, the article reader, and removal for writers.

Plain functions over the store (testable without a server), like `ui.handlers`. The list shows each
article's headline, outlet, date, length in words and how many syndicated copies other outlets ran;
choosing a row opens it in the same reader the source cards use (`ui.article_view`). Removing goes
through `Indexer.remove` — the path `newsdesk remove` takes, so its chunks, vectors, keyword rows and
syndication group go and nothing else does — and is checked against `ui.access` on every call (an API
caller can reach a hidden button).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Sequence

import pandas as pd

from index.errors import NewsdeskError
from index.store import ArchiveStore
from qa.services import Services
from ui import article_view, views
from ui.access import Access

log = logging.getLogger("newsdesk.ui")
PER_PAGE = 20  # rows per page: the table fits a laptop screen without scrolling
MAX_WORDS = 8  # search words used (each must match the headline, outlet or text)
COLUMNS = ("headline", "outlet", "date", "words", "copies")
BUSY = "Another ingest, rebuild or removal is running; try again when it has finished."
PICK = "<div class='nd-panel-note'>Choose an article in the list to read it here.</div>"


@dataclass(frozen=True)
class ArchivePage:
    """One page of the article list: the table, the ids of its rows and where it sits in the whole."""

    query: str
    page: int
    pages: int
    total: int
    ids: list[str]
    table: pd.DataFrame

    @property
    def caption(self) -> str:
        """'Articles 21–40 of 123 matching “storm” · page 2 of 7', or what an empty result means."""
        matching = f" matching “{self.query}”" if self.query else ""
        if not self.total:
            return f"No article{matching}." if self.query else "The archive is empty."
        first = (self.page - 1) * PER_PAGE + 1
        return (f"Articles {first}–{first + len(self.ids) - 1} of {self.total:,}{matching} · "
                f"page {self.page} of {self.pages}")


def list_page(store: ArchiveStore, query: str | None = None, page: float | None = 1) -> ArchivePage:
    """Page `page` (1-based, clamped to the pages there are) of the articles matching `query`, newest first."""
    text = " ".join((query or "").split())
    words = text.split()[:MAX_WORDS]
    page = max(1, int(page or 1))
    total, rows = store.find_articles(words, (page - 1) * PER_PAGE, PER_PAGE)
    pages = max(1, -(-total // PER_PAGE))
    if page > pages:  # the list shrank (a removal, a new search): show its last page
        page = pages
        total, rows = store.find_articles(words, (page - 1) * PER_PAGE, PER_PAGE)
    copies = store.copies_of([r.id for r in rows])
    table = pd.DataFrame([{"headline": r.title, "outlet": r.source or "—", "date": r.published or "undated",
                           "words": article_view.word_count(r.body), "copies": len(copies.get(r.id, ("", ()))[1])}
                          for r in rows], columns=list(COLUMNS))
    return ArchivePage(text, page, pages, total, [r.id for r in rows], table)


def open_article(store: ArchiveStore, ids: Sequence[str], row: int | None) -> tuple[str, str | None]:
    """(reader HTML, article id) of row `row` of the page whose ids are `ids`."""
    if row is None or not 0 <= row < len(ids):
        return PICK, None
    article = store.article(ids[row])
    if article is None:
        return "<div class='nd-panel-note'>This article is no longer in the archive.</div>", None
    copies = store.copies_of([article.id]).get(article.id, ("", ()))[1]
    return article_view.article_html(article, (), copies), article.id


def remove_article(services: Services, article_id: str | None, *, access: Access, user: str | None) -> str:
    """Remove one article from every index (writers only; one write at a time); the message to show."""
    try:
        access.check_writer(user, "Removing articles")
    except NewsdeskError as exc:
        return views.error_html(str(exc))
    if not article_id:
        return views.error_html("Choose the article to remove in the list first.")
    row = services.indexer.store.article(article_id)
    if not services.write_lock.acquire(blocking=False):
        return views.error_html(BUSY)
    try:
        removed, _ = services.indexer.remove([article_id])
    except (NewsdeskError, OSError) as exc:
        return views.error_html(str(exc))
    except Exception:
        log.exception("removing %r failed", article_id)
        return views.error_html("Removing the article failed unexpectedly; the server log says why.")
    finally:
        services.write_lock.release()
    if not removed or row is None:
        return views.error_html("That article is no longer in the archive.")
    return (f"<div class='nd-panel-note'>Removed “{views.esc(row.title)}” ({views.esc(row.source or 'no outlet')}, "
            f"{views.esc(views.pretty_date(row.published))}) and its passages from the index; ingesting its file "
            "again would add it back.</div>")


def page_view(store: ArchiveStore, query: str | None, page: float | None) -> tuple[str, pd.DataFrame, int, list[str]]:
    """What the Archive tab shows for a page: (caption HTML, table, page number, ids of its rows)."""
    shown = list_page(store, query, page)
    return f"<div class='nd-panel-note'>{views.esc(shown.caption)}</div>", shown.table, shown.page, shown.ids
