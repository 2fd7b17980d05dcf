"""The chat server and the CLI writing the same store (issue 13, item 2, and the soak test).

A real `newsdesk chat --llm none` process on a free loopback port, real CLI
processes (`python -m ui.cli`) on the same home, real MiniLM, real files.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from gradio_client import Client, handle_file

from qa.settings import Settings
from index.store import ArchiveStore

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
FERRY = ("Ferry strike halts Irish Sea crossings\n\nDate: 2017-03-20\nSource: RTÉ\n\nSeafarers on the Irish Sea "
         "ferries walked out on Monday, halting crossings between Dublin and Holyhead for the whole day.")
QUAKE = ("Earthquake shakes northern Chile\n\nDate: 2017-03-22\nSource: BBC\n\nA magnitude 6.1 earthquake shook "
         "the mining region of Antofagasta in northern Chile, damaging two copper mines.")


def chat_until(stop: threading.Event, url: str, questions: list[str], n: int, answered: list[int],
               failures: list[str], label: str = "") -> None:
    """Chatter `n` of a soak test: ask `questions` in turn at `url` until `stop`, counting answers in
    `answered[n]` and reporting every failed chat (an error, or an answer that never became final)."""
    c = client(url)
    i = n
    while not stop.is_set():
        question = questions[i % len(questions)]
        i += 1
        try:
            answer, _ = ask(c, question)
            if "nd-final" not in answer or "nd-error" in answer:
                failures.append(f"{label}{question}: {answer[:300]}")
            answered[n] += 1
        except Exception as exc:  # every failed chat is reported
            failures.append(f"{label}{question}: {exc!r}")


def env_for(home: Path) -> dict[str, str]:
    return {**os.environ, "NEWSDESK_HOME": str(home), "NEWSDESK_MODELS_DIR": str(Settings().models)}


def cli(home: Path, *argv: object) -> subprocess.CompletedProcess:
    """One `newsdesk` command in its own process; fails the test on a non-zero exit."""
    done = subprocess.run([sys.executable, "-m", "ui.cli", *map(str, argv)], cwd=REPO, env=env_for(home),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"newsdesk {argv}: {done.stderr[-2000:]}"
    return done


class ChatServer:
    """`newsdesk chat --llm none` serving `home` on a free port."""

    def __init__(self, home: Path, port: int) -> None:
        self.url = f"http://127.0.0.1:{port}/"
        self.log = open(home.parent / f"chat-{port}.log", "w+", encoding="utf-8")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "ui.cli", "chat", "--llm", "none", "--no-browser", "--port", str(port)],
            cwd=REPO, env=env_for(home), stdout=self.log, stderr=subprocess.STDOUT, text=True)
        deadline = time.time() + 240
        while time.time() < deadline:
            assert self.proc.poll() is None, self.output()
            try:
                if httpx.get(self.url, timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(1)
        raise AssertionError(f"the chat server did not come up:\n{self.output()}")

    def output(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text(encoding="utf-8")[-4000:]

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)
        self.log.close()


def client(url: str) -> Client:
    # Generous HTTP timeouts: the soak runs a server, two clients and the CLI on 2 shared cores.
    return Client(url, verbose=False, analytics_enabled=False, download_files=False,
                  httpx_kwargs={"timeout": 120})


def ask(c: Client, question: str) -> tuple[str, str]:
    """(final answer HTML, sources panel) of one question."""
    job = c.submit(question, [], "", "", [], 6, api_name="/ask")
    job.result(timeout=180)
    chat, panel, _ = list(job.outputs())[-1]
    last = chat[-1]["content"]
    text = "".join(b.get("text", "") for b in last) if isinstance(last, list) else str(last)
    return text, panel


def test_cli_rebuild_and_ingest_while_chat_serves(tmp_path, kit):
    from tests.ui.conftest import free_port

    home = tmp_path / "home"
    cli(home, "ingest", kit.write_archive(tmp_path / "docs"), "--quiet")
    server = ChatServer(home, free_port())
    try:
        c = client(server.url)
        assert "Palmyra" in ask(c, kit.QUESTION)[1]
        cli(home, "rebuild", "--quiet")
        (tmp_path / "cli").mkdir()
        (tmp_path / "cli" / "ferry.txt").write_text(FERRY, encoding="utf-8")
        cli(home, "ingest", tmp_path / "cli", "--quiet")
        # The server follows the swap: the article the CLI added after the rebuild is found.
        answer, panel = ask(c, "Which crossings did the ferry strike halt?")
        assert "Ferry strike halts Irish Sea crossings" in panel, answer
        # The server writes into the live store (was: "attempt to write a readonly database") ...
        (tmp_path / "quake.txt").write_text(QUAKE, encoding="utf-8")
        report = c.predict([handle_file(str(tmp_path / "quake.txt"))], "", api_name="/ingest")
        assert "added <b>1</b>" in report and "failed <b>0</b>" in report, report
        # ... and its rebuild starts from the live manifest, so the CLI's article survives.
        report = c.predict(False, api_name="/rebuild")
        assert "failed <b>0</b>" in report, report
    finally:
        server.close()
    titles = {a["title"] for a in json.loads(cli(home, "articles", "--json").stdout)}
    assert {"Ferry strike halts Irish Sea crossings", "Earthquake shakes northern Chile"} <= titles
    assert len(titles) == len(kit.ARTICLES) + 2


QUESTIONS = ["What did the Syrian army retake near Palmyra?", "Which crossings did the ferry strike halt?",
             "Where did the earthquake in Chile strike?", "Who was arrested in South Korea?"]


def store_contents(path: Path) -> tuple[dict[str, str], dict[str, list[str]], int, int]:
    """(article id -> content hash, article id -> chunk texts, manifest chunk count, vector count)."""
    store = ArchiveStore(path)
    try:
        rows = store.manifest.articles()
        chunks = {r.id: [c.text for c in store.manifest.chunks_of(r.id)] for r in rows}
        return ({r.id: r.content_hash for r in rows}, chunks, store.manifest.counts()[1],
                store.collection.count())
    finally:
        store.close()


def test_soak_two_chats_while_the_cli_ingests_removes_and_rebuilds(tmp_path, kit):
    from tests.ui.conftest import free_port

    home = tmp_path / "home"
    docs = kit.write_archive(tmp_path / "docs")
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "quake.txt").write_text(QUAKE, encoding="utf-8")
    cli(home, "ingest", docs, extra, "--quiet")
    server = ChatServer(home, free_port())
    failures: list[str] = []
    answered = [0, 0]
    stop = threading.Event()

    def chat(n: int) -> None:
        chat_until(stop, server.url, QUESTIONS, n, answered, failures)

    # The writer: 5 rounds of CLI commands in one process (the CLI's own code path, one model load
    # per command as `newsdesk` does), each round editing, ingesting, removing and rebuilding.
    rounds = "\n".join([
        "import sys, pathlib",
        "from ui.cli import main",
        f"extra = pathlib.Path({str(extra)!r})",
        f"ferry = {FERRY!r}",
        "for i in range(5):",
        "    (extra / 'ferry.txt').write_text(ferry + f' Round {i}.', encoding='utf-8')",
        "    (extra / 'gone.txt').write_text(f'Temporary note {i}\\n\\nA note that is removed again, round {i}.', "
        "encoding='utf-8')",
        "    assert main(['ingest', str(extra), '--quiet']) == 0",
        "    assert main(['remove', '--path', str(extra / 'gone.txt')]) == 0",
        "    assert main(['rebuild', '--quiet']) == 0",
        "    print('round', i, flush=True)",
    ])
    chatters = [threading.Thread(target=chat, args=(n,)) for n in range(2)]
    started = time.time()
    try:
        for t in chatters:
            t.start()
        writer = subprocess.run([sys.executable, "-c", rounds], cwd=REPO, env=env_for(home),
                                capture_output=True, text=True, timeout=900)
        assert writer.returncode == 0, writer.stderr[-3000:]
        # whole lines: the ingest summary lists headlines, which may hold the word ("… gaining ground")
        assert len(re.findall(r"^round \d+$", writer.stdout, re.M)) == 5
        time.sleep(2)  # a last question or two on the final store
    finally:
        stop.set()
        for t in chatters:
            t.join(timeout=200)
        log = server.output()
        server.close()
    print(f"soak: {sum(answered)} chats answered in {time.time() - started:.0f}s, {len(failures)} failed")
    assert failures == [], f"{failures}\n--- server log ---\n{log}"
    assert min(answered) >= 3

    (extra / "gone.txt").unlink()  # removed from the index in the last round; a clean ingest must not see it
    cli(home, "ingest", docs, extra, "--store", tmp_path / "clean", "--quiet")
    final, clean = store_contents(home / "store"), store_contents(tmp_path / "clean")
    assert final[0] == clean[0]  # article ids and content hashes
    assert final[1] == clean[1]  # chunk texts
    assert final[2] == final[3] == clean[2] == clean[3]  # vectors = manifest chunks
