"""Compaction: copy a store whose vector index is mostly dead slots into a fresh folder.

Chroma's HNSW index marks a deleted vector but never reuses its slot, so
every update of an article grows `data_level0.bin` by its chunks (≈1.7 KB each
for MiniLM's 384 dimensions): updating a 90-chunk archive 12 times left 1,170
slots for 90 live vectors. Compaction copies the manifest (SQLite backup) and
the live vectors into a fresh folder, without embedding anything (the fresh
store builds its keyword index from the manifest when opened), and swaps it
in like a rebuild (readers of every process follow; see index/swap.py).
"""

from __future__ import annotations

import sqlite3

from index.store import MANIFEST_FILE, ArchiveStore, remove_store

# Compact when the dead slots outnumber the live vectors and are at least this
# many. Measured on 90 chunks whose articles were all updated 18 times
# (tests/index/test_crash_leftovers.py): with 200 the store stays between 1.5
# and 3.4 MB (1.43 MB after the first ingest); with 500 it peaked at 5.0 MB;
# without compaction it reached 5.4 MB after 12 updates and kept growing. Large
# archives compact only once their index has doubled (RealTimeQA: after 30,539
# deletions), so the copy stays rare.
COMPACT_MIN_DEAD = 200
COPY_PAGE = 2000


def needs_compaction(store: ArchiveStore) -> bool:
    """True when the vector index holds more dead slots than live vectors (and at least COMPACT_MIN_DEAD)."""
    dead = store.manifest.dead_vectors()
    return dead >= COMPACT_MIN_DEAD and dead > store.manifest.counts()[1]


def compact(store: ArchiveStore) -> int:
    """Copy the live store into a fresh folder and swap it in; returns the vectors copied.

    The caller holds the store's WriteLock. A failure leaves the live store as it was.
    """
    store.sweep_orphans()
    fresh_dir = store.path.with_name(store.path.name + ".compact")
    remove_store(fresh_dir, store.chroma)
    fresh_dir.mkdir(parents=True)
    copy = sqlite3.connect(str(fresh_dir / MANIFEST_FILE))
    try:
        store.manifest.db.backup(copy)
    finally:
        copy.close()
    fresh = ArchiveStore(fresh_dir, store.chroma)
    copied = 0
    try:
        fresh.manifest.reset_dead_vectors()
        while True:
            got = store.collection.get(include=["embeddings", "metadatas", "documents"], limit=COPY_PAGE,
                                       offset=copied)
            if not got["ids"]:
                break
            fresh.collection.add(ids=got["ids"], embeddings=got["embeddings"], metadatas=got["metadatas"],
                                 documents=got["documents"])
            copied += len(got["ids"])
    except BaseException:
        fresh.close()
        remove_store(fresh_dir, store.chroma)
        raise
    fresh.close()
    store.swap_in(fresh_dir)
    return copied
