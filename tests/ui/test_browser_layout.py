"""The chat's layout in a real headless Chromium at phone (390x844) and desktop
(1280x800) sizes: the question box and the latest answer on the first screen,
filters folded on the phone, one page scroll (no scroll area inside it), and the
chat's trash icon never under a message's copy icon. Screenshots of both sizes
go to artifacts/ (chat-phone.png, chat-desktop.png).
"""

from __future__ import annotations

import pytest

from tests.ui.test_browser import Page, browser  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 800}
QUESTIONS = ["What did the Syrian army retake near Palmyra?", "What did Martin Schulz promise?",
             "Who was arrested in South Korea?"]

# Elements of the chat tab that scroll on their own (content taller than the box, overflow auto/scroll).
INNER_SCROLLERS = """() => [...document.querySelectorAll('#nd-chat, #nd-chat *, #nd-sources-box, #nd-sources-box *')]
  .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY) && e.scrollHeight > e.clientHeight + 2)
  .map(e => e.id || e.className)"""
# The scroll positions of the chat (every 4 px; the page's own when the chat does not scroll) at which a
# visible copy icon of a message lies under the chat's trash (clear) icon.
OVER_TRASH = """() => { const wrap = document.querySelector('#nd-chat .bubble-wrap');
  const scroller = wrap.scrollHeight > wrap.clientHeight + 2 ? wrap : document.scrollingElement;
  const hits = [];
  for (let y = 0; y <= scroller.scrollHeight; y += 4) {
    scroller.scrollTop = y;
    const t = document.querySelector('#nd-chat .top-panel').getBoundingClientRect();
    const clip = scroller === wrap ? wrap.getBoundingClientRect() : {top: 0, bottom: innerHeight};
    const over = [...document.querySelectorAll('#nd-chat .message-buttons button')].map(b => b.getBoundingClientRect())
      .map(r => ({left: r.left, right: r.right, top: Math.max(r.top, clip.top), bottom: Math.min(r.bottom, clip.bottom)}))
      .filter(r => r.bottom > r.top)  // the part the chat's scrolling leaves visible
      .filter(r => r.left < t.right && r.right > t.left && r.top < t.bottom && r.bottom > t.top);
    if (over.length) hits.push(y);
  }
  return hits; }"""


def on_screen(page, selector: str, height: int) -> bool:
    box = page.locator(selector).last.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + min(box["height"], 120) <= height


def ask_all(tab) -> None:
    for n, question in enumerate(QUESTIONS, 1):
        tab.ask(question)
        tab.page.wait_for_function(f"document.querySelectorAll('#nd-chat .nd-final').length == {n}", timeout=60_000)
    tab.page.wait_for_timeout(900)  # the smooth scroll to the new question


def test_phone_shows_the_question_box_and_the_latest_answer_on_one_scrolling_page(browser, live_app, artifacts):
    tab = Page(browser, live_app.url)
    tab.context.close()
    tab.context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab.page = tab.context.new_page()
    tab.page.goto(live_app.url)
    page = tab.page
    page.wait_for_selector("#nd-question textarea")
    page.wait_for_timeout(500)
    assert not page.locator("#nd-filters").is_visible()  # folded into the "Filters" row
    assert page.locator("#nd-filters-fold").get_by_text("Filters").is_visible()
    assert on_screen(page, "#nd-question", PHONE["height"])
    page.locator("#nd-filters-fold").get_by_text("Filters").click()
    page.wait_for_timeout(300)
    assert page.locator("#nd-filters").is_visible()  # and it opens
    page.locator("#nd-filters-fold").get_by_text("Filters").click()
    ask_all(tab)
    assert on_screen(page, "#nd-question", PHONE["height"])
    assert on_screen(page, "#nd-chat .user-row", PHONE["height"])  # the new question, its answer below it
    assert on_screen(page, "#nd-chat .bot-row", PHONE["height"])
    assert page.evaluate(INNER_SCROLLERS) == []
    assert not page.locator("#nd-chat .scroll-down-button-container button").is_visible()
    assert page.evaluate(OVER_TRASH) == []
    # the feedback hint takes the screen's width, the export button below it (it had been squeezed beside it)
    hint, export = page.locator("#nd-feedback-hint").bounding_box(), page.locator("#nd-export").bounding_box()
    assert hint["width"] >= 0.8 * PHONE["width"] - 40 and export["y"] >= hint["y"] + hint["height"] - 1
    page.evaluate("() => { const r = document.querySelectorAll('#nd-chat .user-row'); r[r.length - 1].scrollIntoView(); }")
    page.screenshot(path=str(artifacts / "chat-phone.png"))
    tab.close()


def test_desktop_has_the_question_box_on_screen_and_icons_apart(browser, live_app, artifacts):
    tab = Page(browser, live_app.url)
    tab.context.close()
    tab.context = browser.new_context(viewport=DESKTOP)
    tab.page = tab.context.new_page()
    tab.page.goto(live_app.url)
    page = tab.page
    page.wait_for_selector("#nd-question textarea")
    assert page.locator("#nd-filters").is_visible()
    assert on_screen(page, "#nd-question", DESKTOP["height"])
    ask_all(tab)
    assert on_screen(page, "#nd-question", DESKTOP["height"])
    assert page.evaluate(OVER_TRASH) == []
    page.locator("#nd-chat .bubble-wrap").evaluate("e => e.scrollTop = e.scrollHeight")
    page.wait_for_timeout(200)
    page.screenshot(path=str(artifacts / "chat-desktop.png"))
    tab.close()
