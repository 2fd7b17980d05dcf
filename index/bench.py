"""`newsdesk bench ingest`: indexing throughput measured in one run.

Indexes the given paths into a scratch store and reports articles/s and
chunks/s, the bare encoder throughput on the very same chunk texts
(sentence-transformers `encode` alone), their ratio (how much the pipeline
costs beyond embedding), the time to re-ingest the unchanged input, and memory:
the process's peak after loading the model and after the ingest, and the
resident size a quarter of the way through the ingest and at its end (flat
means the ingest streams: it does not hold the input as Python objects).
"""

from __future__ import annotations

import os
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


def peak_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports ru_maxrss in KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def resident_mb() -> float | None:
    """The process's resident memory now, in MB (None where /proc is absent)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def bench_ingest(settings: IndexSettings, paths: Sequence[str | Path]) -> dict[str, object]:
    """Run the benchmark and return the figures (already rounded for printing)."""
    import torch

    embedder = load_embedder(settings)
    embedder.encode(["warm-up"])  # exclude model start-up from the timings
    model_peak = peak_mb()
    resident: list[tuple[int, float | None]] = []  # (articles read, resident MB) every ARTICLE_STEP articles
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as scratch:
        store = ArchiveStore(Path(scratch) / "store")
        indexer = build_indexer(settings, store=store, embedder=embedder, quiet=True)
        first = indexer.ingest(paths, article_progress=lambda _d, _t, _p, read: resident.append((read, resident_mb())))
        ingest_peak = peak_mb()
        second = indexer.ingest(paths)
        articles = [a for a in read_paths(paths) if isinstance(a, Article)]
        texts = [embed_text(a, c) for a in articles for c in indexer.chunker.split(a)]
        t0 = time.perf_counter()
        embedder.encode(texts)
        encode_s = time.perf_counter() - t0
        store.close()
    indexed = first.added + first.updated
    quarter = next((mb for read, mb in resident if read >= first.processed / 4), None)
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
        # The share of the ingest's wall time the encoder spent encoding: 1.0 means it never waited.
        "encoder busy share": round(first.embed_seconds / first.seconds, 2) if first.seconds else 0.0,
        "re-ingest unchanged seconds": round(second.seconds, 2),
        "re-ingest chunks embedded": second.embedded_chunks,
        "torch threads": torch.get_num_threads(),
        # The kernel updates ru_maxrss lazily, so a resident sample can top it by a page or two.
        "peak memory MB": round(max([peak_mb()] + [mb for _, mb in resident if mb is not None]), 1),
        "peak memory after model MB": round(model_peak, 1),
        "peak memory after ingest MB": round(ingest_peak, 1),
        "resident at 1/4 of ingest MB": _rounded(quarter),
        "resident at end of ingest MB": _rounded(resident[-1][1] if resident else None),
    }
