"""`newsdesk export` / `newsdesk import`: move an archive without embedding it again.

An export folder holds everything a store needs to answer questions:

- `manifest.sqlite`: a SQLite backup of the manifest (articles, chunks,
  syndication groups, flags, the embedder stamp); the tantivy keyword index is
  not exported: the imported store builds it from the manifest's chunks when it
  is opened (index/keyword_outbox.py);
- `vectors.npy`: one float32 row per chunk, in the order of
- `vectors.jsonl`: one line per row, `{"id", "metadata", "document"}` as Chroma holds them;
- `export.json`: format, counts, dimensions and the embedder, checked on import.

Import builds the copy in a fresh folder beside the store (vectors embedded or
on a Chroma server, as the importing settings say) and swaps it in like a
rebuild, so a failed import leaves the store as it was and readers of every
process follow. It refuses a store that already holds articles: merging two
archives is `ingest`'s job.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from index.errors import NewsdeskError
from index.lock import WriteLock
from index.provenance import read_stamp
from index.store import MANIFEST_FILE, ArchiveStore, remove_store

FORMAT = "newsdesk-export/1"
INFO_FILE = "export.json"
VECTORS_FILE = "vectors.npy"
RECORDS_FILE = "vectors.jsonl"
PAGE = 2000  # vectors per Chroma get/add call (bounded memory; Chroma's max batch is larger)


class TransferError(NewsdeskError):
    """An export folder that cannot be written or read back, or a store that cannot take an import."""


@dataclass(frozen=True)
class TransferReport:
    """What an export or import moved."""

    folder: str
    articles: int
    chunks: int
    vectors: int
    dimensions: int
    embedder: str | None

    def to_json(self) -> dict:
        """The report as JSON."""
        return asdict(self)


def export_archive(store: ArchiveStore, out: Path) -> TransferReport:
    """Write the store's manifest and the vectors the manifest knows into `out` (new or empty).

    Holds the store's write lock, so the copy is one committed version;
    orphan vectors of an interrupted write are left behind.
    """
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise TransferError(f"{out} is not empty: export into a new folder")
    out.mkdir(parents=True, exist_ok=True)
    try:
        with WriteLock(store.path):
            store.ensure_current()
            copy = sqlite3.connect(str(out / MANIFEST_FILE))
            try:
                store.manifest.db.backup(copy)
            finally:
                copy.close()
            known = store.manifest.chunk_ids()
            articles, chunks, _, _ = store.manifest.counts()
            stamp = read_stamp(store.manifest.db)
            rows = _copy_vectors(store, known, out)
    except BaseException:  # no half-written export that `import` could mistake for a whole one
        for name in (MANIFEST_FILE, VECTORS_FILE, RECORDS_FILE):
            (out / name).unlink(missing_ok=True)
        raise
    if rows.count != chunks:
        raise TransferError(f"{chunks - rows.count} chunk(s) of the manifest have no vector: run "
                            "`newsdesk doctor`, then re-ingest their files before exporting")
    report = TransferReport(str(out), articles, chunks, rows.count, rows.dimensions,
                            stamp.describe() if stamp else None)
    info = {"format": FORMAT, **report.to_json(), "embedder_stamp": stamp.to_json() if stamp else None}
    info.pop("folder")
    (out / INFO_FILE).write_text(json.dumps(info, indent=1), encoding="utf-8")
    return report


@dataclass(frozen=True)
class _Written:
    count: int
    dimensions: int


def _copy_vectors(store: ArchiveStore, known: set[str], out: Path) -> _Written:
    """Page through Chroma into `vectors.npy` + `vectors.jsonl` (manifest chunks only)."""
    total = store.collection.count()
    matrix: np.ndarray | None = None
    count = offset = 0
    with open(out / RECORDS_FILE, "w", encoding="utf-8") as records:
        while True:
            got = store.collection.get(include=["embeddings", "metadatas", "documents"], limit=PAGE, offset=offset)
            if not got["ids"]:
                break
            offset += len(got["ids"])
            for cid, vector, meta, doc in zip(got["ids"], got["embeddings"], got["metadatas"], got["documents"]):
                if cid not in known:
                    continue
                if matrix is None:  # sized for every vector Chroma holds; cut to those written below
                    matrix = np.lib.format.open_memmap(out / VECTORS_FILE, mode="w+", dtype=np.float32,
                                                       shape=(total, len(vector)))
                matrix[count] = vector
                records.write(json.dumps({"id": cid, "metadata": meta, "document": doc}, ensure_ascii=False) + "\n")
                count += 1
    dimensions = 0 if matrix is None else matrix.shape[1]
    if matrix is None:
        np.save(out / VECTORS_FILE, np.zeros((0, 0), dtype=np.float32))
    else:
        matrix.flush()
        del matrix
        if count != total:  # orphans were skipped: rewrite the file at its real length
            np.save(out / VECTORS_FILE, np.array(np.load(out / VECTORS_FILE, mmap_mode="r")[:count]))
    return _Written(count, dimensions)


def read_export_info(folder: Path) -> dict:
    """The export's `export.json`, checked; `TransferError` naming the file when it is not one."""
    path = Path(folder) / INFO_FILE
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TransferError(f"{path}: not found; is {folder} a `newsdesk export` folder?") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise TransferError(f"{path}: not JSON ({exc})") from None
    if not isinstance(info, dict) or info.get("format") != FORMAT:
        raise TransferError(f"{path}: format {info.get('format') if isinstance(info, dict) else None!r}, "
                            f"expected {FORMAT!r}")
    for name in (MANIFEST_FILE, VECTORS_FILE, RECORDS_FILE):
        if not (Path(folder) / name).is_file():
            raise TransferError(f"{Path(folder) / name}: missing from the export")
    return info


