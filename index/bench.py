"""`newsdesk bench ingest`: indexing throughput measured in one run.

Indexes the given paths into a scratch store and reports articles/s and
chunks/s, the bare encoder throughput on the very same chunk texts
(sentence-transformers `encode` alone), their ratio (how much the pipeline
costs beyond embedding), the time to re-ingest the unchanged input, and the
process's peak memory.
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path
from typing import Sequence

from index.chunking import embed_text
from index.readers import read_paths
from index.article import Article
from index.runtime import build_indexer, load_embedder
from index.settings import IndexSettings
from index.store import ArchiveStore


def bench_ingest(settings: IndexSettings, paths: Sequence[str | Path]) -> dict[str, object]:
    """Run the benchmark and return the figures (already rounded for printing)."""
    embedder = load_embedder(settings)
    embedder.encode(["warm-up"])  # exclude model start-up from the timings
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as scratch:
        store = ArchiveStore(Path(scratch) / "store")
        indexer = build_indexer(settings, store=store, embedder=embedder, quiet=True)
        first = indexer.ingest(paths)
        second = indexer.ingest(paths)
        articles = [a for a in read_paths(paths) if isinstance(a, Article)]
        texts = [embed_text(a, c) for a in articles for c in indexer.chunker.split(a)]
        t0 = time.perf_counter()
        embedder.encode(texts)
        encode_s = time.perf_counter() - t0
        store.close()
    indexed = first.added + first.updated
    chunks_per_s = first.embedded_chunks / first.seconds if first.seconds else 0.0
    encoder_per_s = len(texts) / encode_s if encode_s else 0.0
    return {
        "articles indexed": indexed,
        "chunks embedded": first.embedded_chunks,
        "failed inputs": len(first.failed),
        "ingest seconds": round(first.seconds, 2),
        "articles/s": round(indexed / first.seconds, 1) if first.seconds else 0.0,
        "chunks/s": round(chunks_per_s, 1),
        "bare encoder chunks/s": round(encoder_per_s, 1),
        "pipeline/encoder ratio": round(chunks_per_s / encoder_per_s, 2) if encoder_per_s else 0.0,
        "re-ingest unchanged seconds": round(second.seconds, 2),
        "re-ingest chunks embedded": second.embedded_chunks,
        "peak memory MB": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
