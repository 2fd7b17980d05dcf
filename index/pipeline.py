"""Ingest, remove and rebuild: keeping the index in step with the articles.

Incremental by content hash (like simonw/llm's embed skip): an article whose
hash is already recorded is not chunked or embedded again; a changed article
replaces its old chunks; an exact duplicate body under another id is recorded
but not indexed twice. Embedding is batched across articles for throughput and
runs on a thread of its own (`EncodeAhead`): while it encodes one batch, this
thread reads and chunks the next and writes the one before, in order. An article
stays "pending" (so a second copy of it is recognised) from when it is read until
its batch is committed. Every write happens under the store's `WriteLock`, on
the store now at its path (a rebuild by another process may have swapped it
since it was opened).
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from tqdm import tqdm

from index.article import Article
from index.chunking import Chunk, Chunker, embed_text
from index.compaction import compact, needs_compaction
from index.defaults import ArticleDefaults, all_recorded, record_defaults, recorded_defaults
from index.embedding import Embedder
from index.encode_ahead import EncodeAhead, Encoded
from index.errors import NewsdeskError
from index.lock import WriteLock
from index.provenance import stamp_of, stamp_store
from index.readers import FieldMap, ReadFailure, list_inputs, read_file
from index.flags import backfill as backfill_flags
from index.statements import backfill as backfill_statements
from index.store import ArchiveStore, remove_store

# (files done, files total, current file) — the Gradio app drives a progress bar with it.
ProgressFn = Callable[[int, int, str], None]
# (files done, files total, current file, articles read so far): also called inside a big file.
ArticleProgressFn = Callable[[int, int, str, int], None]
ARTICLE_STEP = 25  # articles between two in-file progress calls (a 1,000-article JSONL shows 40 steps)
# Chunks per batch handed to the encoder (estimated at 800 body characters a chunk). The encoder sorts
# each batch's texts by length so that its sub-batches of 32 pad little; over the full demo archive's
# 16,779 chunks, batches of 256 pad to 5.8 % more tokens than one sorted call (the bare encoder `bench
# ingest` compares with), 1,024 to 1.6 %, 2,048 to 0.8 %. Larger batches leave the encoder idle longer
# while the first is read and the last is written (≈ 4 ms of writing per chunk), so 1,024.
FLUSH_CHUNKS = 1024


@dataclass
class IngestReport:
    """What one ingest run did; `articles`/`chunks` are the index totals afterwards."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: list[ReadFailure] = field(default_factory=list)
    articles: int = 0
    chunks: int = 0
    seconds: float = 0.0
    embedded_chunks: int = 0
    embed_seconds: float = 0.0
    interrupted: bool = False
    added_titles: list[str] = field(default_factory=list)  # headlines, in the order they were read
    updated_titles: list[str] = field(default_factory=list)

    @property
    def processed(self) -> int:
        """Articles read in this run, whatever happened to them."""
        return self.added + self.updated + self.unchanged + self.duplicates

    def merge(self, other: "IngestReport") -> "IngestReport":
        """Counts of two runs added up; totals taken from the later one."""
        return IngestReport(
            self.added + other.added, self.updated + other.updated, self.unchanged + other.unchanged,
            self.duplicates + other.duplicates, self.failed + other.failed, other.articles, other.chunks,
            self.seconds + other.seconds, self.embedded_chunks + other.embedded_chunks,
            self.embed_seconds + other.embed_seconds, self.interrupted or other.interrupted,
            self.added_titles + other.added_titles, self.updated_titles + other.updated_titles)

    def to_json(self) -> dict:
        """The `newsdesk ingest --json` object."""
        return {
            "added": self.added, "updated": self.updated, "unchanged": self.unchanged,
            "duplicates": self.duplicates,
            "failed": [{"path": f.path, "error": f.error} for f in self.failed],
            "articles": self.articles, "chunks": self.chunks, "seconds": round(self.seconds, 3),
            "added_titles": self.added_titles, "updated_titles": self.updated_titles,
        }


@dataclass
class _Batch:
    """What travels with a batch of texts through the encoder: the articles and chunks they came
    from, the stale ids to retire in the same transaction, and those ids' files."""

    chunked: list[tuple[Article, list[Chunk]]]
    retire: list[str]
    stale_paths: dict[str, str]


