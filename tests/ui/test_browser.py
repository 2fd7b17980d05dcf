"""The app in a real headless Chromium (Debian's /usr/bin/chromium driven by
Playwright): ask, see sources with the quote highlighted, click a citation,
stop an answer, two sessions side by side, the empty archive, the Archive and
Evaluate tabs, and nothing fetched from outside this machine.

Screenshots go to artifacts/ (gitignored). Most tests use extractive answers;
`test_real_model_streams_stops_and_answers` uses the embedded Qwen model.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1440, "height": 960}


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (`make browser` or `apt-get install chromium` installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A browser tab on the app that records every request leaving this machine."""

    def __init__(self, browser, url: str) -> None:
        self.context = browser.new_context(viewport=VIEWPORT)
        self.page = self.context.new_page()
        self.outside: list[str] = []
        self.page.on("request", self._note)
        self.page.goto(url)
        self.page.wait_for_selector("#nd-question textarea")

    def _note(self, request) -> None:
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in ("127.0.0.1", "localhost"):
            self.outside.append(request.url)

    def ask(self, question: str) -> None:
        self.page.locator("#nd-question textarea").fill(question)
        self.page.locator("#nd-ask").click()

    def close(self) -> None:
        self.context.close()


def test_ask_see_sources_and_click_a_citation(browser, live_app, artifacts, kit):
    tab = Page(browser, live_app.url)
    page = tab.page
    assert page.locator("#nd-chat").get_by_text("Syrian army gaining ground").count() == 0
    tab.ask(kit.QUESTION)
    page.wait_for_selector("#nd-chat .nd-final", timeout=60_000)
    quote = page.locator("#nd-sources-box .nd-card mark.nd-quote").first
    assert quote.is_visible() and len(quote.inner_text()) > 10
    first_card = page.locator("#nd-sources-box .nd-card").first
    assert "TASS" in first_card.inner_text() and "Palmyra" in first_card.inner_text()
    citation = page.locator("#nd-chat a.nd-cite").last
    target = citation.get_attribute("href").lstrip("#")
    citation.click()
    card = page.locator(f"#{target}")
    card.evaluate("el => new Promise(r => setTimeout(r, 50))")
    assert "nd-flash" in (card.get_attribute("class") or "")  # the card lights up its quote
    assert card.is_visible() and card.locator("mark.nd-quote").is_visible()
    page.wait_for_timeout(700)  # mid-flash, for the screenshot
    page.screenshot(path=str(artifacts / "chat-answer.png"))
    assert tab.outside == [], f"the page fetched from outside: {tab.outside}"
    tab.close()


def test_follow_up_shows_the_standalone_question_and_new_chat_clears(browser, live_app, kit):
    tab = Page(browser, live_app.url)
    page = tab.page
    tab.ask("What did the Russian General Staff say about Palmyra?")
    page.wait_for_selector("#nd-chat .nd-final", timeout=60_000)
    tab.ask("And what did he say about the road?")
    page.wait_for_function("document.querySelectorAll('#nd-chat .nd-final').length == 2", timeout=60_000)
    follow_up = page.locator("#nd-chat .bot-row").last
    assert "Understood as:" in follow_up.locator(".nd-foot").inner_text()  # the standalone question, discreetly
    assert page.locator("#nd-sources-box details.nd-earlier").count() == 1  # earlier sources kept, folded
    page.locator("#nd-new").click()
    page.wait_for_function("document.querySelectorAll('#nd-chat .nd-final').length == 0", timeout=10_000)
    assert "Sources appear here" in page.locator("#nd-sources-box").inner_text()
    tab.close()


def test_abstention_is_styled_and_lists_the_closest_articles(browser, live_app, artifacts):
    tab = Page(browser, live_app.url)
    page = tab.page
    tab.ask("How do I bake sourdough bread at home?")
    page.wait_for_selector("#nd-chat .nd-final", timeout=60_000)
    abstain = page.locator("#nd-chat .nd-abstain")
    assert abstain.is_visible() and "The archive doesn't say." in abstain.inner_text()
    assert abstain.locator("li").count() >= 1
    assert page.locator("#nd-sources-box .nd-cited").count() == 0
    assert "closest the archive has" in page.locator("#nd-sources-box").inner_text()
    page.screenshot(path=str(artifacts / "abstention.png"))
    tab.close()


def test_example_questions_come_from_the_archive_and_can_be_asked(browser, live_app):
    tab = Page(browser, live_app.url)
    page = tab.page
    example = page.locator("#nd-chat").get_by_text("Bus Éireann strike ends after talks")
    example.first.click()
    page.wait_for_selector("#nd-chat .nd-final", timeout=60_000)
    assert "What did RTÉ report about “Bus Éireann strike ends after talks”?" in page.locator("#nd-chat").inner_text()
    assert "RTÉ" in page.locator("#nd-sources-box .nd-card").first.inner_text()
    tab.close()


