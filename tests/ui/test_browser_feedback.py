"""👍/👎 on an answer, the expected answer, the Markdown export and the Evaluate tab (one progress bar, the
marked answers run as a set, the run's files downloaded) in a real headless Chromium.

Uses the browser and page helpers of test_browser.py; extractive answers over the fixture archive.
Screenshots go to artifacts/.
"""

from __future__ import annotations

import json
import time

import pytest
from test_browser import Page, browser  # noqa: F401 - `browser` is a fixture used by name

from eval.feedback_log import feedback_path, read_feedback

pytestmark = pytest.mark.slow

PROGRESS = "#nd-evaluate-panel [role=progressbar]:visible"
ETA = "#nd-evaluate-panel .eta-bar:visible"


def _records(home) -> list:
    return [r for _, r in read_feedback(feedback_path(home))] if feedback_path(home).exists() else []


def test_mark_an_answer_give_the_expected_answer_and_export(browser, live_app, tmp_path, artifacts, kit):
    home = live_app.services.settings.home
    before = len(_records(home))
    tab = Page(browser, live_app.url)
    page = tab.page
    assert page.locator("#nd-export").is_disabled()  # nothing to export before an answer
    tab.ask(kit.QUESTION)
    page.wait_for_selector("#nd-chat .nd-final", timeout=60_000)
    page.locator("#nd-chat").get_by_role("button", name="Dislike").last.click()
    page.wait_for_selector("#nd-feedback-note:has-text('Answer 1 marked 👎 wrong')", timeout=15_000)
    page.locator("#nd-feedback-expected textarea").fill("Tias and El Beida")
    page.locator("#nd-feedback-save").click()
    page.wait_for_selector("#nd-feedback-note:has-text('with the expected answer')", timeout=15_000)
    page.screenshot(path=str(artifacts / "feedback.png"), full_page=True)
    records = _records(home)[before:]
    assert [(r.question, r.verdict, r.expected) for r in records] == [
        (kit.QUESTION, "down", None), (kit.QUESTION, "down", "Tias and El Beida")]

    page.wait_for_function("!document.querySelector('#nd-export').disabled", timeout=15_000)
    with page.expect_download(timeout=15_000) as download:
        page.locator("#nd-export").click()
    saved = tmp_path / "conversation.md"
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    cited = records[0].citations[0]
    assert f"## 1. {kit.QUESTION}" in text and f"<{cited['url']}>" in text and cited["source"] in text
    assert "   > " in text and download.value.suggested_filename.startswith("newsdesk-conversation-")
    tab.close()


def test_evaluate_tab_runs_the_marked_answers_with_one_progress_bar_and_downloads(browser, live_app, tmp_path,
                                                                                     artifacts, kit):
    home = live_app.services.settings.home
    if not _records(home):  # this test alone: mark an answer through the page first
        tab = Page(browser, live_app.url)
        tab.ask(kit.QUESTION)
        tab.page.wait_for_selector("#nd-chat .nd-final", timeout=60_000)
        tab.page.locator("#nd-chat").get_by_role("button", name="Like").last.click()
        tab.page.wait_for_selector("#nd-feedback-note:has-text('marked 👍 good')", timeout=15_000)
        tab.close()
    tab = Page(browser, live_app.url)
    page = tab.page
    page.get_by_role("tab", name="Evaluate").click()
    page.locator("#nd-eval-set input").click()
    page.get_by_role("option", name="feedback — answers marked good or wrong in the chat").click()
    page.locator("#nd-run-eval").click()
    page.wait_for_selector("#nd-eval-summary .nd-stat", timeout=120_000)
    assert "questions (" in page.locator("#nd-eval-summary").inner_text()
    files = page.locator("#nd-eval-files")
    files.wait_for(timeout=15_000)
    listed = files.inner_text().replace("\n.", ".")  # the page breaks each name before its extension
    assert all(name in listed for name in (".zip", "report.md", "results.jsonl", "summary.json", "latency.png"))
    with page.expect_download(timeout=15_000) as download:
        files.locator("tr", has_text="report").locator("a[download]").first.click()
    report = tmp_path / "report.md"
    download.value.save_as(report)
    assert report.read_text(encoding="utf-8").startswith("# Newsdesk evaluation")
    page.screenshot(path=str(artifacts / "evaluate-feedback.png"), full_page=True)

    # A longer run, to watch its progress: one bar, however many outputs are pending.
    many = tmp_path / "many.jsonl"
    many.write_text("".join(json.dumps({"id": f"q{i}", "question": f"{q} ({i})", "answers": ["x"], "type": "factoid",
                                        "gold_articles": []}) + "\n"
                            for i, q in enumerate([kit.QUESTION, "How strong was Storm Doris?"] * 15)))
    page.locator("#nd-eval-upload input[type=file]").set_input_files(str(many))
    page.locator("#nd-eval-upload").get_by_text("many").first.wait_for(timeout=30_000)
    page.locator("#nd-eval-limit input").fill("")
    page.locator("#nd-run-eval").click()
    seen, deadline = [], time.time() + 120
    while time.time() < deadline and len(seen) < 8:
        counts = (page.locator(PROGRESS).count(), page.locator(ETA).count())
        if counts[0]:
            seen.append(counts)
            if len(seen) == 3:
                page.screenshot(path=str(artifacts / "evaluate-progress.png"), full_page=True)
        page.wait_for_timeout(300)
    print("progress bars, eta bars while running:", seen)
    assert seen and all(bars + eta == 1 for bars, eta in seen), seen
    page.wait_for_selector("#nd-eval-summary:has-text('30')", timeout=300_000)
    tab.close()
