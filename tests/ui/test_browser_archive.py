"""Issue 11, items 3–5 in a real headless Chromium: a source card opens the whole article scrolled to its
quote; the Archive tab's list searches, pages, opens an article and removes it (writers only); an upload
takes its outlet and date from the form. Screenshots go to artifacts/ (gitignored)."""

from __future__ import annotations

from typing import Iterator

import pytest

from tests.ui.test_browser import VIEWPORT, Page, browser  # noqa: F401  (browser is a fixture)

pytestmark = pytest.mark.slow

# 17 filler articles on top of the fixture's 8: 25 articles, two pages of 20.
FILLER = [{"title": f"Harbour works, part {i}", "date": f"2016-12-{i + 1:02d}",
           "url": f"https://www.rte.ie/news/harbour-{i}",
           "text": f"Part {i} of the harbour works in Cork closed a quay for {i + 2} days, the port company said."}
          for i in range(17)]


@pytest.fixture(scope="module")
def archive_app(tmp_path_factory, real_embedder, kit) -> Iterator:
    """Its own app and store (this module removes and adds articles)."""
    home = tmp_path_factory.mktemp("archive-ui") / "home"
    served = kit.LiveApp(kit.live_services(home, real_embedder, articles=kit.ARTICLES + FILLER))
    yield served
    served.close()


def open_archive(tab: Page) -> None:
    tab.page.get_by_role("tab", name="Archive").click()
    tab.page.wait_for_selector("#nd-archive-caption .nd-panel-note")


def caption(tab: Page) -> str:
    return tab.page.locator("#nd-archive-caption").inner_text()


def test_a_source_card_opens_the_whole_article_at_its_quote(browser, archive_app, artifacts, kit):  # noqa: F811
    tab = Page(browser, archive_app.url)
    page = tab.page
    tab.ask(kit.QUESTION)
    page.wait_for_selector("#nd-chat .nd-final", timeout=90_000)
    card = page.locator("#nd-sources-box .nd-card.nd-cited").first
    card.locator("details.nd-read > summary").click()
    reader = card.locator(".nd-reader")
    reader.wait_for(state="visible")
    palmyra = next(a for a in kit.ARTICLES if "Palmyra" in a["title"])
    assert palmyra["text"].split(". ")[-1] in reader.inner_text()  # the last sentence: the whole article
    quote = reader.locator("mark.nd-read-quote").first
    page.wait_for_timeout(300)
    box, pane = quote.bounding_box(), reader.bounding_box()
    assert pane["width"] > 600  # over the page, not squeezed into the sources column
    assert pane["y"] <= box["y"] and box["y"] + box["height"] <= pane["y"] + pane["height"]  # scrolled to
    page.screenshot(path=str(artifacts / "reader-from-source-card.png"))
    page.keyboard.press("Escape")
    reader.wait_for(state="hidden")
    assert tab.outside == []
    tab.close()


def test_archive_list_searches_pages_reads_and_removes(browser, archive_app, artifacts):  # noqa: F811
    tab = Page(browser, archive_app.url)
    page = tab.page
    open_archive(tab)
    assert "Articles 1–20 of 25 · page 1 of 2" in caption(tab)
    page.locator("#nd-page-older").click()
    page.wait_for_function("document.querySelector('#nd-archive-caption').innerText.includes('page 2 of 2')")
    assert "Articles 21–25 of 25" in caption(tab) and "Harbour works, part 0" in page.locator("#nd-archive-table").inner_text()
    page.locator("#nd-page-newer").click()
    page.wait_for_function("document.querySelector('#nd-archive-caption').innerText.includes('page 1 of 2')")
    page.locator("#nd-archive-search textarea, #nd-archive-search input").first.fill("samsung")
    page.wait_for_function("document.querySelector('#nd-archive-caption').innerText.includes('of 1 matching')")
    cell = page.locator("#nd-archive-table").get_by_text("Samsung heir Lee Jae-yong arrested")
    cell.last.click()  # the first copy sits in the hidden table Gradio measures columns with
    page.wait_for_selector("#nd-article-view .nd-article")
    view = page.locator("#nd-article-view").inner_text()
    assert "bribery in a corruption scandal" in view and "BBC" in view and "words" in view
    page.screenshot(path=str(artifacts / "archive-list-reader.png"), full_page=True)
    page.locator("#nd-remove").click()
    page.wait_for_selector("#nd-remove-out .nd-panel-note")
    assert "Removed “Samsung heir Lee Jae-yong arrested”" in page.locator("#nd-remove-out").inner_text()
    page.wait_for_function("document.querySelector('#nd-archive-caption').innerText.includes('No article matching')")
    assert archive_app.services.indexer.store.article("http://www.bbc.co.uk/news/world-asia-38997370") is None
    assert archive_app.services.indexer.store.stats().articles == 24
    page.screenshot(path=str(artifacts / "archive-list-removed.png"), full_page=True)
    tab.close()


