"""The served app driven over HTTP with gradio_client: streaming answers with
sources, filters, upload + ingest, concurrent sessions, chatting during an
ingest, and login required when --auth is set.

Real server on a free loopback port, real fixture store, real MiniLM,
extractive answers (no answer model) so each question takes about a second.
"""

from __future__ import annotations

import re
import threading
import time

import httpx
import pytest
from gradio_client import Client, handle_file

pytestmark = pytest.mark.slow


def client(url: str, **kw) -> Client:
    return Client(url, verbose=False, analytics_enabled=False, download_files=False, **kw)


def ask(c: Client, question: str, since: str = "", until: str = "", outlets: list[str] | None = None,
        k: int = 6) -> list[tuple]:
    """Every output the /ask stream sent, in order."""
    job = c.submit(question, [], since, until, outlets or [], k, api_name="/ask")
    job.result(timeout=120)
    return list(job.outputs())


def text_of(message: dict) -> str:
    content = message["content"]
    return "".join(b.get("text", "") for b in content) if isinstance(content, list) else str(content)


def cards(panel: str) -> list[tuple[str, str]]:
    """(outlet, date) of each source card for the latest question (earlier questions' sources are folded below)."""
    panel = panel.split("<details class='nd-earlier'>")[0]
    return re.findall(r'<span class="nd-outlet">([^<]+)</span><span class="nd-date">([^<]+)</span>', panel)


def test_streaming_answer_with_sources_first(live_app, kit):
    outputs = ask(client(live_app.url), kit.QUESTION)
    panels = [(i, o[1]) for i, o in enumerate(outputs) if isinstance(o[1], str) and "nd-card" in o[1]]
    first_sources = panels[0][0]
    assert "nd-final" not in text_of(outputs[first_sources][0][-1])  # sources shown before the answer is done
    chat, panel, box = outputs[-1]
    answer = text_of(chat[-1])
    assert text_of(chat[0]) == kit.QUESTION and box == ""
    assert "nd-final" in answer and 'class="nd-cite" href="#nd-src-1-1"' in answer
    assert 'id="nd-src-1-1"' in panel and '<mark class="nd-quote">' in panel
    assert ("TASS", "7 Feb 2017") in cards(panel) and "Palmyra" in panel


def test_filters_are_applied(live_app, kit):
    c = client(live_app.url)
    *_, (chat, panel, _) = ask(c, "What happened to the Syrian army and to Samsung?", outlets=["BBC"])
    assert cards(panel) and {outlet for outlet, _ in cards(panel)} == {"BBC"}
    *_, (chat, panel, _) = ask(c, "What news was there about strikes and storms?", since="2017-04-01")
    assert cards(panel) and {date for _, date in cards(panel)} == {"10 Apr 2017"}
    *_, (chat, panel, _) = ask(c, "Storm Doris", since="2017-02-30")
    assert "nd-error" in text_of(chat[-1]) and "must be a date" in text_of(chat[-1])


