"""Ingest, incremental updates, duplicates, remove and rebuild on a real Chroma store.

Most tests use the deterministic fake embedder for speed; `test_real_model_*`
repeat the core path with the real MiniLM model.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.chroma_client import EMBEDDED
from index.chunking import Chunker
from index.lock import IndexBusy, WriteLock
from index.pipeline import Indexer, RebuildError
from index.store import ArchiveStore
from index.store_records import StoreFilter

ARTICLES = {
    "syria.txt": "Russia strikes Syria\n\nRussia carried out air strikes near Homs on Friday, the ministry said.\n\n"
                 "Turkey and its allies demanded that Moscow stop.",
    "budget.txt": "Parliament passes budget\n\nThe Irish parliament passed the budget for 2017 after a long debate.",
    "storm.txt": "Storm hits coast\n\nA winter storm closed schools along the coast of Maine on Tuesday.",
}


def write_articles(folder: Path, articles: dict[str, str] = ARTICLES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def make_indexer(tmp_path: Path, embedder, chroma=EMBEDDED) -> Indexer:
    store = ArchiveStore(tmp_path / "store", chroma)
    return Indexer(store, embedder, Chunker(embedder.tokenize, chunk_tokens=64, overlap=8), quiet=True)


def test_ingest_then_reingest_embeds_nothing(tmp_path, fake_embedder, chroma):
    docs = write_articles(tmp_path / "docs")
    indexer = make_indexer(tmp_path, fake_embedder, chroma)
    first = indexer.ingest([docs])
    assert (first.added, first.updated, first.unchanged, first.failed) == (3, 0, 0, [])
    assert first.articles == 3 and first.chunks >= 3
    encoded = fake_embedder.texts_encoded
    second = indexer.ingest([docs])
    assert (second.added, second.unchanged, second.embedded_chunks) == (0, 3, 0)
    assert fake_embedder.texts_encoded == encoded
    assert indexer.store.collection.count() == first.chunks


def test_changed_article_replaces_its_chunks(tmp_path, fake_embedder, chroma):
    docs = write_articles(tmp_path / "docs")
    indexer = make_indexer(tmp_path, fake_embedder, chroma)
    indexer.ingest([docs])
    (docs / "storm.txt").write_text("Storm hits coast\n\nThe storm moved north to Nova Scotia overnight.", encoding="utf-8")
    report = indexer.ingest([docs])
    assert (report.added, report.updated, report.unchanged) == (0, 1, 2)
    texts = " ".join(h.text for h in indexer.store.keyword_search("storm coast Maine Nova Scotia", 10))
    assert "Nova Scotia" in texts and "Maine" not in texts
    assert indexer.store.collection.count() == report.chunks


def test_exact_duplicates_are_recorded_not_indexed(tmp_path, fake_embedder, chroma):
    docs = write_articles(tmp_path / "docs")
    (docs / "copy.txt").write_text(ARTICLES["budget.txt"], encoding="utf-8")
    (docs / "other.md").write_text("Another headline\n\n" + ARTICLES["budget.txt"].split("\n\n", 1)[1],
                                   encoding="utf-8")
    indexer = make_indexer(tmp_path, fake_embedder, chroma)
    report = indexer.ingest([docs])
    assert report.added == 3 and report.duplicates == 2
    # copy.txt is the very same article (same content-hash id): counted, nothing to record;
    # other.md has its own id, so the manifest records which article it repeats.
    assert list(indexer.store.manifest.duplicates().values()) == [
        next(r.id for r in indexer.store.manifest.articles() if r.path.endswith("budget.txt"))]
    assert indexer.store.stats().articles == 3


def test_keyword_search_folds_accents_and_filters(tmp_path, fake_embedder, chroma):
    docs = write_articles(tmp_path / "docs", {
        "a.txt": "Turkish premier speaks\n\nAhmet Davutoğlu accused Russia of targeting rebels.",
        "b.txt": "Weather\n\nRain in Dublin all week.",
    })
    indexer = make_indexer(tmp_path, fake_embedder, chroma)
    indexer.ingest([docs])
    hits = indexer.store.keyword_search("What did Davutoglu say?", 5)
    assert hits and "Davutoğlu" in hits[0].text
    assert indexer.store.keyword_search("Davutoglu", 5, StoreFilter(sources=("Nobody",))) == []


def test_failures_are_reported_and_rest_indexed(tmp_path, fake_embedder, chroma):
    docs = write_articles(tmp_path / "docs")
    (docs / "empty.txt").write_text("", encoding="utf-8")
    (docs / "junk.txt").write_bytes(b"\x00\x01\x02binary\x00junk" * 50)
    indexer = make_indexer(tmp_path, fake_embedder, chroma)
    report = indexer.ingest([docs, tmp_path / "missing-folder"])
    failed = {Path(f.path).name: f.error for f in report.failed}
    assert set(failed) == {"empty.txt", "junk.txt", "missing-folder"}
    assert all(failed.values())
    assert report.added == 3
    assert json.loads(json.dumps(report.to_json()))["failed"][0].keys() == {"path", "error"}


def test_remove_by_id_and_path(tmp_path, fake_embedder, chroma):
    docs = write_articles(tmp_path / "docs")
    indexer = make_indexer(tmp_path, fake_embedder, chroma)
    indexer.ingest([docs])
    rows = {Path(r.path).name: r.id for r in indexer.store.manifest.articles()}
    removed, missing = indexer.remove([rows["syria.txt"], "no-such-id"])
    assert removed == [rows["syria.txt"]] and missing == ["no-such-id"]
    assert indexer.remove_path(docs / "storm.txt") == [rows["storm.txt"]]
    assert [Path(r.path).name for r in indexer.store.manifest.articles()] == ["budget.txt"]
    assert indexer.store.collection.count() == indexer.store.stats().chunks
    assert indexer.store.keyword_search("Homs", 5) == []


def test_rebuild_swaps_in_fresh_index(tmp_path, fake_embedder, chroma):
    docs = write_articles(tmp_path / "docs")
    indexer = make_indexer(tmp_path, fake_embedder, chroma)
    before = indexer.ingest([docs])
    report = indexer.rebuild()
    assert report.added == 3
    stats = indexer.store.stats()
    assert (stats.articles, stats.chunks) == (3, before.chunks)
    assert indexer.store.collection.count() == before.chunks
    assert not (tmp_path / "store.rebuild").exists() and not (tmp_path / "store.old").exists()


def test_failed_rebuild_keeps_old_index(tmp_path, fake_embedder, chroma):
    docs = write_articles(tmp_path / "docs")
    indexer = make_indexer(tmp_path, fake_embedder, chroma)
    indexer.ingest([docs])
    (docs / "storm.txt").unlink()
    with pytest.raises(RebuildError, match="no longer exist"):
        indexer.rebuild()
    assert indexer.store.stats().articles == 3

    def explode(*_args):
        raise KeyboardInterrupt

    write_articles(docs, {"storm.txt": ARTICLES["storm.txt"]})
    with pytest.raises(KeyboardInterrupt):
        indexer.rebuild(progress=lambda done, total, path: explode() if done == 2 else None)
    assert indexer.store.stats().articles == 3
    assert indexer.store.keyword_search("Homs", 5)
    assert not (tmp_path / "store.rebuild").exists()


def test_second_writer_gets_busy_error(tmp_path, fake_embedder):
    import subprocess
    import sys

    docs = write_articles(tmp_path / "docs")
    indexer = make_indexer(tmp_path, fake_embedder)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, os, sys, time\n"
        f"fd = os.open({str(tmp_path / 'store.lock')!r}, os.O_RDWR | os.O_CREAT)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX); os.write(fd, str(os.getpid()).encode()); print('locked', flush=True)\n"
        "time.sleep(30)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(IndexBusy, match=f"pid {holder.pid}"):
            indexer.ingest([docs])
    finally:
        holder.kill()
        holder.wait()
    assert indexer.ingest([docs]).added == 3
    with WriteLock(indexer.store.path):  # re-entrant within one process
        assert indexer.ingest([docs]).unchanged == 3


@pytest.mark.slow
def test_real_model_ingest_and_dense_search(tmp_path, real_embedder):
    docs = write_articles(tmp_path / "docs")
    store = ArchiveStore(tmp_path / "store")
    indexer = Indexer(store, real_embedder, Chunker(real_embedder.tokenize, 200, 24), quiet=True)
    report = indexer.ingest([docs])
    assert report.added == 3
    vector = real_embedder.encode(["Which schools were closed by bad weather?"])[0]
    hits = store.dense_search(vector, 3)
    assert hits[0].text.startswith("A winter storm closed schools")
    assert 0.4 < hits[0].score <= 1.0  # cosine similarity
    assert hits[0].score > hits[-1].score
    assert store.dense_search(vector, 3, StoreFilter(sources=("CNN",))) == []