def test_two_sessions_see_only_their_own_conversation(browser, live_app, artifacts):
    a, b = Page(browser, live_app.url), Page(browser, live_app.url)
    a.ask("Who was arrested in South Korea?")
    b.ask("What did Martin Schulz promise?")
    for tab in (a, b):
        tab.page.wait_for_selector("#nd-chat .nd-final", timeout=90_000)
    chat_a, chat_b = a.page.locator("#nd-chat").inner_text(), b.page.locator("#nd-chat").inner_text()
    assert "South Korea" in chat_a and "Schulz" not in chat_a
    assert "Schulz" in chat_b and "South Korea" not in chat_b
    assert "Lee Jae-yong" in a.page.locator("#nd-sources-box .nd-cited").first.inner_text()
    for tab, other in ((a, "What did Martin Schulz promise?"), (b, "Who was arrested in South Korea?")):
        assert other not in tab.page.content()  # nothing of the other session, in the chat or the sources
    b.page.screenshot(path=str(artifacts / "second-session.png"))
    a.close()
    b.close()


def test_empty_archive_explains_what_to_do(browser, real_embedder, tmp_path, artifacts, kit):
    served = kit.LiveApp(kit.live_services(tmp_path / "home", real_embedder, articles=[]))
    try:
        tab = Page(browser, served.url)
        page = tab.page
        empty = page.locator("#nd-empty")
        empty.wait_for(state="visible")
        page.locator("#nd-demo").wait_for(state="visible", timeout=10_000)
        assert "newsdesk ingest" in empty.inner_text()
        page.screenshot(path=str(artifacts / "empty-archive.png"), full_page=True)
        tab.ask("What happened in Palmyra?")
        page.wait_for_selector("#nd-chat .nd-error", timeout=30_000)
        assert "empty" in page.locator("#nd-chat .nd-error").inner_text().lower()
        assert "Traceback" not in page.content()
        tab.close()
    finally:
        served.close()


def test_archive_tab_uploads_and_shows_stats(browser, live_app, tmp_path, artifacts):
    upload = tmp_path / "dublin-port.txt"
    upload.write_text("Dublin port dockers strike\n\nDate: 2017-03-21\nSource: RTÉ\n\nDockers at Dublin Port "
                      "stopped work for 24 hours over pay.", encoding="utf-8")
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    tab = Page(browser, live_app.url)
    page = tab.page
    page.get_by_role("tab", name="Archive").click()
    page.wait_for_selector("#nd-stats .nd-stat")
    page.locator("#nd-uploads input[type=file]").set_input_files([str(upload), str(broken)])
    page.locator("#nd-uploads").get_by_text("broken").first.wait_for(timeout=30_000)
    page.locator("#nd-ingest").click()
    page.wait_for_selector("#nd-ingest-out .nd-report-counts", timeout=120_000)
    report = page.locator("#nd-ingest-out").inner_text()
    assert "added 1" in report and "failed 1" in report and "broken.jsonl" in report
    page.wait_for_timeout(1500)  # stats and chart refresh after the ingest
    assert "RTÉ" in page.locator("#nd-stats").inner_text()
    page.screenshot(path=str(artifacts / "archive.png"), full_page=True)
    tab.close()


def test_evaluate_tab_runs_a_question_set(browser, live_app, tmp_path, artifacts):
    questions = tmp_path / "fixture-questions.jsonl"
    questions.write_text("".join(json.dumps(q) + "\n" for q in [
        {"id": "f1", "question": "Which communities near Palmyra did the Syrian army regain?",
         "answers": ["Tias"], "type": "factoid", "gold_articles": ["http://tass.com/world/929472"]},
        {"id": "f2", "question": "How fast were the winds of Storm Doris?", "answers": ["94 mph"],
         "type": "factoid", "gold_articles": ["http://www.bbc.co.uk/news/uk-39067613"]},
        {"id": "f3", "question": "Who won the 2031 Eurovision song contest?", "answers": [],
         "type": "unanswerable", "gold_articles": []},
    ]))
    tab = Page(browser, live_app.url)
    page = tab.page
    page.get_by_role("tab", name="Evaluate").click()
    page.locator("#nd-eval-upload input[type=file]").set_input_files(str(questions))
    page.locator("#nd-eval-upload").get_by_text("fixture-questions").first.wait_for(timeout=30_000)
    page.locator("#nd-run-eval").click()
    page.wait_for_selector("#nd-eval-summary .nd-stat", timeout=180_000)
    assert "3" in page.locator("#nd-eval-summary .nd-stat").first.inner_text()
    table = page.locator("#nd-eval-table").inner_text()
    assert "Storm Doris" in table and "(not in the archive)" in table
    page.wait_for_timeout(1000)
    page.screenshot(path=str(artifacts / "evaluate.png"), full_page=True)
    tab.close()