def test_upload_and_ingest_then_ask_about_it(live_app, tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text("Ferry strike halts Irish Sea crossings\n\nDate: 2017-03-20\nSource: RTÉ\n\n"
                    "Seafarers on the Irish Sea ferries walked out on Monday, halting crossings between "
                    "Dublin and Holyhead for the whole day.", encoding="utf-8")
    c = client(live_app.url)
    report = c.predict([handle_file(str(path))], "", api_name="/ingest")
    assert "added <b>1</b>" in report and "failed <b>0</b>" in report
    stats, _ = c.predict(api_name="/stats")
    assert f"<b>{len(live_app.services.indexer.store.manifest.articles())}</b><span>articles" in stats
    *_, (chat, panel, _) = ask(c, "Which crossings did the ferry strike halt?")
    assert "Ferry strike halts Irish Sea crossings" in panel
    kept = live_app.services.settings.home / "uploads" / "ferry.txt"
    assert kept.is_file()  # a copy outside Gradio's temp dir, so the index can be rebuilt


def test_api_cannot_pass_server_files_off_as_uploads(live_app, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Salaries\n\nDate: 2017-03-01\n\nThe editor's salary is confidential.", encoding="utf-8")
    forged = {"path": str(secret), "meta": {"_type": "gradio.FileData"}}  # named, never uploaded
    with httpx.Client(base_url=live_app.url.rstrip("/"), timeout=60) as http:
        event = http.post("/gradio_api/call/ingest", json={"data": [[forged], ""]}).json()["event_id"]
        stream = http.get(f"/gradio_api/call/ingest/{event}").text
    # Gradio refuses it before our handler runs (which would refuse it too; see test_handlers).
    assert "event: error" in stream or "secret.txt was not uploaded through this page" in stream
    assert "Salaries" not in [row.title for row in live_app.services.indexer.store.manifest.articles()]
    assert not (live_app.services.settings.home / "uploads" / "secret.txt").exists()


def test_several_sessions_chat_at_once_and_stay_separate(live_app):
    """CHAT_CONCURRENCY (4) clients ask at the same time; each gets its own answer and history."""
    from ui.app import CHAT_CONCURRENCY

    questions = ["Where did Storm Doris hit?", "Who was arrested in South Korea?",
                 "What did Martin Schulz promise?", "How many soldiers' bodies were handed over?"]
    clients = [client(live_app.url) for _ in questions]
    assert len(questions) == CHAT_CONCURRENCY
    started = time.perf_counter()
    jobs = [c.submit(q, [], "", "", [], 6, api_name="/ask") for c, q in zip(clients, questions)]
    results = [job.result(timeout=180) for job in jobs]
    elapsed = time.perf_counter() - started
    for (chat, panel, _), question in zip(results, questions):
        assert [text_of(m) for m in chat][0] == question and len(chat) == 2
        assert "nd-final" in text_of(chat[-1]) and "nd-error" not in text_of(chat[-1])
    # A follow-up in one session sees that session's earlier question only.
    *_, (chat, panel, _) = ask(clients[0], "And what else happened that day?")
    assert "Sources for “Where did Storm Doris hit?”" in panel
    assert not any(f"Sources for “{q}”" in panel for q in questions[1:])
    print(f"\n{len(questions)} concurrent questions answered in {elapsed:.1f} s")


def test_chat_keeps_working_while_the_index_is_written(live_app, tmp_path, kit):
    from gradio_client.utils import Status

    folder = tmp_path / "bulk"
    bulk = [{"title": f"Council meeting {i}", "date": "2017-03-15", "url": f"https://www.rte.ie/news/council-{i}",
             "text": " ".join(f"Councillors in district {i} debated item {j} of the housing budget at length."
                              for j in range(60))} for i in range(80)]
    kit.write_archive(folder, bulk)
    writer, second_writer, reader = client(live_app.url), client(live_app.url), client(live_app.url)
    ingest = writer.submit([], str(folder), api_name="/ingest")
    deadline = time.time() + 60
    while not live_app.services.write_lock.locked() and time.time() < deadline:
        time.sleep(0.05)
    assert live_app.services.write_lock.locked(), "the ingest did not start"
    again = second_writer.submit([], str(folder), api_name="/ingest")  # waits its turn in the writer queue
    *_, (chat, panel, _) = ask(reader, kit.QUESTION)
    answered_during_write = live_app.services.write_lock.locked()
    waiting = again.status().code
    assert "nd-final" in text_of(chat[-1]) and "nd-error" not in text_of(chat[-1])
    assert answered_during_write, "the chat answer only came after the ingest finished"
    assert waiting in (Status.STARTING, Status.JOINING_QUEUE, Status.IN_QUEUE, Status.SENDING_DATA), waiting
    assert "added <b>80</b>" in ingest.result(timeout=600)
    assert "unchanged <b>80</b>" in again.result(timeout=600)  # ran after the first, not beside it


def test_rebuild_swaps_in_a_fresh_index_and_chat_follows(real_embedder, tmp_path, kit):
    served = kit.LiveApp(kit.live_services(tmp_path / "home", real_embedder, articles=kit.ARTICLES[:3]))
    try:
        c = client(served.url)
        old_generation = served.services.indexer.store.generation
        report = c.predict(False, api_name="/rebuild")
        assert "Rebuild finished" in report and "added <b>3</b>" in report and "failed <b>0</b>" in report
        # The same store object, reopened in place on the swapped-in folder.
        assert served.services.indexer.store.generation != old_generation
        *_, (chat, panel, _) = ask(c, kit.QUESTION)
        assert "nd-final" in text_of(chat[-1]) and "Palmyra" in panel
        assert served.services.qa.store is served.services.indexer.store
    finally:
        served.close()


def test_page_and_styles_load_nothing_from_outside(live_app):
    """System fonts only, no CDN: every script and stylesheet is served by the app itself."""
    with httpx.Client(base_url=live_app.url.rstrip("/"), timeout=30) as http:
        page = http.get("/").text
        tags = re.findall(r'<(?:script|link)[^>]*?(?:src|href)="([^"]+)"', page)
        assert tags and all(not re.match(r"(https?:)?//", t) or t.startswith(live_app.url) for t in tags), tags
        sheets = [t for t in tags if t.endswith(".css")] + ["/theme.css"]
        for sheet in sheets:
            css = http.get(sheet.lstrip(".")).text
            assert "@import" not in css and not re.search(r"url\(\s*['\"]?(https?:)?//", css), sheet
            assert "googleapis" not in css and "gstatic" not in css
        assert "system-ui" in http.get("/theme.css").text


def test_login_required_for_page_api_and_files(real_embedder, tmp_path, kit):
    services = kit.live_services(tmp_path / "home", real_embedder, articles=kit.ARTICLES[:2])
    served = kit.LiveApp(services, auth=("editor", "s3cret"))
    try:
        with httpx.Client(base_url=served.url.rstrip("/"), follow_redirects=False, timeout=30) as http:
            assert http.get("/config").status_code == 401
            assert http.get("/gradio_api/info").status_code == 401
            assert http.post("/gradio_api/call/ask", json={"data": ["x", [], "", "", [], 6]}).status_code == 401
            upload = http.post("/gradio_api/upload", files={"files": ("a.txt", b"hello")})
            assert upload.status_code == 401
            assert http.get(f"/gradio_api/file={tmp_path}/home-docs/news.jsonl").status_code in (401, 403)
            page = http.get("/")
            assert page.status_code == 200 and "Storm Doris" not in page.text  # only the login screen
            assert http.post("/login", data={"username": "editor", "password": "wrong"}).status_code == 400
        with pytest.raises(Exception):
            client(served.url)
        c = client(served.url, auth=("editor", "s3cret"))
        *_, (chat, panel, _) = ask(c, "What did the Syrian army regain?")
        assert "nd-final" in text_of(chat[-1]) and "nd-card" in panel
    finally:
        served.close()


def test_newsdesk_chat_command_serves_the_app(tmp_path, kit):
    """`newsdesk chat` as a user runs it: serves on loopback until stopped."""
    import os
    import subprocess
    import sys

    from qa.settings import Settings

    port = kit.free_port()
    env = {**os.environ, "NEWSDESK_HOME": str(tmp_path / "home"), "NEWSDESK_MODELS_DIR": str(Settings().models)}
    cmd = [sys.executable, "-m", "ui.cli", "chat", "--no-browser", "--llm", "none", "--port", str(port)]
    server = subprocess.Popen(cmd, cwd=kit.REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline, seen = time.time() + 120, ""
        while time.time() < deadline and f"127.0.0.1:{port}" not in seen:
            line = server.stdout.readline()
            if not line and server.poll() is not None:
                break
            seen += line
        assert f"serving 0 articles on http://127.0.0.1:{port}" in seen, seen
        for _ in range(100):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/config", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        assert "Newsdesk" in httpx.get(f"http://127.0.0.1:{port}/", timeout=10).text
    finally:
        server.terminate()
        server.wait(30)
