"""The ingest pipeline overlaps chunking with encoding and keeps its guarantees while a batch is
at the encoder: batches are committed in reading order, an article is recorded only with its
vectors, a copy of an article still at the encoder is recognised, Ctrl-C or an encoder error
leaves a consistent store. Real store on disk, real files, a deterministic fake encoder."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

import index.pipeline as pipeline
from index.chunking import Chunker
from index.pipeline import Indexer
from index.store import ArchiveStore
from tests.conftest import FakeEmbedder

MARKER = "zebracrossing"  # a word only the article that opens the gate holds


def story(n: int, topic: str = "harbour") -> str:
    """A body of well over 800 characters, so each article fills a batch of its own below."""
    return " ".join(f"Sentence {j} of story {n} about the {topic} of town {n}." for j in range(25))


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


class GatedEmbedder(FakeEmbedder):
    """Holds its first batch until the chunker has measured the article carrying MARKER: an ingest
    that chunks only after encoding would never open the gate (the wait times out)."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.first_waited_ok: bool | None = None
        self.batches: list[list[str]] = []

    def tokenize(self, text: str) -> list[str]:
        if MARKER in text:
            self.gate.set()
        return super().tokenize(text)

    def encode(self, texts):
        if self.first_waited_ok is None and texts:
            self.first_waited_ok = self.gate.wait(3)
        self.batches.append(list(texts))
        return super().encode(texts)


class Recording(ArchiveStore):
    """A real store that checks, at every write, that the manifest did not yet hold the batch."""

    written: list[list[str]]

    def put_articles(self, batch, retire=()):
        ids = [a.id for a, _, _ in batch]
        assert all(self.manifest.stored(i) is None or self.manifest.stored(i)[0] != a.content_hash
                   for i, (a, _, _) in zip(ids, batch)), "recorded before its vectors were written"
        self.written.append(ids)
        return super().put_articles(batch, retire)


def indexer_for(tmp_path: Path, embedder) -> Indexer:
    store = Recording(tmp_path / "store")
    store.written = []
    return Indexer(store, embedder, Chunker(embedder.tokenize, 64, 8), quiet=True)


def assert_consistent(store: ArchiveStore) -> None:
    """Every recorded article has its vectors and Chroma holds nothing the manifest does not know."""
    chunk_ids = store.manifest.chunk_ids()
    assert set(store.vector_ids()) == set(chunk_ids)
    for row in store.manifest.articles():
        assert len(store.manifest.chunks_of(row.id)) == row.chunks > 0


@pytest.fixture(autouse=True)
def one_article_per_batch(monkeypatch):
    monkeypatch.setattr(pipeline, "FLUSH_CHUNKS", 1)


def test_next_batch_is_chunked_while_the_encoder_works_and_commits_keep_reading_order(tmp_path):
    records = [{"url": f"https://example.org/{n}", "title": f"Story {n}", "body": story(n)} for n in range(6)]
    records[1]["body"] += f" A {MARKER} appeared."
    source = write_jsonl(tmp_path / "in" / "news.jsonl", records)
    embedder = GatedEmbedder()
    indexer = indexer_for(tmp_path, embedder)
    report = indexer.ingest([source])
    assert embedder.first_waited_ok, "batch 2 was not chunked while batch 1 was at the encoder"
    assert report.added == 6 and report.embedded_chunks == report.chunks
    written = [i for ids in indexer.store.written for i in ids]
    assert written == [r["url"] for r in records]
    assert_consistent(indexer.store)


def test_a_copy_read_while_its_original_is_at_the_encoder_is_a_duplicate(tmp_path):
    original = {"url": "https://example.org/a", "title": "Harbour closes", "body": story(1)}
    same_id_elsewhere = dict(original)  # the same article saved in a second file
    same_body = {"url": "https://example.org/a-copy", "title": "Harbour closes (copy)", "body": story(1)}
    opener = {"url": "https://example.org/z", "title": "Zebra", "body": story(2, MARKER)}
    first = write_jsonl(tmp_path / "in" / "1.jsonl", [original, same_body])
    second = write_jsonl(tmp_path / "in" / "2.jsonl", [same_id_elsewhere, opener])
    embedder = GatedEmbedder()
    indexer = indexer_for(tmp_path, embedder)
    report = indexer.ingest([first, second])
    assert embedder.first_waited_ok  # both copies were read while the original was held at the encoder
    assert (report.added, report.duplicates) == (2, 2)
    assert indexer.store.stats().articles == 2
    assert indexer.store.manifest.duplicates() == {"https://example.org/a-copy": "https://example.org/a"}
    assert sum(ids.count("https://example.org/a") for ids in indexer.store.written) == 1
    assert_consistent(indexer.store)


def test_ctrl_c_with_batches_at_the_encoder_leaves_a_consistent_store(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(12):
        (docs / f"a{n:02d}.txt").write_text(f"Headline {n}\n\n{story(n)}", encoding="utf-8")

    def interrupt(done, total, path):
        if done == 7:
            raise KeyboardInterrupt

    release = threading.Event()

    class Held(FakeEmbedder):  # stories 5 and 6 stay at the encoder until after the Ctrl-C
        def encode(self, texts):
            if any("story 5 " in t or "story 6 " in t for t in texts):
                release.wait(10)
            return super().encode(texts)

    indexer = indexer_for(tmp_path, Held())
    with pytest.raises(KeyboardInterrupt):
        indexer.ingest([docs], progress=interrupt)
    release.set()
    assert indexer.store.stats().articles == 5  # 0-4 committed; 5 and 6 were at the encoder, never recorded
    assert_consistent(indexer.store)
    report = indexer.ingest([docs])
    assert (report.unchanged, report.added, report.failed) == (5, 7, [])
    assert_consistent(indexer.store)


def test_an_encoder_error_keeps_the_batches_written_before_it(tmp_path):
    records = [{"url": f"https://example.org/{n}", "title": f"Story {n}", "body": story(n)} for n in range(5)]
    source = write_jsonl(tmp_path / "in" / "news.jsonl", records)

    class Failing(FakeEmbedder):
        def encode(self, texts):
            if any("story 3 " in t for t in texts):
                raise RuntimeError("encoder crashed")
            return super().encode(texts)

    indexer = indexer_for(tmp_path, Failing())
    with pytest.raises(RuntimeError, match="encoder crashed"):
        indexer.ingest([source])
    stored = {row.id for row in indexer.store.manifest.articles()}
    assert stored <= {r["url"] for r in records[:3]}
    assert "https://example.org/3" not in stored and "https://example.org/4" not in stored
    assert_consistent(indexer.store)