def import_archive(store: ArchiveStore, folder: Path) -> TransferReport:
    """Load an export into `store` (which must hold no articles), without embedding anything."""
    folder = Path(folder)
    info = read_export_info(folder)
    vectors = np.load(folder / VECTORS_FILE, mmap_mode="r")
    if vectors.shape[0] != info["vectors"]:
        raise TransferError(f"{folder / VECTORS_FILE}: {vectors.shape[0]} rows, export.json says {info['vectors']}")
    with WriteLock(store.path):
        store.ensure_current()
        held = store.manifest.counts()[0]
        if held:
            raise TransferError(f"the index at {store.path} already holds {held} articles: import into an "
                                "empty store (--store DIR, or `newsdesk remove` them first)")
        fresh_dir = store.path.with_name(store.path.name + ".import")
        remove_store(fresh_dir, store.chroma)
        fresh_dir.mkdir(parents=True)
        try:
            source = sqlite3.connect(f"file:{folder / MANIFEST_FILE}?mode=ro", uri=True)
            copy = sqlite3.connect(str(fresh_dir / MANIFEST_FILE))
            try:
                source.backup(copy)
            finally:
                copy.close()
                source.close()
            fresh = ArchiveStore(fresh_dir, store.chroma)
            try:
                fresh.manifest.reset_dead_vectors()
                _load_vectors(fresh, folder, vectors)
                articles, chunks, _, _ = fresh.manifest.counts()
                loaded = fresh.collection.count()
            finally:
                fresh.close()
            if loaded != chunks:
                raise TransferError(f"{folder}: the manifest has {chunks} chunks but {loaded} vectors were loaded")
        except BaseException:
            remove_store(fresh_dir, store.chroma)
            raise
        store.swap_in(fresh_dir)
    return TransferReport(str(folder), articles, chunks, loaded, int(info.get("dimensions") or 0), info.get("embedder"))


def _load_vectors(fresh: ArchiveStore, folder: Path, vectors: np.ndarray) -> None:
    """Add the export's rows to the fresh store's collection, a page at a time."""
    path = folder / RECORDS_FILE
    batch: list[dict] = []
    row = 0
    with open(path, encoding="utf-8") as records:
        for line_no, line in enumerate(records, start=1):
            try:
                batch.append(json.loads(line))
            except ValueError as exc:
                raise TransferError(f"{path}:{line_no}: not JSON ({exc})") from None
            if len(batch) == PAGE:
                _add(fresh, batch, vectors[row:row + len(batch)])
                row += len(batch)
                batch = []
    if batch:
        _add(fresh, batch, vectors[row:row + len(batch)])
        row += len(batch)
    if row != vectors.shape[0]:
        raise TransferError(f"{path}: {row} records for {vectors.shape[0]} vectors")


def _add(fresh: ArchiveStore, batch: list[dict], rows: np.ndarray) -> None:
    if len(rows) != len(batch):
        raise TransferError(f"{len(batch)} records but only {len(rows)} vectors left in the export")
    fresh.collection.add(ids=[r["id"] for r in batch], embeddings=np.asarray(rows, dtype=np.float32),
                         metadatas=[r["metadata"] for r in batch], documents=[r["document"] for r in batch])
