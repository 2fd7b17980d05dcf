"""Several app processes serving one archive whose vectors are on a Chroma server (issue 12, item 1).

Two real `newsdesk chat --llm none` processes and CLI `ingest`/`rebuild` processes on one
home at once, every one pointed at a real `chroma run` by NEWSDESK_CHROMA_URL: they share
the manifest and keyword index (SQLite in WAL mode) on this host and the vectors on the server.
"""

from __future__ import annotations

import threading
import time

import pytest

from index.chroma_client import ChromaLocation
from index.store import ArchiveStore
from tests.ui.test_store_concurrency import FERRY, QUAKE, ChatServer, ask, chat_until, cli, client

pytestmark = pytest.mark.slow


def test_two_chat_processes_and_the_cli_share_one_chroma_server(tmp_path, kit, chroma_server, monkeypatch):
    from tests.ui.conftest import free_port

    monkeypatch.setenv("NEWSDESK_CHROMA_URL", chroma_server.url)  # env_for() passes it to every process
    home = tmp_path / "home"
    cli(home, "ingest", kit.write_archive(tmp_path / "docs"), "--quiet")
    servers = [ChatServer(home, free_port()), ChatServer(home, free_port())]
    failures: list[str] = []
    answered = [0, 0]
    stop = threading.Event()
    questions = [kit.QUESTION, "Which crossings did the ferry strike halt?", "Where did the earthquake in Chile strike?"]

    def chat(n: int) -> None:
        chat_until(stop, servers[n].url, questions, n, answered, failures, label=f"server {n}: ")

    chatters = [threading.Thread(target=chat, args=(n,)) for n in range(2)]
    extra = tmp_path / "extra"
    extra.mkdir()
    started = time.time()
    try:
        for t in chatters:
            t.start()
        (extra / "ferry.txt").write_text(FERRY, encoding="utf-8")
        cli(home, "ingest", extra, "--quiet")
        cli(home, "rebuild", "--quiet")  # a new generation: a new collection on the server, swapped in
        (extra / "quake.txt").write_text(QUAKE, encoding="utf-8")
        cli(home, "ingest", extra, "--quiet")
        time.sleep(2)
        stop.set()
        for t in chatters:
            t.join(timeout=300)
        # Both servers follow the rebuild's swap and see what the CLI added after it.
        for server in servers:
            _, panel = ask(client(server.url), "Where did the earthquake in Chile strike?")
            assert "Earthquake shakes northern Chile" in panel
    finally:
        stop.set()
        logs = [s.output() for s in servers]
        for server in servers:
            server.close()
    print(f"two chat processes: {answered} chats answered in {time.time() - started:.0f}s, {len(failures)} failed")
    assert failures == [], f"{failures}\n--- server logs ---\n" + "\n".join(logs)
    assert min(answered) >= 1

    store = ArchiveStore(home / "store", ChromaLocation(chroma_server.url))
    stats = store.stats()
    assert stats.articles == len(kit.ARTICLES) + 2 and stats.vectors == stats.chunks
    assert not (home / "store" / "chroma").exists()  # no embedded vectors were written
    live = store.collection.name
    assert [n for n in ChromaLocation(chroma_server.url).server_collections() if n == live] == [live]