class RebuildError(NewsdeskError, RuntimeError):
    """A rebuild could not complete; the old index is still serving."""


class Indexer:
    """Writes articles into an `ArchiveStore` (chunk, embed, store, record)."""

    def __init__(self, store: ArchiveStore, embedder: Embedder, chunker: Chunker, *,
                 max_bytes: int = 50 * 2**20, quiet: bool = False, lock_dir: Path | None = None) -> None:
        self.store = store
        self.embedder = embedder
        self.chunker = chunker
        self.max_bytes = max_bytes
        self.quiet = quiet
        # The folder whose lock guards writes: the store's own, or for a rebuild's
        # fresh store the live one (already held), so no stray lock file is left.
        self.lock_dir = lock_dir

    def _locked(self) -> WriteLock:
        return WriteLock(self.lock_dir or self.store.path)

    def _begin_write(self) -> int:
        """After taking the lock: follow a swap, sweep what an interrupted write left; orphans removed."""
        if self.lock_dir is None:
            self.store.ensure_current()
        stamp_store(self.store.manifest.writer, stamp_of(self.embedder))
        return self.store.sweep_orphans() if self.store.is_dirty else 0

    def _end_write(self) -> None:
        """Before releasing the lock: truncate the manifest's log; compact the vector index once dead
        slots outnumber live vectors."""
        self.store.manifest.checkpoint()
        if self.lock_dir is None and needs_compaction(self.store):
            compact(self.store)

    # -- ingest ------------------------------------------------------------
    def ingest(self, paths: Iterable[str | Path], field_map: FieldMap | None = None,
               progress: ProgressFn | None = None, within: Sequence[Path] | None = None,
               defaults: ArticleDefaults | None = None,
               article_progress: ArticleProgressFn | None = None) -> IngestReport:
        """Read files/folders and index every new or changed article.

        Bad inputs become `report.failed` entries; the rest carries on. On
        Ctrl-C the articles already written stay consistent and the exception
        propagates (a later ingest picks up the rest). `within` confines what is
        read to those folders (links and `..` resolved), for a shared server.
        `defaults` fill the outlet, date and author of articles that lack them and
        are recorded per file (a later ingest of the file without them keeps them).
        """
        started = time.perf_counter()
        report = IngestReport()
        files, failures = list_inputs(paths, within)
        report.failed.extend(failures)
        with self._locked():
            self._begin_write()
            bar = tqdm(total=len(files), unit="file", disable=self.quiet or None, dynamic_ncols=True,
                       desc="indexing")
            # Read and not yet committed (gathered for the next batch, or at the encoder): id -> newest
            # version, and body hash -> id, so copies are recognised before their original is stored.
            pending: dict[str, Article] = {}
            bodies: dict[str, str] = {}
            fresh: dict[str, Article] = {}  # the batch being gathered
            # Articles a re-read file no longer contains (e.g. an edited text file
            # whose content-hash id changed); removed once its new version is stored.
            stale: set[str] = set()
            ahead: EncodeAhead[_Batch] = EncodeAhead(self.embedder.encode)
            try:
                for done, path in enumerate(files):
                    if progress:
                        progress(done, len(files), str(path))
                    if article_progress:
                        article_progress(done, len(files), str(path), report.processed)
                    if field_map:
                        self.store.manifest.record_input(str(path), field_map)
                    given = (defaults or ArticleDefaults()).over(
                        recorded_defaults(self.store.manifest.db, str(path)))
                    if defaults:
                        record_defaults(self.store.manifest.writer, str(path), given)
                    seen: set[str] = set()
                    failed_before = len(report.failed)
                    for item in read_file(path, field_map, self.max_bytes):
                        if isinstance(item, ReadFailure):
                            report.failed.append(item)
                        else:
                            item = given.apply(item)
                            seen.add(item.id)
                            if article_progress and (report.processed + 1) % ARTICLE_STEP == 0:
                                article_progress(done, len(files), str(path), report.processed + 1)
                            if self._consider(item, pending, bodies, report):
                                fresh[item.id] = item
                            # Batches are cut inside big files too, so one huge JSONL commits as it goes.
                            if sum(len(a.body) for a in fresh.values()) > FLUSH_CHUNKS * 800:
                                self._submit(ahead, fresh, stale, pending, bodies, report)
                                self._show_rate(bar, report, started)
                    if len(report.failed) == failed_before:
                        stale.update(set(self.store.manifest.ids_for_path(str(path))) - seen)
                        self.store.manifest.forget_copies(str(path), keep=seen)
                    for done_batch in ahead.ready():  # commit what the encoder finished meanwhile
                        self._write(done_batch, pending, bodies, report)
                    bar.update(1)
                    self._show_rate(bar, report, started)
                self._submit(ahead, fresh, stale, pending, bodies, report)
                for done_batch in ahead.drain():
                    self._write(done_batch, pending, bodies, report)
                # Articles stored before syndication groups existed are grouped now.
                self.store.syndication.backfill()
                # So are articles stored before attributed statements were recorded, and those
                # whose statements or instruction flags older patterns found.
                backfill_statements(self.store.manifest.writer)
                backfill_flags(self.store.manifest.writer)
                self._end_write()
                if progress:
                    progress(len(files), len(files), "")
                if article_progress:
                    article_progress(len(files), len(files), "", report.processed)
            except KeyboardInterrupt:
                report.interrupted = True
                raise
            finally:
                ahead.close()  # after an error or Ctrl-C: batches not committed are dropped, never half-written
                bar.close()
                report.articles, report.chunks, _, _ = self.store.manifest.counts()
                report.seconds = time.perf_counter() - started
        return report

    @staticmethod
    def _show_rate(bar: tqdm, report: IngestReport, started: float) -> None:
        rate = report.processed / max(1e-9, time.perf_counter() - started)
        bar.set_postfix(articles=report.processed, per_s=f"{rate:.1f}")

    def _consider(self, article: Article, pending: dict[str, Article], bodies: dict[str, str],
                  report: IngestReport) -> bool:
        """Classify one article as unchanged, duplicate, added or updated; True when it must be embedded
        and stored (it is then pending)."""
        manifest = self.store.manifest
        record = manifest.stored(article.id)
        stored = record[0] if record else None
        if article.id in pending:
            if pending[article.id].content_hash == article.content_hash:
                # The same article again from another file: a duplicate copy.
                new_copy = pending[article.id].path != article.path and manifest.record_copy(article)
                report.unchanged += not new_copy
                report.duplicates += new_copy
                return False
            bodies.pop(pending[article.id].body_hash, None)
            report.updated += 1
        elif stored == article.content_hash:
            if record and record[1] != article.path and os.path.exists(record[1].split("::", 1)[0]) \
                    and manifest.record_copy(article):
                report.duplicates += 1
            else:
                report.unchanged += 1
            return False
        original = bodies.get(article.body_hash) or manifest.duplicate_of(article.body_hash, article.id)
        if original and original != article.id:
            manifest.put_duplicate(article, original)
            report.duplicates += 1
            return False
        if article.id not in pending:
            if stored is None:
                report.added += 1
                report.added_titles.append(article.title)
            else:
                report.updated += 1
                report.updated_titles.append(article.title)
        pending[article.id] = article
        bodies[article.body_hash] = article.id
        return True

    def _submit(self, ahead: "EncodeAhead[_Batch]", fresh: dict[str, Article], stale: set[str],
                pending: dict[str, Article], bodies: dict[str, str], report: IngestReport) -> None:
        """Chunk the gathered articles and hand them to the encoder with the stale ids to retire
        beside them; commit the batches that come back meanwhile (in order)."""
        if not fresh and not stale:
            return
        chunked = [(a, self.chunker.split(a)) for a in fresh.values()]
        texts = [embed_text(a, c) for a, chunks in chunked for c in chunks]
        # An id another file of this run is still writing is not stale (it would delete that copy).
        retire = sorted(stale - pending.keys())
        stale_paths = {a: row.path for a in retire if (row := self.store.manifest.article(a))}
        fresh.clear()
        stale.clear()
        for done_batch in ahead.submit(texts, _Batch(chunked, retire, stale_paths)):
            self._write(done_batch, pending, bodies, report)

    def _write(self, encoded: Encoded["_Batch"], pending: dict[str, Article], bodies: dict[str, str],
               report: IngestReport) -> None:
        """Store one encoded batch and drop its stale ids in one manifest transaction (an edited file's
        old and new versions are never both visible); its articles stop being pending.

        A stale article replaced by a new one from the same file counts as
        updated rather than added.
        """
        chunked, vectors = encoded.payload.chunked, encoded.vectors
        report.embed_seconds += encoded.seconds
        report.embedded_chunks += len(vectors)
        batch, at = [], 0
        for article, chunks in chunked:
            batch.append((article, chunks, vectors[at:at + len(chunks)]))
            at += len(chunks)
        articles = [a for a, _ in chunked]
        stale_paths = encoded.payload.stale_paths
        for retired in self.store.put_articles(batch, encoded.payload.retire):
            if report.added:
                report.added -= 1
                report.updated += 1
                # The headline that moves is the new article read from the retired one's file.
                title = next((a.title for a in articles if a.path == stale_paths.get(retired)
                              and a.title in report.added_titles), None)
                if title is not None:
                    report.added_titles.remove(title)
                    report.updated_titles.append(title)
        for article in articles:
            if pending.get(article.id) is article:  # not replaced by a newer version meanwhile
                del pending[article.id]
            if bodies.get(article.body_hash) == article.id and article.id not in pending:
                del bodies[article.body_hash]  # the manifest knows this body now

    # -- remove ------------------------------------------------------------
    def remove(self, article_ids: Iterable[str]) -> tuple[list[str], list[str]]:
        """Delete articles by id from every index; returns (removed, not found).

        Duplicates recorded against a removed article are forgotten too, so the
        next ingest of their files indexes them in its place.
        """
        removed, missing = [], []
        with self._locked():
            self._begin_write()
            dupes = self.store.manifest.duplicates()
            for article_id in article_ids:
                if self.store.delete_article(article_id):
                    removed.append(article_id)
                    for dup, original in dupes.items():
                        if original == article_id:
                            self.store.manifest.delete(dup)
                else:
                    missing.append(article_id)
            self._end_write()
        return removed, missing

    def remove_path(self, path: str | Path) -> list[str]:
        """Delete every article read from a file, a folder or an archive (and forget copies read there)."""
        path = str(Path(path).expanduser().resolve())
        with self._locked():
            self._begin_write()
            self.store.manifest.forget_copies(path)
            return self.remove(self.store.manifest.ids_for_path(path))[0]

    # -- rebuild -----------------------------------------------------------
    def rebuild(self, drop_missing: bool = False, progress: ProgressFn | None = None) -> IngestReport:
        """Re-read every recorded source into a fresh index, then swap it in.

        The old index keeps serving until the new one is complete; a failure
        or interruption deletes the half-built one. Source files that have
        disappeared abort the rebuild unless `drop_missing` is set.
        """
        live = self.store.path
        fresh_dir = live.with_name(live.name + ".rebuild")
        with WriteLock(live):
            self._begin_write()
            sources = self.store.manifest.source_paths()
            given = all_recorded(self.store.manifest.db)
            gone = [p for p in sources if not os.path.exists(p)]
            if gone and not drop_missing:
                raise RebuildError(
                    f"{len(gone)} source file(s) no longer exist (first: {gone[0]}); their articles would be "
                    "lost. Restore them, or rebuild with --drop-missing to leave them out.")
            remove_store(fresh_dir, self.store.chroma)
            fresh = ArchiveStore(fresh_dir, self.store.chroma)
            builder = Indexer(fresh, self.embedder, self.chunker, max_bytes=self.max_bytes, quiet=self.quiet,
                              lock_dir=live)
            groups: dict[str, list[str]] = {}
            for path, field_map in sources.items():
                if path not in gone:
                    defaults = given.get(path, ArticleDefaults()).to_json()
                    groups.setdefault(json.dumps([field_map, defaults], sort_keys=True), []).append(path)
            try:
                report = IngestReport()
                for key, group in groups.items():
                    field_map, defaults = json.loads(key)
                    part = builder.ingest(group, field_map, progress=progress,
                                          defaults=ArticleDefaults.from_json(defaults) or None)
                    report = report.merge(part)
            except BaseException:
                fresh.close()
                remove_store(fresh_dir, self.store.chroma)
                raise
            fresh.close()
            self.store.swap_in(fresh_dir)
        return report
