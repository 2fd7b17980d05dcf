"""One point of the scale curve: build a store of N chunks, time its searches, in a process of its own.

`measure_size` writes the replicated demo chunks (eval/scale_corpus.py)
through the product's write path (`ArchiveStore.put_articles` under the
store's WriteLock, in batches of about `BATCH_CHUNKS` chunks: manifest, tantivy keyword
index, syndication signatures, flags and statements as ingest records them), then
times, over the same questions:

- dense: `ArchiveStore.dense_search` with the question vector already encoded;
- keyword: `ArchiveStore.keyword_search` (tantivy BM25);
- hybrid: `NewsQA.understand` then `NewsQA.retrieve`, what `ask` does before answering (question
  parsing, MiniLM encoding of the question, dense + keyword, RRF, collapse);
- ask: `NewsQA.ask` with no LLM (`ask --llm none`);
- rebuild (at one size): `index.compaction.compact`, the product's rebuild that
  reuses stored vectors (fresh folder, manifest backup, vectors copied, swap).

Run as `python -m eval.scale_bench CONFIG_JSON`, it prints one `SCALE-ROW`
JSON line; the driver (eval/scale_run.py) starts one process per size so each
size's peak memory is its own. With `"grow": true` one process grows one store
through all the sizes instead (`bench scale --grow`), printing each size's row as
it is measured: a long run that is stopped still reports what it reached, and
the largest size costs its own writes only once.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np

from index.chroma_client import EMBEDDED, ChromaLocation
from index.embedding import Embedder
from index.lock import WriteLock
from index.store import ArchiveStore
from eval.scale_corpus import BaseCorpus, load_cached, read_articles, replicate

BATCH_CHUNKS = 2000  # chunks per put_articles call: one Chroma add and one manifest transaction
ROW_PREFIX = "SCALE-ROW "
TIMINGS = ("encode", "dense", "keyword", "hybrid", "ask")


@dataclass
class ScaleRow:
    """What one store size measured (seconds, MB, milliseconds)."""

    chunks: int
    articles: int
    real_chunks: int  # how many of `chunks` are real demo chunks (the rest are replicas)
    mode: str  # "embedded" or "server"
    build_s: float
    disk_mb: float
    build_rss_mb: float  # peak resident memory after the build (before the embedder is loaded)
    peak_rss_mb: float  # peak resident memory of the whole run (MiniLM and the queries included)
    p50: dict[str, float] = field(default_factory=dict)
    p95: dict[str, float] = field(default_factory=dict)
    rebuild_s: float | None = None
    queries: int = 0


def disk_bytes(path: Path) -> int:
    """Bytes the folder occupies on disk (allocated blocks, as `du` counts them)."""
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_blocks * 512
            except FileNotFoundError:
                pass
    return total


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class StoreWriter:
    """Writes a stream of (article, chunks, vectors) into a store through `put_articles`, in batches
    of about `BATCH_CHUNKS` chunks, as far as asked each time (so one store can grow size by size)."""

    def __init__(self, store: ArchiveStore, items: Iterable[tuple], progress: Callable[[str], None] = print,
                 target: int | None = None) -> None:
        self.store, self.items, self.progress, self.target = store, iter(items), progress, target
        self.chunks, self.articles, self.seconds = 0, 0, 0.0

    def write_until(self, chunks: int) -> int:
        """Write articles until at least `chunks` chunks are stored (or the stream ends); returns the count."""
        started, batch, batch_chunks = time.perf_counter(), [], 0
        with WriteLock(self.store.path):
            self.store.ensure_current()
            while self.chunks + batch_chunks < chunks:
                item = next(self.items, None)
                if item is None:
                    break
                batch.append(item)
                batch_chunks += len(item[1])
                if batch_chunks >= BATCH_CHUNKS:
                    self._put(batch, batch_chunks, started)
                    batch, batch_chunks = [], 0
            if batch:
                self._put(batch, batch_chunks, None)
        self.seconds += time.perf_counter() - started
        return self.chunks

    def _put(self, batch: list[tuple], batch_chunks: int, started: float | None) -> None:
        self.store.put_articles(batch)
        self.articles, self.chunks = self.articles + len(batch), self.chunks + batch_chunks
        if started is not None:
            self.progress(f"  {self.chunks}/{self.target or '?'} chunks written, "
                          f"{self.seconds + time.perf_counter() - started:.0f} s")


def build_store(store: ArchiveStore, corpus: BaseCorpus, target: int,
                progress: Callable[[str], None] = print) -> tuple[float, int]:
    """Write `target` chunks into `store` through `put_articles`; returns (seconds, articles)."""
    writer = StoreWriter(store, replicate(corpus, target), progress, target)
    writer.write_until(target)
    return writer.seconds, writer.articles


def _ms(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def time_queries(store: ArchiveStore, embedder: Embedder, questions: Sequence[str], *, k: int = 30
                 ) -> dict[str, list[float]]:
    """Milliseconds per question of each timing in `TIMINGS` (one untimed warm-up question first)."""
    from qa.answer import NewsQA

    qa = NewsQA(store, embedder, None)
    as_of = date.fromisoformat(store.date_span()[1] or date.today().isoformat())  # every article is eligible
    vectors = embedder.encode(list(questions))
    warm = questions[0]
    store.dense_search(vectors[0], k), store.keyword_search(warm, k), qa.ask(warm, as_of=as_of)
    out: dict[str, list[float]] = {name: [] for name in TIMINGS}
    for question, vector in zip(questions, vectors):
        out["encode"].append(_ms(lambda: embedder.encode([question])))
        out["dense"].append(_ms(lambda: store.dense_search(vector, k)))
        out["keyword"].append(_ms(lambda: store.keyword_search(question, k)))
        out["hybrid"].append(_ms(lambda: qa.retrieve(qa.understand(question, as_of=as_of))))
        out["ask"].append(_ms(lambda: qa.ask(question, as_of=as_of)))
    return out


def measure_size(config: dict, progress: Callable[[str], None] = print) -> list[ScaleRow]:
    """Build the store of `config["chunks"]` chunks (embedded, then on the server if given) and time it."""
    target = int(config["chunks"])
    rows: list[ScaleRow] = []
    _grow(config, [target], f"store-{target}", rows.append, progress)
    return rows


def measure_growing(config: dict, emit: Callable[[ScaleRow], None],
                    progress: Callable[[str], None] = print) -> list[ScaleRow]:
    """Grow one store through `config["sizes"]` (ascending), timing it at each size as it passes.

    Each size's row is handed to `emit` as soon as it is measured, so a run stopped on the way to
    1M still reports every size it reached. Build time is the writing so far; peak memory is the
    whole run's so far (one process). A size is reached at the first article that crosses it, so
    the store may hold a few more chunks than the size (the row says how many).
    """
    return _grow(config, sorted(int(n) for n in config["sizes"]), "store-grow", emit, progress)


def _grow(config: dict, sizes: list[int], name: str, emit: Callable[[ScaleRow], None],
          progress: Callable[[str], None]) -> list[ScaleRow]:
    """Per location, one store `name-<mode>` written up to each of `sizes` in turn and timed there."""
    corpus = _corpus(config)
    rows, embedder = [], None
    for mode, location in _locations(config):
        store_dir = Path(config["work_dir"]) / f"{name}-{mode}"
        store = ArchiveStore(store_dir, location)
        writer = StoreWriter(store, replicate(corpus, sizes[-1]), progress, sizes[-1])
        progress(f"{', '.join(map(str, sizes))} chunks ({mode}): building {store_dir}")
        for size in sizes:
            writer.write_until(size)
            build_rss = peak_rss_mb()  # before MiniLM is loaded (for the first size)
            embedder = embedder or Embedder(Path(config["embedder"]))
            rows.append(_measure(store, store_dir, writer, corpus, mode, size, config, embedder, build_rss,
                                 progress))
            emit(rows[-1])
        store.close()
    return rows


def _corpus(config: dict) -> BaseCorpus:
    corpus = load_cached(read_articles(Path(config["source"]), config.get("limit")), Path(config["cache"]))
    if corpus is None:
        raise FileNotFoundError(f"{config['cache']}: no cached chunks for these articles (the driver makes it)")
    return corpus


def _locations(config: dict) -> list[tuple[str, ChromaLocation]]:
    return [("embedded", EMBEDDED)] + ([("server", ChromaLocation(config["server"]))] if config.get("server") else [])


def _measure(store: ArchiveStore, store_dir: Path, writer: StoreWriter, corpus: BaseCorpus, mode: str, size: int,
             config: dict, embedder: Embedder, build_rss: float, progress: Callable[[str], None]) -> ScaleRow:
    """The row of a store as it stands at `size`: its chunks, the build so far, and the timed questions."""
    # build seconds to the millisecond: a test's store of 24 chunks is written in under 0.05 s, which
    # rounded to 0.0 on a fast machine (the table prints whole seconds anyway)
    row = ScaleRow(writer.chunks, writer.articles, min(writer.chunks, corpus.chunk_count), mode,
                   round(writer.seconds, 3), round(disk_bytes(store_dir) / 2**20, 1), round(build_rss, 1), 0.0)
    progress(f"{writer.chunks} chunks ({mode}): timing {len(config['questions'])} questions")
    times = time_queries(store, embedder, config["questions"])
    row.queries = len(config["questions"])
    row.p50 = {name: round(float(np.percentile(v, 50)), 1) for name, v in times.items()}
    row.p95 = {name: round(float(np.percentile(v, 95)), 1) for name, v in times.items()}
    if size == config.get("rebuild_at"):
        from index.compaction import compact

        progress(f"{writer.chunks} chunks ({mode}): rebuilding (compaction: stored vectors copied, no re-embedding)")
        with WriteLock(store.path):
            t0 = time.perf_counter()
            compact(store)
            row.rebuild_s = round(time.perf_counter() - t0, 1)
    row.peak_rss_mb = round(peak_rss_mb(), 1)
    return row


def main(argv: Sequence[str]) -> int:
    """Child-process entry: measure one size (or grow through all of them with `"grow": true`),
    printing each row as a `SCALE-ROW` JSON line."""
    config = json.loads(argv[0])
    say = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
    emit = lambda row: print(ROW_PREFIX + json.dumps(asdict(row)), flush=True)  # noqa: E731
    if config.get("grow"):
        measure_growing(config, emit, progress=say)
    else:
        for row in measure_size(config, progress=say):
            emit(row)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
