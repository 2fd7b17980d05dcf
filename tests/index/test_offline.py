"""Nothing reaches the network: ingest + retrieval with outbound sockets blocked.

Runs in a fresh interpreter so that every import (sentence-transformers,
Chroma, llama-index) happens after the block is in place.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import socket, sys
attempts = []
def refuse(self, address, *a, **k):
    if isinstance(address, tuple) and address[0] not in ("127.0.0.1", "::1", "localhost"):
        attempts.append(address)
        raise OSError(f"network blocked in test: {address}")
    return real_connect(self, address, *a, **k)
real_connect = socket.socket.connect
socket.socket.connect = refuse
socket.socket.connect_ex = lambda self, address: (refuse(self, address), 0)[1]
real_gai = socket.getaddrinfo
def no_dns(host, *a, **k):
    if host not in ("127.0.0.1", "::1", "localhost", None):
        attempts.append(host)
        raise socket.gaierror(f"DNS blocked in test: {host}")
    return real_gai(host, *a, **k)
socket.getaddrinfo = no_dns

sys.path.insert(0, REPO)
from pathlib import Path
from qa.settings import Settings
from index.runtime import build_indexer, open_store
from index.store import ArchiveStore

settings = Settings(home=HOME, models_dir=str(Settings().models))
docs = Path(HOME) / "docs"; docs.mkdir()
(docs / "a.txt").write_text("Ferry strike ends\n\nThe ferry workers ended their strike in Calais on Monday.")
(docs / "b.txt").write_text("Election called\n\nThe prime minister called an early election for June.")
indexer = build_indexer(settings, quiet=True)
report = indexer.ingest([docs])
assert report.added == 2, report.to_json()
vector = indexer.embedder.encode(["When did the ferry strike end?"])[0]
assert indexer.store.dense_search(vector, 1)[0].title == "Ferry strike ends"
assert indexer.store.keyword_search("ferry strike", 1)[0].title == "Ferry strike ends"
try:
    from qa.services import Services
except ImportError:
    Services = None
if Services is not None:
    qa = Services(settings, indexer=indexer, llm=None).qa
    answer = qa.ask("When did the ferry strike end?")
    assert answer.citations, answer.to_json()
print("blocked attempts:", attempts)
assert not attempts, attempts
print("OFFLINE-OK")
"""


@pytest.mark.slow
def test_ingest_and_retrieval_with_network_blocked(tmp_path):
    script = f"REPO = {str(REPO)!r}\nHOME = {str(tmp_path)!r}\n" + SCRIPT
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert "OFFLINE-OK" in proc.stdout, proc.stdout[-3000:] + proc.stderr[-3000:]
