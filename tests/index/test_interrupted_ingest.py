"""A writer killed mid-ingest leaves a consistent store; the next ingest finishes the job."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from index.chunking import Chunker
from index.pipeline import Indexer
from index.store import ArchiveStore

REPO = Path(__file__).resolve().parents[2]

WRITER = """
import sys, time, numpy as np
sys.path.insert(0, {repo!r})
import index
from index.chunking import Chunker
from index.pipeline import Indexer
from index.store import ArchiveStore

class SlowEmbedder:  # a slow stand-in for the test's FakeEmbedder: the store records one embedder
    name = "FakeEmbedder"
    dimensions = 384
    texts_encoded = 0
    def tokenize(self, text):
        return text.split()
    def encode(self, texts):
        time.sleep(0.3)
        rng = np.random.default_rng(len(texts))
        v = rng.normal(size=(len(texts), 384)).astype("float32")
        return v / np.linalg.norm(v, axis=1, keepdims=True)

import index.pipeline as p
p.FLUSH_CHUNKS = 1  # flush after every file so the kill lands between commits
store = ArchiveStore({store!r})
emb = SlowEmbedder()
Indexer(store, emb, Chunker(emb.tokenize, 64, 8), quiet=True).ingest([{docs!r}],
    progress=lambda done, total, path: print("progress", done, flush=True))
"""


def test_killed_writer_then_reingest_is_consistent(tmp_path, fake_embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(40):
        (docs / f"a{i:02d}.txt").write_text(
            f"Headline {i}\n\n" + " ".join(f"Sentence {j} of story {i} about topic {i}." for j in range(30)),
            encoding="utf-8")
    script = WRITER.format(repo=str(REPO), store=str(tmp_path / "store"), docs=str(docs))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    for line in proc.stdout:
        if line.startswith("progress") and int(line.split()[1]) >= 8 or time.time() > deadline:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    store = ArchiveStore(tmp_path / "store")
    partial = store.stats().articles
    assert 0 < partial < 40, "the kill should land mid-run"
    report = Indexer(store, fake_embedder, Chunker(fake_embedder.tokenize, 64, 8), quiet=True).ingest([docs])
    assert report.failed == []
    assert report.unchanged == partial
    assert report.added == 40 - partial
    stats = store.stats()
    assert stats.articles == 40
    assert store.collection.count() == stats.chunks
    for row in store.manifest.articles():
        assert len(store.manifest.chunks_of(row.id)) == row.chunks > 0