@pytest.fixture(scope="module")
def real_llm():
    from qa.settings import Settings
    from qa.llm import EmbeddedLLM

    path = Settings().llm_path
    if not path.is_file():
        pytest.fail(f"answer model missing at {path}: run `make models` first")
    return EmbeddedLLM(path)


class PacedLLM:
    """The real model, but each streamed piece waits a moment.

    A CI run once finished a short answer between "text is streaming" and the
    Stop click, so Stop had nothing to cut. The pause keeps the answer
    streaming long enough to be stopped; everything else is the model's own.
    """

    def __init__(self, llm: object, pause_s: float = 0.3) -> None:
        self._llm, self._pause_s = llm, pause_s

    def __getattr__(self, name: str) -> object:
        return getattr(self._llm, name)

    def stream(self, messages: list[dict], **options: object):
        for piece in self._llm.stream(messages, **options):
            time.sleep(self._pause_s)
            yield piece


def test_real_model_streams_stops_and_answers(browser, real_embedder, real_llm, tmp_path, artifacts, kit):
    """With the embedded Qwen model: Stop cuts an answer short and frees the model for the next question."""
    served = kit.LiveApp(kit.live_services(tmp_path / "home", real_embedder, llm=PacedLLM(real_llm)))
    try:
        tab = Page(browser, served.url)
        page = tab.page
        tab.ask("What happened to Samsung's heir?")
        page.wait_for_selector("#nd-sources-box .nd-card", timeout=120_000)  # sources before any text
        page.wait_for_function("() => { const m = document.querySelectorAll('#nd-chat .bot-row');"
                               " return m.length && !m[m.length - 1].querySelector('.nd-status'); }",
                               timeout=240_000)  # text is streaming
        page.locator("#nd-stop").click()
        page.locator("#nd-chat").get_by_text("Stopped").wait_for(timeout=30_000)
        tab.ask(kit.QUESTION)  # at once: Stop no longer goes through Gradio's /cancel (ui/turns.py)
        page.wait_for_function("() => { const m = document.querySelectorAll('#nd-chat .bot-row');"
                               " return m.length == 2 && m[1].querySelector('.nd-final'); }", timeout=300_000)
        assert "Stopped" in page.locator("#nd-chat .bot-row").first.inner_text()
        assert page.locator("#nd-sources-box .nd-card mark.nd-quote").first.is_visible()
        if page.locator("#nd-chat a.nd-cite").count():
            page.locator("#nd-chat a.nd-cite").last.click()
            page.wait_for_timeout(600)
        page.screenshot(path=str(artifacts / "chat-real-model.png"))
        assert tab.outside == []
        tab.close()
    finally:
        served.close()


def test_chat_logins_see_no_write_controls_and_admins_do(browser, real_embedder, tmp_path, artifacts, kit):
    """With --admin set, a chat login's Archive tab has stats but no upload, folder box or rebuild."""
    root = tmp_path / "news"
    root.mkdir()
    services = kit.live_services(tmp_path / "home", real_embedder, articles=kit.ARTICLES[:2], ingest_roots=[root])
    served = kit.LiveApp(services, users=[("reader", "read-pw")], admins=[("chief", "chief-pw")])
    try:
        for user, password in (("reader", "read-pw"), ("chief", "chief-pw")):
            context = browser.new_context(viewport=VIEWPORT)
            page = context.new_page()
            page.goto(served.url)
            page.locator("input[type=text]").first.fill(user)
            page.locator("input[type=password]").fill(password)
            page.get_by_role("button", name="Login").click()
            page.wait_for_selector("#nd-question textarea", timeout=30_000)
            page.get_by_role("tab", name="Archive").click()
            page.wait_for_selector("#nd-stats .nd-stat")
            page.wait_for_timeout(1000)  # the role view is applied on load
            if user == "reader":
                assert page.locator("#nd-chat-only").is_visible()
                assert not page.locator("#nd-uploads").is_visible() and not page.locator("#nd-rebuild").is_visible()
            else:
                assert page.locator("#nd-uploads").is_visible() and page.locator("#nd-rebuild").is_visible()
                assert not page.locator("#nd-chat-only").is_visible()
                folder = page.locator("#nd-folder")
                assert folder.is_visible() and str(root.resolve()) in folder.inner_text()
            page.screenshot(path=str(artifacts / f"archive-{user}.png"), full_page=True)
            context.close()
    finally:
        served.close()
