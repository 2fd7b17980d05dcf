"""A store records which embedder wrote it (for `stats`, `export` and `import`) and refuses
vectors of another one. Real store on disk, the deterministic fake embedder."""

from __future__ import annotations

import pytest

from index.provenance import EmbedderMismatch, EmbedderStamp
from tests.conftest import FakeEmbedder
from tests.index.archive_files import make_indexer, write_articles


class OtherEmbedder(FakeEmbedder):
    """Another model: same dimensions, other vectors."""

    name = "other-model"


def test_stats_name_the_embedder_and_another_embedder_is_refused(tmp_path, fake_embedder):
    indexer = make_indexer(tmp_path / "store", fake_embedder)
    assert indexer.store.stats().embedder is None  # nothing written yet
    docs = write_articles(tmp_path / "docs", {"a.txt": "Strike ends\n\nThe bus strike in Dublin ended."})
    indexer.ingest([docs])
    stats = indexer.store.stats()
    assert stats.embedder == EmbedderStamp("FakeEmbedder", 384)
    assert stats.vectors == stats.chunks and stats.vectors_at.startswith("embedded Chroma in ")
    assert stats.to_json()["embedder"] == {"name": "FakeEmbedder", "dimensions": 384}

    other = make_indexer(tmp_path / "store", OtherEmbedder())
    write_articles(docs, {"b.txt": "Vote\n\nParliament voted on Tuesday."})
    with pytest.raises(EmbedderMismatch, match="written by FakeEmbedder \\(384 dimensions\\), not other-model"):
        other.ingest([docs])
    assert other.store.stats().articles == 1
