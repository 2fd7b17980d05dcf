"""Benchmark archives: each benchmark indexes its data into its own store under
HOME/benchmarks/NAME/, reused by later runs (the Indexer skips unchanged
articles), and can derive a copy without some articles for abstention probes.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Iterable

from index.article import Article
from index.errors import NewsdeskError
from index.lock import WriteLock
from index.pipeline import IngestReport
from index.runtime import build_indexer
from index.store import ArchiveStore
from qa.settings import Settings

COPY_BATCH = 200
MARKER = "derived-from.json"


class BenchmarkDataError(NewsdeskError, ValueError):
    """The benchmark's data files are missing or malformed (the message names file and record)."""


class BenchmarkDataMissing(BenchmarkDataError, FileNotFoundError):
    """A data file the benchmark needs is not there (still a FileNotFoundError for callers)."""


def benchmark_home(settings: Settings, name: str) -> Path:
    """HOME/benchmarks/NAME."""
    return settings.home / "benchmarks" / name


def ingest_into(settings: Settings, store: ArchiveStore, paths: Iterable[Path], embedder, *,
                quiet: bool = False) -> IngestReport:
    """Index `paths` into `store` (only new or changed articles are embedded)."""
    return build_indexer(settings, store=store, embedder=embedder, quiet=quiet).ingest(list(paths))


def index_own_store(settings: Settings, name: str, paths: Iterable[Path], embedder, *,
                    quiet: bool = False) -> tuple[ArchiveStore, IngestReport]:
    """The benchmark's own store (HOME/benchmarks/NAME/store, or --store) with `paths` indexed into it."""
    store = ArchiveStore(settings.store_dir or benchmark_home(settings, name) / "store")
    return store, ingest_into(settings, store, paths, embedder, quiet=quiet)


def _fingerprint(store: ArchiveStore) -> str:
    rows = store.manifest.articles(None)
    return hashlib.sha256(json.dumps(sorted((r.id, r.content_hash) for r in rows)).encode()).hexdigest()[:16]


def copy_without(source: ArchiveStore, dest_dir: Path, drop_ids: set[str]) -> ArchiveStore:
    """A store holding every article of `source` except `drop_ids`, built by copying
    the stored chunks and vectors (nothing is re-embedded). Reused when it was
    built from the same source contents and drop list."""
    wanted = {"source": str(source.path), "dropped": sorted(drop_ids),
              "fingerprint": _fingerprint(source)}
    marker = dest_dir / MARKER
    if marker.exists():
        try:
            if json.loads(marker.read_text(encoding="utf-8")) == wanted:
                return ArchiveStore(dest_dir)
        except json.JSONDecodeError:
            pass
    if dest_dir.exists():
        shutil.rmtree(dest_dir)
    dest = ArchiveStore(dest_dir)
    with WriteLock(dest.path):
        for row in source.manifest.articles(None):
            if row.id in drop_ids:
                continue
            chunks = source.manifest.chunks_of(row.id)
            vectors: list = []
            for at in range(0, len(chunks), COPY_BATCH):
                ids = [c.id for c in chunks[at:at + COPY_BATCH]]
                got = source.collection.get(ids=ids, include=["embeddings"])
                by_id = dict(zip(got["ids"], got["embeddings"]))
                vectors += [by_id[i] for i in ids]
            article = Article(id=row.id, title=row.title, body=row.body, path=row.path, published=row.published,
                              source=row.source, url=row.url, author=row.author)
            dest.put_article(article, chunks, vectors)
    marker.write_text(json.dumps(wanted), encoding="utf-8")
    return dest
