"""Where the vectors live: an unreachable server is one clear line, and on a server every
store generation's collection goes when its folder goes (failed rebuild, doctor)."""

from __future__ import annotations

import time

import pytest

from index.chroma_client import ChromaLocation, ChromaUnreachable
from index.doctor import check_store
from index.lock import WriteLock
from index.store import ArchiveStore
from index.swap import read_generation
from tests.chroma_server import free_port
from tests.index.archive_files import make_indexer, write_articles

ARTICLES = {"a.txt": "Strike ends\n\nThe bus strike in Dublin ended.", "b.txt": "Vote\n\nParliament voted."}


def test_an_unreachable_server_is_one_line_naming_it(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    started = time.time()
    with pytest.raises(ChromaUnreachable, match=f"cannot reach the Chroma server at {url}") as err:
        ArchiveStore(tmp_path / "store", ChromaLocation(url))
    assert "\n" not in str(err.value) and time.time() - started < 30
    with pytest.raises(ChromaUnreachable, match="is not http"):
        ChromaLocation("localhost:8000").server_client()


@pytest.mark.slow
def test_a_failed_rebuild_and_doctor_drop_the_server_collections_they_leave(tmp_path, fake_embedder, chroma_server):
    chroma = ChromaLocation(chroma_server.url)
    docs = write_articles(tmp_path / "docs", ARTICLES)
    indexer = make_indexer(tmp_path / "store", fake_embedder, chroma)
    indexer.ingest([docs])
    before = set(chroma.server_collections())

    def explode(done: int, total: int, path: str) -> None:
        if done == 1:
            raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        indexer.rebuild(progress=explode)
    assert set(chroma.server_collections()) == before  # the half-built generation's collection is gone
    assert indexer.store.stats().articles == 2

    # A rebuild killed outright leaves its folder and its collection: doctor removes both.
    killed = ArchiveStore(tmp_path / "store.rebuild", chroma)
    killed.collection.add(ids=["x"], embeddings=[[0.1] * 384], metadatas=[{"article_id": "x"}], documents=["x"])
    name = chroma.collection_name(read_generation(tmp_path / "store.rebuild"))
    killed.close()
    assert name in chroma.server_collections()
    report = check_store(indexer.store)
    assert report.healthy and name not in chroma.server_collections()
    assert not (tmp_path / "store.rebuild").exists()
    assert [f.line() for f in report.findings] == [
        f"repaired: {tmp_path / 'store.rebuild'}: leftover of an interrupted rebuild, compaction or import removed"]


@pytest.mark.slow
def test_compaction_on_a_server_moves_to_a_new_collection_and_drops_the_old(tmp_path, fake_embedder, chroma_server):
    from index.compaction import compact

    chroma = ChromaLocation(chroma_server.url)
    indexer = make_indexer(tmp_path / "store", fake_embedder, chroma)
    indexer.ingest([write_articles(tmp_path / "docs", ARTICLES)])
    store = indexer.store
    old = store.collection.name
    vector = fake_embedder.encode(["bus strike Dublin"])[0]
    before = [(h.chunk_id, round(h.score, 5)) for h in store.dense_search(vector, 3)]
    with WriteLock(store.path):  # compaction's caller holds the write lock
        assert compact(store) == store.stats().chunks
    assert store.collection.name != old and old not in chroma.server_collections()
    assert [(h.chunk_id, round(h.score, 5)) for h in store.dense_search(vector, 3)] == before
