"""Stop in a real headless Chromium, at every moment of a turn, then Ask again at
once (no pause): the page is ready, the sources panel says "Stopped", and the
next question is answered.

The moments are made deterministic by a pacing wrapper around the real answerer
(real store, real MiniLM, extractive answers) that holds its answer for a long
time at one moment of the first question; one test does the same with the
embedded Qwen model, stopping before its first token.
"""

from __future__ import annotations

import time

import pytest

from qa.answer import Done, TextDelta
from tests.ui.test_browser import Page, browser, real_llm  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow
HOLD_S = 60  # far longer than any wait below: an answer that waited for it would fail the test
LAST_BOT = "() => { const m = document.querySelectorAll('#nd-chat .bot-row'); return m.length ? m[m.length - 1] : null; }"


class HeldQA:
    """The real answerer, holding its first answer for HOLD_S at one moment
    (before retrieval, after the sources, mid-stream, during verification)."""

    def __init__(self, qa: object, moment: str) -> None:
        self._qa, self.moment, self.calls = qa, moment, 0

    def __getattr__(self, name: str) -> object:
        return getattr(self._qa, name)

    def _hold(self, moment: str, first: bool) -> None:
        if first and moment == self.moment:
            time.sleep(HOLD_S)

    def ask_stream(self, question, history=(), **options):
        self.calls += 1
        first = self.calls == 1
        self._hold("before retrieval", first)
        for event in self._qa.ask_stream(question, history, **options):
            if isinstance(event, TextDelta) and len(event.text) > 20:
                half = len(event.text) // 2
                self._hold("after sources", first)
                yield TextDelta(event.text[:half])
                self._hold("mid-stream", first)
                yield TextDelta(event.text[half:])
                continue
            if isinstance(event, Done):
                self._hold("during verification", first)
            elif isinstance(event, TextDelta):
                self._hold("after sources", first)
            yield event


# What the page shows at each moment, i.e. when the user sees something to stop.
SEEN = {"before retrieval": "#nd-chat .bot-row .nd-status",
        "after sources": "#nd-sources-box .nd-card",
        "mid-stream": "#nd-chat .bot-row .nd-streaming",
        "during verification": "#nd-chat .bot-row .nd-streaming"}


def stop_then_ask_at_once(page, tab, moment: str, question: str, answer_timeout_ms: int) -> float:
    """Press Stop once `moment` is on screen, wait for "Stopped", ask `question` at once; seconds to its answer."""
    page.wait_for_selector(SEEN[moment], timeout=120_000)
    page.locator("#nd-stop").click()
    page.wait_for_function(f"() => {{ const m = ({LAST_BOT})(); return m && m.innerText.includes('Stopped'); }}",
                           timeout=15_000)
    assert "Stopped" in page.locator("#nd-sources-box").inner_text()
    assert "writing the answer" not in page.locator("#nd-sources-box").inner_text()
    t0 = time.perf_counter()
    tab.ask(question)
    page.wait_for_function("() => { const m = document.querySelectorAll('#nd-chat .bot-row');"
                           " return m.length == 2 && m[1].querySelector('.nd-final:not(.nd-stopped)'); }",
                           timeout=answer_timeout_ms)
    return time.perf_counter() - t0


@pytest.mark.parametrize("moment", list(SEEN))
def test_stop_at_any_moment_then_ask_again_at_once(browser, real_embedder, tmp_path, artifacts, kit, moment):
    services = kit.live_services(tmp_path / "home", real_embedder)
    services.qa = HeldQA(services.qa, moment)
    served = kit.LiveApp(services)
    try:
        tab = Page(browser, served.url)
        page = tab.page
        tab.ask("What happened to Samsung's heir?")
        took = stop_then_ask_at_once(page, tab, moment, kit.QUESTION, answer_timeout_ms=(HOLD_S - 20) * 1000)
        print(f"{moment}: next answer {took:.1f} s after Stop")
        rows = page.locator("#nd-chat .bot-row")
        assert "Stopped" in rows.first.inner_text() and "Stopped" not in rows.last.inner_text()
        assert page.locator("#nd-sources-box .nd-card mark.nd-quote").first.is_visible()
        assert page.locator(".toast-wrap .toast-body, .error").count() == 0  # no red "Error" badge
        page.screenshot(path=str(artifacts / f"chat-stop-{moment.replace(' ', '-')}.png"))
        assert tab.outside == []
        tab.close()
    finally:
        served.close()


def test_real_model_stopped_before_its_first_token_answers_the_next_question(browser, real_embedder, real_llm,
                                                                              tmp_path, artifacts, kit):
    """With the embedded Qwen model: Stop while it reads the passages (no token yet), then ask at once."""
    served = kit.LiveApp(kit.live_services(tmp_path / "home", real_embedder, llm=real_llm))
    try:
        tab = Page(browser, served.url)
        page = tab.page
        tab.ask("What happened to Samsung's heir?")
        took = stop_then_ask_at_once(page, tab, "after sources", kit.QUESTION, answer_timeout_ms=300_000)
        print(f"real model: next answer {took:.1f} s after Stop")
        assert "Stopped" in page.locator("#nd-chat .bot-row").first.inner_text()
        page.screenshot(path=str(artifacts / "chat-stop-real-model.png"))
        tab.close()
    finally:
        served.close()
