"""The Timeline view and the Who said what form in a real headless Chromium, over the fixture story
(tests/fixtures/timeline) indexed with the real MiniLM, extractive answers. Screenshots go to artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.test_browser import Page, browser  # noqa: F401  (the module-scoped browser fixture)

pytestmark = pytest.mark.slow
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "timeline"
STORY_DAYS = ["2017-02-20", "2017-02-28", "2017-03-13", "2017-03-16"]


@pytest.fixture(scope="module")
def story_app(tmp_path_factory, real_embedder, kit):
    from ui.handlers import AppServices

    home = tmp_path_factory.mktemp("story") / "home"
    settings = kit.make_settings(home, llm="none")
    indexer = kit.make_indexer(settings.store, real_embedder)
    indexer.ingest([FIXTURES])
    served = kit.LiveApp(AppServices(settings, indexer=indexer, llm=None))
    yield served
    served.close()


def hover_each_dot(page, chart) -> list[str]:
    """Hover every dot of the chart (Vega draws SVG symbols) and collect the tooltip shown for each."""
    tips = []
    dots = chart.locator("g.mark-symbol.role-mark path")
    tip = page.locator("#vg-tooltip-element")
    for i in range(dots.count()):
        page.mouse.move(0, 0)  # off the chart: the last tooltip goes and cannot cover the next dot
        page.wait_for_timeout(100)
        box = dots.nth(i).bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_timeout(250)
        if tip.count() and tip.is_visible():
            tips.append(tip.inner_text())
    return tips


def test_timeline_offered_shown_in_order_charted_and_opening_the_reader(browser, story_app, artifacts):  # noqa: F811
    tab = Page(browser, story_app.url)
    page = tab.page
    assert not page.locator("#nd-timeline-offer").is_visible()
    tab.ask("How did the Old Mill bridge story develop?")
    page.wait_for_selector("#nd-chat .nd-final", timeout=60_000)
    offer = page.locator("#nd-timeline-offer")
    offer.wait_for(state="visible", timeout=10_000)
    assert "Old Mill bridge story" in offer.inner_text()
    offer.click()
    page.wait_for_selector("#nd-timeline-events li.nd-event", timeout=60_000)
    events = page.locator("#nd-timeline-events ol.nd-timeline li.nd-event")
    assert [events.nth(i).get_attribute("data-day") for i in range(events.count())] == STORY_DAYS
    first = events.first.inner_text()
    assert "20 Feb 2017" in first and "Engineers found cracks" in first and "Valley Times" in first
    assert "Also reported by" in events.nth(2).inner_text()
    assert "Undated (1)" in page.locator("#nd-timeline-events").inner_text()
    chart = page.locator("#nd-timeline-chart")
    chart.locator("canvas, svg").first.wait_for(timeout=20_000)
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.screenshot(path=str(artifacts / "timeline-view.png"), full_page=True)
    assert chart.locator("g.mark-symbol.role-mark path").count() == len(STORY_DAYS)
    tips = hover_each_dot(page, chart)
    page.screenshot(path=str(artifacts / "timeline-hover.png"))
    assert len(tips) == len(STORY_DAYS), tips
    assert any("Engineers found cracks" in t and "Valley Times" in t for t in tips), tips
    events.nth(1).locator("details.nd-read > summary").click()
    reader = events.nth(1).locator(".nd-reader")
    reader.wait_for(state="visible")
    mark = reader.locator("mark.nd-read-quote")
    assert mark.is_visible() and mark.inner_text().startswith("The town council voted on Tuesday")
    page.screenshot(path=str(artifacts / "timeline-reader.png"))
    page.keyboard.press("Escape")
    assert tab.outside == [], f"the page fetched from outside: {tab.outside}"
    tab.close()


def test_timeline_opened_directly_with_the_chats_filters(browser, story_app):  # noqa: F811
    tab = Page(browser, story_app.url)
    page = tab.page
    page.locator("#nd-since input, #nd-since textarea").first.fill("2017-03-01")
    page.locator("#nd-timeline-fold").get_by_text("Timeline").first.click()
    page.locator("#nd-timeline-topic input, #nd-timeline-topic textarea").first.fill("Old Mill bridge")
    page.locator("#nd-timeline-go").click()
    page.wait_for_selector("#nd-timeline-events li.nd-event", timeout=60_000)
    events = page.locator("#nd-timeline-events ol.nd-timeline li.nd-event")
    assert [events.nth(i).get_attribute("data-day") for i in range(events.count())] == STORY_DAYS[2:]
    assert "1 Mar 2017" in page.locator("#nd-timeline-events").inner_text()
    tab.close()


def test_who_said_what_form_cites_and_opens_the_article(browser, story_app, artifacts):  # noqa: F811
    tab = Page(browser, story_app.url)
    page = tab.page
    tab.ask("What did Keane say?")
    page.wait_for_selector("#nd-chat .nd-final", timeout=60_000)
    form = page.locator("#nd-chat .nd-wsw").last
    text = form.inner_text()
    assert "WHO SAID WHAT" in text.upper() and "Maria Keane" in text
    assert "The cracks were wider than anything we had measured before" in text and "Valley Times" in text
    assert not page.locator("#nd-timeline-offer").is_visible()
    citation = form.locator("a.nd-cite").first
    target = citation.get_attribute("href").lstrip("#")
    citation.click()
    card = page.locator(f"#{target}")
    assert card.is_visible() and "valley times" in card.inner_text().lower()
    page.screenshot(path=str(artifacts / "who-said-what.png"))
    card.locator("details.nd-read > summary").click()
    mark = card.locator(".nd-reader mark.nd-read-quote")
    mark.wait_for(state="visible")
    assert "Keane" in card.locator(".nd-reader").inner_text() and len(mark.inner_text()) > 10
    page.screenshot(path=str(artifacts / "who-said-what-reader.png"))
    tab.close()
