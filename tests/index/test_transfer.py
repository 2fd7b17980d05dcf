"""`export` / `import` move an archive between stores without embedding again (issue 12, item 5).

Real stores on disk, real Chroma (embedded, or a real `chroma run` server for the
slow variant), the deterministic fake embedder.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from index.store import ArchiveStore
from index.transfer import TransferError, export_archive, import_archive
from tests.index.archive_files import make_indexer, write_articles

ARTICLES = {
    "syria.txt": "Russia strikes Syria\n\nDate: 2017-02-03\n\nRussia carried out air strikes near Homs on Friday.",
    "budget.txt": "Parliament passes budget\n\nDate: 2017-01-10\n\nThe Irish parliament passed the 2017 budget.",
    "storm.txt": "Storm hits coast\n\nA winter storm closed schools along the coast of Maine on Tuesday. " * 8,
}
QUERIES = ["air strikes near Homs", "Irish budget vote", "storm closed schools in Maine", "coast"]


def retrieval(store: ArchiveStore, embedder) -> list:
    """What both retrievers return for every query: (chunk id, rounded score) lists."""
    out = []
    for query in QUERIES:
        vector = embedder.encode([query])[0]
        out.append([(h.chunk_id, round(h.score, 5)) for h in store.dense_search(vector, 5)])
        out.append([(h.chunk_id, round(h.score, 5)) for h in store.keyword_search(query, 5)])
    return out


def test_export_then_import_gives_identical_retrieval_without_embedding(tmp_path, fake_embedder, chroma):
    source = make_indexer(tmp_path / "a" / "store", fake_embedder)
    source.ingest([write_articles(tmp_path / "docs", ARTICLES)])
    before = retrieval(source.store, fake_embedder)
    report = export_archive(source.store, tmp_path / "export")
    assert (report.articles, report.chunks, report.vectors, report.dimensions) == (3, source.store.stats().chunks,
                                                                                  report.chunks, 384)
    assert report.embedder == "FakeEmbedder (384 dimensions)"
    encoded = fake_embedder.texts_encoded

    target = ArchiveStore(tmp_path / "b" / "store", chroma)
    imported = import_archive(target, tmp_path / "export")
    assert fake_embedder.texts_encoded == encoded  # nothing embedded again
    assert (imported.articles, imported.vectors) == (3, report.chunks)
    assert target.collection.count() == target.stats().chunks == report.chunks
    assert retrieval(target, fake_embedder) == before
    assert target.stats().embedder == source.store.stats().embedder
    assert not (tmp_path / "b" / "store.import").exists()
    # An imported store takes further writes like any other.
    more = make_indexer(tmp_path / "b" / "store", fake_embedder, chroma)
    assert more.ingest([write_articles(tmp_path / "more", {"quake.txt": "Quake in Chile\n\nA quake hit Chile."})]
                       ).added == 1


def test_export_leaves_orphan_vectors_behind(tmp_path, fake_embedder):
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    indexer.ingest([write_articles(tmp_path / "docs", ARTICLES)])
    store = indexer.store
    store.collection.add(ids=["orphan"], embeddings=[[0.5] * 384], metadatas=[{"article_id": "gone"}],
                         documents=["left by an interrupted write"])
    report = export_archive(store, tmp_path / "export")
    assert report.vectors == report.chunks == store.stats().chunks
    ids = [json.loads(line)["id"] for line in (tmp_path / "export" / "vectors.jsonl").read_text().splitlines()]
    assert "orphan" not in ids and len(ids) == np.load(tmp_path / "export" / "vectors.npy").shape[0]


def test_import_refuses_a_store_with_articles_and_a_broken_export(tmp_path, fake_embedder):
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    indexer.ingest([write_articles(tmp_path / "docs", ARTICLES)])
    export_archive(indexer.store, tmp_path / "export")
    with pytest.raises(TransferError, match="already holds 3 articles"):
        import_archive(indexer.store, tmp_path / "export")
    with pytest.raises(TransferError, match="is not empty"):
        export_archive(indexer.store, tmp_path / "export")

    (tmp_path / "export" / "export.json").write_text("{broken", encoding="utf-8")
    empty = ArchiveStore(tmp_path / "empty")
    with pytest.raises(TransferError, match=r"export\.json: not JSON"):
        import_archive(empty, tmp_path / "export")
    with pytest.raises(TransferError, match=r"export\.json: not found"):
        import_archive(empty, tmp_path / "docs")
    assert empty.stats().articles == 0 and not (tmp_path / "empty.import").exists()


def test_an_interrupted_export_leaves_nothing_import_would_take(tmp_path, fake_embedder, monkeypatch):
    import index.transfer as transfer

    indexer = make_indexer(tmp_path / "store", fake_embedder)
    indexer.ingest([write_articles(tmp_path / "docs", ARTICLES)])

    def interrupted(*args):
        raise KeyboardInterrupt
    monkeypatch.setattr(transfer, "_copy_vectors", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export_archive(indexer.store, tmp_path / "export")
    assert list((tmp_path / "export").iterdir()) == []
    with pytest.raises(TransferError, match="not found"):
        import_archive(ArchiveStore(tmp_path / "empty"), tmp_path / "export")
