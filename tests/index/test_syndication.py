"""Syndicated copies grouped at ingest, on a real on-disk store (fake embedder).

The fixture `tests/fixtures/syndication/wire.jsonl` holds one invented wire story
run by three outlets with edits (new lede, trimmed or added paragraph, words
changed), the first outlet's follow-up story that reuses two of its paragraphs,
and an unrelated story.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from index.chunking import Chunker
from index.pipeline import Indexer
from index.store import ArchiveStore
from index.syndication import SyndicationGroups, signature

WIRE = Path(__file__).parents[1] / "fixtures" / "syndication" / "wire.jsonl"
HERALD, COURIER, DAILY = ("https://herald.example/valdora-tunnel", "https://courier.example/news/maren-tunnel-pumps",
                          "https://valdoradaily.example/maren-inquiry")
FOLLOW_UP, OTHER = "https://herald.example/maren-reopens", "https://valdoradaily.example/cycle-lanes"


def make_indexer(store_dir: Path, embedder) -> Indexer:
    return Indexer(ArchiveStore(store_dir), embedder, Chunker(embedder.tokenize, chunk_tokens=64, overlap=8),
                   quiet=True)


def ingest_wire(tmp_path: Path, embedder) -> Indexer:
    shutil.copy(WIRE, tmp_path / "wire.jsonl")
    indexer = make_indexer(tmp_path / "store", embedder)
    indexer.ingest([tmp_path / "wire.jsonl"])
    return indexer


def grouped(indexer: Indexer) -> dict[str, str]:
    return indexer.store.syndication.groups_of([HERALD, COURIER, DAILY, FOLLOW_UP, OTHER])


def test_three_edited_copies_form_one_group_and_the_follow_up_does_not(tmp_path, fake_embedder):
    indexer = ingest_wire(tmp_path, fake_embedder)
    groups = grouped(indexer)
    assert set(groups) == {HERALD, COURIER, DAILY}
    assert len(set(groups.values())) == 1
    stats = indexer.store.stats()
    assert (stats.articles, stats.syndicated_groups, stats.syndicated_articles) == (5, 1, 3)
    copies = indexer.store.syndication.copies_of([COURIER])[COURIER][1]
    assert [(c.source, c.published, c.url) for c in copies] == [
        ("Harbour Herald", "2031-04-14", HERALD), ("Valdora Daily", "2031-04-15", DAILY)]


def test_removing_copies_keeps_the_group_right(tmp_path, fake_embedder):
    indexer = ingest_wire(tmp_path, fake_embedder)
    assert indexer.remove([HERALD]) == ([HERALD], [])
    groups = grouped(indexer)
    assert set(groups) == {COURIER, DAILY} and len(set(groups.values())) == 1
    assert (indexer.store.stats().syndicated_groups, indexer.store.stats().syndicated_articles) == (1, 2)
    indexer.remove([COURIER])
    assert grouped(indexer) == {}  # a lone copy is no group
    assert indexer.store.stats().syndicated_groups == 0
    indexer.ingest([tmp_path / "wire.jsonl"])  # the removed copies come back and rejoin
    assert set(grouped(indexer)) == {HERALD, COURIER, DAILY}


def test_removing_the_copy_that_linked_two_others_splits_them(tmp_path):
    """Groups are connected components: B and C were only linked through A."""
    db = sqlite3.connect(str(tmp_path / "groups.sqlite"))
    db.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT, body TEXT, published TEXT, ts INTEGER, "
               "source TEXT, url TEXT)")
    import json
    rows = [json.loads(line) for line in WIRE.read_text(encoding="utf-8").splitlines()][:3]
    a, b, c = (signature(r["body"]) for r in rows)
    # Measured on the fixture: A-B 0.78, A-C 0.84, B-C 0.67; a threshold between links only through A.
    assert min(a.jaccard(b), a.jaccard(c)) > 0.72 > b.jaccard(c)
    groups = SyndicationGroups(db, threshold=0.72)
    for r, name in zip(rows, "abc"):
        groups.add(name, r["body"], r["source"])
    assert groups.groups_of("abc") == {"a": "a", "b": "a", "c": "a"}
    groups.remove("a")
    assert groups.groups_of("bc") == {}
    groups.add("a", rows[0]["body"], rows[0]["source"])
    assert set(groups.groups_of("abc")) == {"a", "b", "c"}


def test_an_edited_copy_leaves_its_group_and_joins_the_story_it_now_repeats(tmp_path, fake_embedder):
    indexer = ingest_wire(tmp_path, fake_embedder)
    lines = (tmp_path / "wire.jsonl").read_text(encoding="utf-8").splitlines()
    import json
    record = json.loads(lines[2])
    record["body"] = json.loads(lines[4])["body"].replace("cycle lanes", "bus lanes")
    lines[2] = json.dumps(record)
    (tmp_path / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert indexer.ingest([tmp_path / "wire.jsonl"]).updated == 1
    groups = grouped(indexer)
    assert groups[HERALD] == groups[COURIER] != groups[DAILY] == groups[OTHER]


def test_groups_survive_reopening_and_new_copies_join_them(tmp_path, fake_embedder):
    indexer = ingest_wire(tmp_path, fake_embedder)
    indexer.store.close()
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    import json
    record = json.loads(WIRE.read_text(encoding="utf-8").splitlines()[0])
    record.update(source="Coast Times", url="https://coast.example/tunnel", title="Tunnel pumped out",
                  body=record["body"].replace("on Monday", "on Monday morning"))  # not byte-identical
    (tmp_path / "coast.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    indexer.ingest([tmp_path / "coast.jsonl"])
    groups = indexer.store.syndication.groups_of([HERALD, COURIER, DAILY, "https://coast.example/tunnel"])
    assert len(groups) == 4 and len(set(groups.values())) == 1


def test_a_store_from_before_grouping_is_grouped_by_the_next_ingest(tmp_path, fake_embedder):
    indexer = ingest_wire(tmp_path, fake_embedder)
    indexer.store.close()
    db = sqlite3.connect(str(tmp_path / "store" / "manifest.sqlite"))
    db.execute("DROP TABLE syndication")  # as a store written before this feature
    db.commit()
    db.close()
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    assert indexer.store.stats().syndicated_groups == 0  # opens fine; not grouped yet
    report = indexer.ingest([tmp_path / "wire.jsonl"])
    assert (report.unchanged, report.embedded_chunks) == (5, 0)  # nothing re-embedded
    assert set(grouped(indexer)) == {HERALD, COURIER, DAILY}


def test_short_bodies_are_not_grouped():
    brief = "Police closed the Esker Street station on Monday after a water main burst."
    assert signature(brief) is None


def test_rebuild_regroups_and_an_interrupted_remove_is_repaired_by_the_next_ingest(tmp_path, fake_embedder):
    indexer = ingest_wire(tmp_path, fake_embedder)
    indexer.rebuild()
    assert set(grouped(indexer)) == {HERALD, COURIER, DAILY}
    # As if interrupted between the manifest's delete and the group's: a row for an article gone.
    indexer.store.manifest.delete(HERALD)
    indexer.store.manifest.delete(COURIER)
    assert set(grouped(indexer)) == {HERALD, COURIER, DAILY}
    (tmp_path / "empty").mkdir()
    indexer.ingest([tmp_path / "empty"])
    assert grouped(indexer) == {}
    assert indexer.store.stats().syndicated_groups == 0


def test_a_batch_is_grouped_in_one_commit_as_one_by_one_would_group_it(tmp_path):
    """`add_all` (what a stored batch uses) groups exactly as `add` per article, in one transaction."""
    import json
    rows = [json.loads(line) for line in WIRE.read_text(encoding="utf-8").splitlines()]
    items = [(f"id{i}", r["body"], r["source"]) for i, r in enumerate(rows)]
    one = SyndicationGroups(sqlite3.connect(str(tmp_path / "one.sqlite")))
    for item in items:
        one.add(*item)
    db = sqlite3.connect(str(tmp_path / "batch.sqlite"))
    commits: list[str] = []
    db.set_trace_callback(lambda sql: commits.append(sql) if sql.strip().upper() == "COMMIT" else None)
    batch = SyndicationGroups(db)
    commits.clear()  # creating the table is not the batch
    batch.add_all(items)
    assert len(commits) == 1
    ids = [i for i, _, _ in items]
    assert batch.groups_of(ids) == one.groups_of(ids) and one.groups_of(ids)  # the wire copies group
