"""Syndicated copies: one wire story run by several outlets, grouped at ingest.

Wire stories (AP, Reuters, AFP, TASS) appear in many outlets with small edits
(a new headline, a trimmed paragraph, a local lead), so their bodies differ and
the exact-duplicate check (same body hash) misses them. Each article's body is
reduced to a MinHash signature over word shingles (datasketch); an LSH index
finds the stored articles whose estimated Jaccard similarity is at least
`THRESHOLD`, and those form a group. Groups are the connected components of
that relation, so removing the one article that linked two others splits them
again (`remove` re-clusters what is left; a group of one is no group).

Signatures and groups live in the manifest's SQLite file, table `syndication`
(created with IF NOT EXISTS, so older stores open unchanged). Articles stored
before it existed have no signature; `backfill` signs and groups them, and the
indexer runs it at the end of every ingest.
"""

from __future__ import annotations

import re
import sqlite3
from typing import TYPE_CHECKING, Iterable

import numpy as np

from index.article import ArticleRef

if TYPE_CHECKING:  # datasketch is imported where a signature is made: reading groups needs none (0.4 s)
    from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 3  # word 3-grams: robust to the one-word edits copy desks make
NUM_PERM = 128  # MinHash permutations: ±0.044 standard error on a Jaccard of 0.5
# Estimated Jaccard of the bodies' word 3-grams at which two articles are copies. Chosen on 61
# candidate pairs of the full demo archive labelled by reading (14 copies; the fixture
# tests/fixtures/syndication/pairs.jsonl, checked by tests/index/test_syndication_labels.py):
# across outlets, 0.40 groups 9 of the 14 copies with no false pair (precision 1.00, recall 0.64);
# 0.35 finds 12 but sits one standard error above a false pair at 0.344 (RTE's own story
# with a few Reuters storm paragraphs), 0.30 lets it in (precision 0.93).
THRESHOLD = 0.4
# Within one outlet, follow-ups reuse their own background paragraphs: TASS's skier stories
# (0.48-0.61), Al Jazeera's de Lima arrest (0.63) and BBC's Orly stories (0.41-0.54) are different
# stories; the outlet's re-run of one AP profile under a new headline is 0.73. Hence a stricter bar.
SAME_OUTLET_THRESHOLD = 0.7
# Bodies shorter than this many words are not grouped: a two-line brief shares
# most of its shingles with any other brief on the same event.
MIN_WORDS = 40
LSH_MARGIN = 0.75  # the LSH looks for pairs from 0.75 x the threshold; see SyndicationGroups._index
SEED = 1  # fixed so signatures stored by one process compare with another's
SCHEME = "affine32"  # datasketch 2's hashing scheme, named so stored signatures reload under it

_WORD = re.compile(r"\w+", re.UNICODE)

TABLE = """
CREATE TABLE IF NOT EXISTS syndication (
    id TEXT PRIMARY KEY, grp TEXT, source TEXT, signature BLOB
);
CREATE INDEX IF NOT EXISTS syndication_grp ON syndication(grp);
"""


def words(text: str) -> list[str]:
    """The lower-cased words of `text` (punctuation and case edits do not matter)."""
    return _WORD.findall(text.casefold())


def shingles(text: str, n: int = SHINGLE_WORDS) -> set[str]:
    """The set of word n-grams of `text`."""
    w = words(text)
    return {" ".join(w[i:i + n]) for i in range(max(0, len(w) - n + 1))}


def signature(text: str) -> MinHash | None:
    """The MinHash of `text`'s word shingles, or None when it is too short to group."""
    if len(words(text)) < MIN_WORDS:
        return None
    from datasketch import MinHash

    sig = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    sig.update_batch([s.encode("utf-8") for s in shingles(text)])
    return sig


def _from_blob(blob: bytes) -> MinHash:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME,
                   hashvalues=np.frombuffer(blob, dtype=np.uint64).copy())