def test_upload_with_outlet_and_date(browser, archive_app, artifacts, tmp_path):  # noqa: F811
    upload = tmp_path / "sinirlioglu.txt"
    upload.write_text("Sinirlioğlu holds talks in Moscow\n\nTurkey's foreign ministry undersecretary Feridun "
                      "Sinirlioğlu held talks with Russian officials in Moscow on Oct. 1.", encoding="utf-8")
    tab = Page(browser, archive_app.url)
    page = tab.page
    open_archive(tab)
    page.locator("#nd-uploads input[type=file]").set_input_files(str(upload))
    page.locator("#nd-uploads").get_by_text("sinirlioglu").first.wait_for(timeout=30_000)
    page.locator("#nd-meta-source textarea, #nd-meta-source input").first.fill("Hürriyet Daily News")
    page.locator("#nd-meta-date textarea, #nd-meta-date input").first.fill("2015-10-03")
    page.locator("#nd-ingest").click()
    page.wait_for_selector("#nd-ingest-out .nd-report-counts", timeout=120_000)
    report = page.locator("#nd-ingest-out").inner_text()
    assert "added 1" in report and "Sinirlioğlu holds talks in Moscow" in report
    page.wait_for_function("document.querySelector('#nd-archive-line').innerText.includes('3 Oct 2015')",
                           timeout=30_000)
    page.locator("#nd-archive-search textarea, #nd-archive-search input").first.fill("Sinirlioğlu")
    page.wait_for_function("document.querySelector('#nd-archive-caption').innerText.includes('of 1 matching')")
    table = page.locator("#nd-archive-table").inner_text()
    assert "Hürriyet Daily News" in table and "2015-10-03" in table
    assert "unknown" not in page.locator("#nd-stats").inner_text()
    page.screenshot(path=str(artifacts / "archive-upload-metadata.png"), full_page=True)
    tab.close()


def test_the_reader_scrolls_a_long_article_to_its_quote(browser, archive_app, artifacts, shared_dir):  # noqa: F811
    """The shared sample (a 715-word Hürriyet Daily News page, a bare .txt) given its outlet and date; its
    answer sits near the end, so the reader must scroll to it."""
    from index.defaults import ArticleDefaults

    sample = shared_dir / "samples" / "000_0be134a1780ed82a.txt"
    archive_app.services.indexer.ingest([sample], defaults=ArticleDefaults.parse("Hürriyet Daily News", "2015-10-03"))
    tab = Page(browser, archive_app.url)
    page = tab.page
    tab.ask("How long could Russia's air strike campaign in Syria last, according to the State Duma?")
    page.wait_for_selector("#nd-chat .nd-final", timeout=90_000)
    card = page.locator("#nd-sources-box .nd-card.nd-cited").filter(has_text="Hürriyet Daily News").first
    quote = card.locator(".nd-passage").filter(has_text="three to four months")
    quote.locator("a.nd-open-at").click()  # open the article at this quote, not at the card's first
    reader = card.locator(".nd-reader")
    reader.wait_for(state="visible")
    page.wait_for_timeout(300)
    assert reader.evaluate("el => el.scrollTop") > 200  # scrolled down to the quote
    mark = reader.locator("mark.nd-read-quote").filter(has_text="three to four months")
    box, pane = mark.bounding_box(), reader.bounding_box()
    assert pane["y"] <= box["y"] and box["y"] + box["height"] <= pane["y"] + pane["height"]
    page.screenshot(path=str(artifacts / "reader-long-article.png"))
    reader.locator(".nd-reader-close").click()
    reader.wait_for(state="hidden")
    tab.close()
