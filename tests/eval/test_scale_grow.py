"""`bench scale --grow`: one store grown through the sizes, timed as it passes each, the rows
handed out as they are measured; a rebuild on the way leaves a store that goes on growing."""

from __future__ import annotations

import pytest

from eval.scale_bench import measure_growing
from eval.scale_corpus import base_corpus, cache_file, read_articles
from index.chunking import Chunker
from index.settings import IndexSettings
from index.store import ArchiveStore
from tests.eval.test_scale_corpus import write_archive

pytestmark = pytest.mark.slow  # the real MiniLM times the questions


def test_one_store_grows_through_the_sizes_and_each_row_comes_out_as_it_is_measured(tmp_path, real_embedder):
    source = write_archive(tmp_path / "news.jsonl")
    articles = read_articles(source)
    chunker = Chunker(real_embedder.tokenize, chunk_tokens=24, overlap=4)
    cache = cache_file(tmp_path / "work", source, len(articles), 24, real_embedder.name)
    corpus = base_corpus(articles, cache, real_embedder, chunker, progress=lambda _: None)
    emitted = []
    config = {"sizes": [45, 20], "cache": str(cache), "source": str(source), "limit": None,
              "work_dir": str(tmp_path / "work"), "embedder": str(IndexSettings().embedder_path),
              "questions": ["Which harbour flooded?", "What did the senate decide about the budget?"],
              "rebuild_at": 20, "server": None}
    rows = measure_growing(config, emitted.append, progress=lambda _: None)
    assert rows == emitted and len(rows) == 2  # one row per size, in ascending order
    small, large = rows
    assert 20 <= small.chunks < 45 <= large.chunks  # a size is reached at the article that crosses it
    assert small.real_chunks == min(small.chunks, corpus.chunk_count)
    assert 0 < small.build_s <= large.build_s  # build time is the writing so far
    assert small.rebuild_s is not None and large.rebuild_s is None  # compacted at 20, then grown on
    assert all(row.p50["hybrid"] > 0 and row.queries == 2 for row in rows)
    store = ArchiveStore(tmp_path / "work" / "store-grow-embedded")
    stats = store.stats()
    assert stats.chunks == stats.vectors == large.chunks
    store.close()