class SyndicationGroups:
    """The `syndication` table of a manifest database plus an in-memory LSH over it.

    The LSH is built from the stored signatures on first use and kept in step
    by `add` and `remove`; only the indexer writes (under the store's lock).
    Reads the manifest's `articles` table for backfills and for the copies' metadata.
    """

    def __init__(self, db: sqlite3.Connection, threshold: float = THRESHOLD,
                 same_outlet_threshold: float = SAME_OUTLET_THRESHOLD) -> None:
        self.db, self.threshold, self.same_outlet_threshold = db, threshold, same_outlet_threshold
        self.db.executescript(TABLE)
        self._lsh: MinHashLSH | None = None
        self._sigs: dict[str, MinHash] = {}
        self._sources: dict[str, str | None] = {}

    # -- the LSH -----------------------------------------------------------
    def _index(self) -> MinHashLSH:
        if self._lsh is None:
            # Banding is probabilistic: at the threshold itself it misses about one pair in five
            # (a 0.78 pair was missed at 0.72), so the LSH casts wider and the estimate decides.
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(threshold=LSH_MARGIN * self.threshold, num_perm=NUM_PERM)
            rows = self.db.execute("SELECT id, source, signature FROM syndication WHERE signature IS NOT NULL")
            for article_id, source, blob in rows:
                sig = _from_blob(blob)
                self._lsh.insert(article_id, sig)
                self._sigs[article_id], self._sources[article_id] = sig, source
        return self._lsh

    def _copies(self, sig: MinHash, source: str | None, other: str) -> bool:
        """True when the article signed `sig` from `source` and the stored `other` are copies."""
        same = source is not None and source == self._sources.get(other)
        return sig.jaccard(self._sigs[other]) >= (self.same_outlet_threshold if same else self.threshold)

    # -- writing -----------------------------------------------------------
    def add(self, article_id: str, body: str, source: str | None) -> str | None:
        """Sign and group one stored article (replacing an earlier version); returns its group id."""
        with self.db:
            return self._add(article_id, body, source)

    def add_all(self, articles: Iterable[tuple[str, str, str | None]]) -> None:
        """`add` each (id, body, source) in one transaction: a stored batch commits once, not
        twice per article (an ingest of 300 articles spent 2.3 s in 600 commits, 2026-12-02)."""
        with self.db:
            for article_id, body, source in articles:
                self._add(article_id, body, source)

    def _add(self, article_id: str, body: str, source: str | None) -> str | None:
        self._remove(article_id)
        lsh, sig = self._index(), signature(body)
        if sig is None:
            self.db.execute("INSERT INTO syndication VALUES (?, NULL, ?, NULL)", (article_id, source))
            return None
        # LSH candidates are checked against the estimate itself: banding lets some lower pairs through.
        matches = [m for m in lsh.query(sig) if self._copies(sig, source, m)]
        lsh.insert(article_id, sig)
        self._sigs[article_id], self._sources[article_id] = sig, source
        members = {article_id, *matches}
        for m in matches:
            members.update(self._members(self._group(m)))
        group = min(members) if len(members) > 1 else None
        self.db.execute("INSERT INTO syndication VALUES (?, ?, ?, ?)",
                        (article_id, group, source, sig.hashvalues.astype(np.uint64).tobytes()))
        if group:
            self.db.executemany("UPDATE syndication SET grp=? WHERE id=?", [(group, m) for m in members])
        return group

    def remove(self, article_id: str) -> None:
        """Forget an article; the rest of its group is re-clustered (a lone survivor leaves the group)."""
        with self.db:
            self._remove(article_id)

    def _remove(self, article_id: str) -> None:
        lsh = self._index()
        group = self._group(article_id)
        if article_id in self._sigs:
            lsh.remove(article_id)
            del self._sigs[article_id]
            self._sources.pop(article_id, None)
        self.db.execute("DELETE FROM syndication WHERE id=?", (article_id,))
        if group:
            self._regroup([m for m in self._members(group) if m != article_id])

    def _regroup(self, ids: list[str]) -> None:
        """Split `ids` into connected components of the copy relation and relabel them."""
        left, parts = set(ids), []
        while left:
            part, todo = set(), [left.pop()]
            while todo:
                a = todo.pop()
                part.add(a)
                linked = {b for b in left if self._copies(self._sigs[a], self._sources.get(a), b)}
                left -= linked
                todo.extend(linked)
            parts.append(part)
        self.db.executemany("UPDATE syndication SET grp=? WHERE id=?",
                            [(min(p) if len(p) > 1 else None, m) for p in parts for m in p])

    def backfill(self) -> int:
        """Group stored articles that have no row yet and forget rows of articles gone; returns how many changed.

        Articles stored before this table existed, or by a write interrupted
        between the manifest and this table, are grouped here.
        """
        orphans = [r[0] for r in self.db.execute(
            "SELECT s.id FROM syndication s LEFT JOIN articles a ON a.id = s.id WHERE a.id IS NULL")]
        for article_id in orphans:
            self.remove(article_id)
        missing = self.db.execute(
            "SELECT a.id, a.body, a.source FROM articles a LEFT JOIN syndication s ON s.id = a.id "
            "WHERE s.id IS NULL ORDER BY a.id").fetchall()
        for article_id, body, source in missing:
            self.add(article_id, body, source)
        return len(orphans) + len(missing)

    # -- reading -----------------------------------------------------------
    def _group(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT grp FROM syndication WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else None

    def _members(self, group: str | None) -> list[str]:
        if not group:
            return []
        return [r[0] for r in self.db.execute("SELECT id FROM syndication WHERE grp=? ORDER BY id", (group,))]

    def groups_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        """article id -> group id, for those of `article_ids` that are in a group."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return dict(self.db.execute(f"SELECT id, grp FROM syndication WHERE grp IS NOT NULL AND id IN ({marks})", ids))

    def members(self, group: str) -> list[str]:
        """The article ids of one group, sorted."""
        return self._members(group)

    def copies_of(self, article_ids: Iterable[str]) -> dict[str, tuple[str, tuple[ArticleRef, ...]]]:
        """article id -> (group id, the group's other articles, oldest first), for grouped ids."""
        out = {}
        for article_id, group in self.groups_of(article_ids).items():
            rows = self.db.execute(
                "SELECT a.id, a.title, a.source, a.published, a.url FROM syndication s JOIN articles a ON a.id = s.id "
                "WHERE s.grp=? AND s.id<>? ORDER BY a.ts IS NULL, a.ts, a.source, a.id", (group, article_id))
            out[article_id] = (group, tuple(ArticleRef(*r) for r in rows))
        return out

    def counts(self) -> tuple[int, int]:
        """(number of groups, number of articles in them)."""
        groups, articles = self.db.execute(
            "SELECT COUNT(DISTINCT grp), COUNT(*) FROM syndication WHERE grp IS NOT NULL").fetchone()
        return groups, articles
