"""`newsdesk doctor`: find and repair what interrupted writes leave behind.

Repairs, under the store's write lock: vectors whose chunk ids the manifest
does not know (an interrupted ingest, update or remove), and the folders and
lock files of a rebuild that died before its swap. Reports what it cannot
repair: manifest chunks without a vector (re-ingest their files to restore them).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from index.lock import WriteLock
from index.store import ArchiveStore, remove_store

REBUILD_LEFTOVERS = (".rebuild", ".old", ".compact", ".import")


@dataclass
class DoctorReport:
    """What `doctor` found and did; `healthy` when nothing is left to fix."""

    articles: int
    chunks: int
    vectors: int
    orphan_vectors_removed: int
    chunks_without_vectors: int
    leftovers_removed: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        """Every manifest chunk has its vector and every vector its chunk."""
        return self.chunks_without_vectors == 0 and self.vectors == self.chunks

    def to_json(self) -> dict:
        """The `newsdesk doctor --json` object."""
        return {**asdict(self), "healthy": self.healthy}


def rebuild_leftovers(store_dir: Path) -> list[Path]:
    """Folders and lock files of rebuilds that never swapped in (beside the store)."""
    found = []
    for suffix in REBUILD_LEFTOVERS:
        base = store_dir.with_name(store_dir.name + suffix)
        found += [p for p in (base, *(base.with_name(base.name + s) for s in (".lock", ".readers", ".gate")))
                  if p.exists()]
    return found


def check_store(store: ArchiveStore) -> DoctorReport:
    """Sweep orphan vectors and rebuild leftovers; count what remains inconsistent."""
    with WriteLock(store.path):
        store.ensure_current()
        leftovers = rebuild_leftovers(store.path)
        for path in leftovers:
            if path.is_dir():
                remove_store(path, store.chroma)
            else:
                path.unlink(missing_ok=True)
        removed = store.sweep_orphans()
        vector_ids = set(store.vector_ids())
        known = store.manifest.chunk_ids()
        articles, chunks, _, _ = store.manifest.counts()
        return DoctorReport(articles, chunks, len(vector_ids), removed, len(known - vector_ids),
                            [str(p) for p in leftovers])
