"""One `ArticleRef` in every record that points at an article, and each record's JSON.

The records are read from a real store on disk (the fake embedder only makes the
vectors), so the manifest's columns, the hits and the rows are checked as the CLI sees them.
"""

from __future__ import annotations

import dataclasses
import json

from index.article import ArticleRef, RefersToArticle
from index.manifest import ArticleRow
from index.store_records import ChunkHit, StoreStats
from tests.index.archive_files import make_indexer, write_articles

STORY = ("title: Ferry line reopens after storm\nsource: Port News\ndate: 2024-03-12\n"
         "url: https://port.example/ferry\n\n"
         "The ferry line to the islands reopened on Tuesday after the storm damaged the pier at Valdora.")
REF = ArticleRef("https://port.example/ferry", "Ferry line reopens after storm", "Port News", "2024-03-12",
                 "https://port.example/ferry")


def test_the_five_fields_are_declared_once():
    assert [f.name for f in dataclasses.fields(ArticleRef)] == ["article_id", "title", "source", "published", "url"]
    for record in (ChunkHit, ArticleRow):
        names = {f.name for f in dataclasses.fields(record)}
        assert "ref" in names and not names & {"article_id", "title", "source", "published", "url"}
        assert issubclass(record, RefersToArticle)


def test_article_ref_json_round_trips():
    assert REF.to_json() == {"article_id": "https://port.example/ferry", "title": "Ferry line reopens after storm",
                             "source": "Port News", "published": "2024-03-12", "url": "https://port.example/ferry"}
    assert ArticleRef.from_json({**REF.to_json(), "chunk_rank": 3}) == REF
    assert ArticleRef.from_json({"article_id": "sha:1", "title": "Untitled"}) == ArticleRef("sha:1", "Untitled",
                                                                                             None, None, None)


def test_rows_hits_and_stats_from_a_real_store(tmp_path, fake_embedder):
    docs = write_articles(tmp_path / "docs", {"ferry.txt": STORY})
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    indexer.ingest([docs])
    store = indexer.store

    row, = store.articles()
    assert row.ref == REF and store.article(REF.article_id) == row
    assert (row.id, row.title, row.source, row.published, row.url) == tuple(REF.to_json().values())
    assert json.dumps(row.to_json()) == json.dumps({
        "id": REF.article_id, "title": REF.title, "source": "Port News", "published": "2024-03-12",
        "url": REF.url, "path": str(docs / "ferry.txt"), "chars": len(row.body)})

    hit, = store.keyword_search("ferry pier Valdora", 5)
    assert hit.ref == REF and (hit.article_id, hit.title, hit.url) == (REF.article_id, REF.title, REF.url)
    assert hit.text in row.body and row.body[hit.start:hit.end] == hit.text
    assert hit.to_json() == {"chunk_id": hit.chunk_id, **REF.to_json(), "text": hit.text, "start": hit.start,
                             "end": hit.end, "score": hit.score}

    stats = store.stats()
    assert list(stats.to_json()) == ["articles", "chunks", "sources", "first_date", "last_date", "bytes",
                                     "syndicated_groups", "syndicated_articles", "vectors", "vectors_at", "embedder",
                                     "unattributed"]
    assert stats.to_json()["articles"] == 1 and stats.to_json()["sources"] == {"Port News": 1}
    assert stats.to_json()["first_date"] == "2024-03-12" and stats.to_json()["bytes"] == stats.bytes > 0


def test_store_stats_json_leaves_out_what_stats_json_never_printed():
    stats = StoreStats(3, 5, {"BBC": 3}, "2017-01-01", "2017-02-01", 1024, duplicates=2, months={"2017-01": 3})
    assert "duplicates" not in stats.to_json() and "months" not in stats.to_json()
