"""`newsdesk doctor`: check the models and the store, and repair what is safe to repair.

Repairs, under the store's write lock: vectors whose chunk ids the manifest
does not know (an interrupted ingest, update or remove), and the folders and
lock files of a rebuild, compaction or import that died before its swap (on a
Chroma server, their collections too), and a keyword index that does not hold
exactly the manifest's chunks or has changes waiting in the outbox (rebuilt
from the manifest). Reports what it cannot repair, one line
each: manifest chunks without a vector (re-ingest their files), and model
files that are missing or do not match their pinned sha256 (`newsdesk models`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from index.keyword_outbox import pending_count
from index.lock import WriteLock
from index.models import model_problems
from index.settings import IndexSettings
from index.store import ArchiveStore, remove_store

REBUILD_LEFTOVERS = (".rebuild", ".old", ".compact", ".import")


@dataclass(frozen=True)
class Finding:
    """One thing doctor found: what, and whether it repaired it."""

    text: str
    repaired: bool

    def line(self) -> str:
        """`repaired: …` or `PROBLEM: …`, for the terminal."""
        return f"{'repaired' if self.repaired else 'PROBLEM'}: {self.text}"


@dataclass
class DoctorReport:
    """What `doctor` found and did; `healthy` when nothing is left to fix."""

    articles: int
    chunks: int
    vectors: int
    orphan_vectors_removed: int
    chunks_without_vectors: int
    leftovers_removed: list[str] = field(default_factory=list)
    vectors_at: str = ""
    findings: list[Finding] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        """Every manifest chunk has its vector, every vector its chunk, and every finding is repaired."""
        return (self.chunks_without_vectors == 0 and self.vectors == self.chunks
                and all(f.repaired for f in self.findings))

    def to_json(self) -> dict:
        """The `newsdesk doctor --json` object."""
        data = asdict(self)
        data["findings"] = [{"text": f.text, "repaired": f.repaired} for f in self.findings]
        return {**data, "healthy": self.healthy}


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
        waiting = pending_count(store.manifest.db)  # counted first: taking the store over drains them
        store.ensure_current()
        leftovers = rebuild_leftovers(store.path)
        for path in leftovers:
            if path.is_dir():
                remove_store(path, store.chroma)
            else:
                path.unlink(missing_ok=True)
        removed = store.sweep_orphans()
        keyword_problem = _keyword_problem(store, waiting)
        if keyword_problem:
            store.sync_keywords(rebuild=True)
        vector_ids = set(store.vector_ids())
        known = store.manifest.chunk_ids()
        articles, chunks, _, _ = store.manifest.counts()
        report = DoctorReport(articles, chunks, len(vector_ids), removed, len(known - vector_ids),
                              [str(p) for p in leftovers], store.chroma.describe(store.path))
    if removed:
        report.findings.append(Finding(f"{removed} orphan vector(s) (left by an interrupted write) removed", True))
    # One line per interrupted operation: its folder and the lock files beside it are one finding.
    for base in dict.fromkeys(_without_guard_suffix(p) for p in leftovers):
        report.findings.append(Finding(f"{base}: leftover of an interrupted rebuild, compaction or import removed",
                                       True))
    if keyword_problem:
        report.findings.append(Finding(f"{keyword_problem}: rebuilt from the manifest", True))
    if report.chunks_without_vectors:
        report.findings.append(Finding(f"{report.chunks_without_vectors} chunk(s) of the manifest have no vector "
                                       f"in {report.vectors_at}: re-ingest their files", False))
    return report


def _keyword_problem(store: ArchiveStore, waiting: int) -> str | None:
    """What is wrong with the keyword index, if anything: a count that is not the manifest's chunks',
    or changes left in the outbox (a writer stopped between the manifest's commit and tantivy's)."""
    chunks = store.manifest.counts()[1]
    indexed = store.keywords.count()
    waiting = waiting or pending_count(store.manifest.db)
    if indexed != chunks:
        return f"the keyword index holds {indexed} chunk(s), the manifest {chunks}"
    if waiting:
        return f"{waiting} change(s) of the keyword index were left in the manifest's outbox"
    return None


def _without_guard_suffix(path: Path) -> Path:
    for suffix in (".lock", ".readers", ".gate"):
        if path.name.endswith(suffix):
            return path.with_name(path.name[: -len(suffix)])
    return path


def check_models(settings: IndexSettings, rehash: bool = False) -> list[Finding]:
    """A finding per model file missing or not matching its pinned sha256 (never repaired here)."""
    return [Finding(line, False) for line in model_problems(settings, rehash)]
