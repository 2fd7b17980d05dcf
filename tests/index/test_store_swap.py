"""A rebuild swaps the store folder under whoever has it open (issue 13, items 2 and 6).

Another process is a real subprocess (`store_worker.py`) on the same folder;
in-process readers are real threads. Real Chroma + SQLite on disk, fake embedder.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Callable

from index.store import ArchiveStore
from tests.index.archive_files import make_indexer, write_articles

WORKER = Path(__file__).with_name("store_worker.py")
ARTICLES = {
    "syria.txt": "Russia strikes Syria\n\nRussia carried out air strikes near Homs on Friday, the ministry said.",
    "budget.txt": "Parliament passes budget\n\nThe Irish parliament passed the budget for 2017 after a long debate.",
    "storm.txt": "Storm hits coast\n\nA winter storm closed schools along the coast of Maine on Tuesday.",
}


def run_worker(store_dir: Path, op: str, *paths: Path) -> dict:
    """One write by another process; what it saw afterwards."""
    done = subprocess.run([sys.executable, str(WORKER), str(store_dir), op, *map(str, paths)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def titles(store: ArchiveStore, query: str) -> list[str]:
    return [h.title for h in store.keyword_search(query, 5)]


def test_rebuild_by_another_process_is_followed_by_reads_and_writes(tmp_path, fake_embedder):
    indexer = make_indexer(tmp_path / "store", fake_embedder)  # stands in for the chat server
    indexer.ingest([write_articles(tmp_path / "docs", ARTICLES)])
    store = indexer.store
    assert titles(store, "storm Maine") == ["Storm hits coast"]

    run_worker(store.path, "rebuild")
    # What the answerer asks first (the chat server failed here with "closed database").
    assert store.outlets() == {"unknown": 3} and store.date_span() == (None, None)
    cli = write_articles(tmp_path / "cli", {"quake.txt": "Earthquake shakes Chile\n\nA strong earthquake hit Chile."})
    run_worker(store.path, "ingest", cli)
    # The server's reads follow the swap: the article the CLI added after it is found.
    assert titles(store, "earthquake Chile") == ["Earthquake shakes Chile"]

    # The server's own ingest writes into the live store (was: "attempt to write a readonly database").
    app = write_articles(tmp_path / "app", {"vote.txt": "Dutch vote counted\n\nThe Dutch election votes were counted."})
    report = indexer.ingest([app])
    assert (report.added, report.failed, report.articles) == (1, [], 5)

    # An app rebuild starts from the live manifest, so the CLI's article survives it.
    indexer.rebuild()
    seen = run_worker(store.path, "stats")
    assert len(seen["articles"]) == 5
    assert seen["vectors"] == seen["chunks"]
    assert titles(store, "earthquake Chile") == ["Earthquake shakes Chile"]


def read_while(read: Callable[[], object], work: Callable[[], None], threads: int = 2
               ) -> tuple[list[object], list[str]]:
    """Call `read` in a loop on `threads` threads while `work` runs: (results, errors)."""
    results: list[object] = []
    errors: list[str] = []
    stop = threading.Event()

    def chat() -> None:
        while not stop.is_set():
            try:
                results.append(read())
            except Exception as exc:  # the test reports every failure
                errors.append(repr(exc))

    readers = [threading.Thread(target=chat) for _ in range(threads)]
    for t in readers:
        t.start()
    try:
        work()
    finally:
        stop.set()
        for t in readers:
            t.join(timeout=60)
    return results, errors


def test_reads_in_other_threads_carry_on_through_rebuilds(tmp_path, fake_embedder):
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    indexer.ingest([write_articles(tmp_path / "docs", ARTICLES)])
    store = indexer.store
    vector = fake_embedder.encode(["storm coast Maine"])[0]

    def read() -> tuple[int, int, int]:
        return (len(store.keyword_search("storm coast", 5)), len(store.dense_search(vector, 5)),
                store.stats().articles)

    def rebuild_four_times() -> None:
        for _ in range(4):
            indexer.rebuild()

    results, errors = read_while(read, rebuild_four_times)
    assert errors == []
    assert len(results) > 4
    assert [r for r in results if not (r[0] >= 1 and r[1] >= 1 and r[2] == 3)] == []


def test_rebuild_leaves_no_stray_files(tmp_path, fake_embedder):
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    indexer.ingest([write_articles(tmp_path / "docs", ARTICLES)])
    indexer.rebuild()
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("store"))
    assert not [name for name in left if name.startswith(("store.rebuild", "store.old"))], left
    assert indexer.store.stats().articles == 3


def test_closing_one_store_leaves_another_on_the_same_folder_working(tmp_path, fake_embedder):
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    indexer.ingest([write_articles(tmp_path / "docs", ARTICLES)])
    other = ArchiveStore(tmp_path / "store")  # e.g. a second reader in the same process
    indexer.store.close()
    assert len(other.dense_search(fake_embedder.encode(["storm coast"])[0], 3)) == 3
    assert titles(other, "storm Maine") == ["Storm hits coast"]


def test_an_ingest_by_another_process_reaches_dense_search(tmp_path, fake_embedder):
    indexer = make_indexer(tmp_path / "store", fake_embedder)  # the chat server
    indexer.ingest([write_articles(tmp_path / "docs", ARTICLES)])
    store = indexer.store
    assert store.dense_search(fake_embedder.encode(["storm coast"])[0], 3)  # Chroma has read its log once
    quake = "Earthquake shakes Chile\n\nA strong earthquake hit Chile."
    run_worker(store.path, "ingest", write_articles(tmp_path / "cli", {"quake.txt": quake}))
    # No rebuild in between: Chroma reads its log once per process, so without a reopen the
    # new vector never reached this process's index (and fetching it failed: "Error finding id").
    best = store.dense_search(fake_embedder.encode(["Earthquake shakes Chile. A strong earthquake hit Chile."])[0], 1)
    assert [h.title for h in best] == ["Earthquake shakes Chile"]
    ids = [h.chunk_id for h in store.keyword_search("earthquake Chile", 3)]
    assert ids and set(store.vectors(ids)) == set(ids)
    # This process's own writes need no reopen.
    client = store._client
    indexer.ingest([write_articles(tmp_path / "app", {"vote.txt": "Dutch vote counted\n\nVotes were counted."})])
    assert titles(store, "Dutch vote") == ["Dutch vote counted"]
    assert store._client is client


def test_reads_never_overlap_another_process_writing(tmp_path, fake_embedder):
    # Was: a read overlapping another process's delete failed with Chroma's "Error finding id"
    # (this process's HNSW index still held the deleted vector); writes now exclude reads.
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    indexer.ingest([write_articles(tmp_path / "docs", ARTICLES)])
    store = indexer.store
    vector = fake_embedder.encode(["storm on the coast"])[0]
    churn = tmp_path / "churn"
    churn.mkdir()
    reads, errors = read_while(lambda: (store.dense_search(vector, 4), store.keyword_search("storm coast", 4)),
                               lambda: run_worker(store.path, "churn", churn) and None)
    assert errors[:3] == []
    assert len(reads) > 20
    assert store.stats().articles == 3
