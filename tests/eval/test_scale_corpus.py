"""The scale benchmark's replication: exact counts, unique ids, shifted dates, real text, storable."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from eval.scale_bench import build_store, disk_bytes
from eval.scale_corpus import base_corpus, cache_file, load_cached, read_articles, replicate
from index.chunking import Chunker
from index.store import ArchiveStore
from index.syndication import SyndicationGroups

WORDS = ("storm ministers harbour election court river market striker vaccine treaty pipeline museum "
         "glacier senate railway budget festival drought embassy reactor").split()


def write_archive(path: Path, count: int = 6) -> Path:
    """`count` distinct articles of a few paragraphs, dated over ten days, as JSON Lines."""
    rng = np.random.default_rng(7)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            paras = ["\n".join(" ".join(rng.choice(WORDS, 12)) + "." for _ in range(4)) for _ in range(3)]
            out.write(json.dumps({"id": f"a{i}", "title": f"Story {i}", "body": "\n\n".join(paras),
                                  "published": f"2017-03-{10 + i * 2:02d}", "source": ["BBC", "TASS"][i % 2]}) + "\n")
    return path


@pytest.fixture
def corpus(tmp_path, fake_embedder):
    articles = read_articles(write_archive(tmp_path / "news.jsonl"))
    chunker = Chunker(fake_embedder.tokenize, chunk_tokens=24, overlap=4)
    cache = cache_file(tmp_path / "work", tmp_path / "news.jsonl", len(articles), 24, "fake")
    return base_corpus(articles, cache, fake_embedder, chunker, progress=lambda _: None)


def test_encodes_once_and_reads_the_cache_back(corpus, tmp_path, fake_embedder):
    encoded = fake_embedder.texts_encoded
    assert encoded == corpus.chunk_count > len(corpus.articles)  # several chunks per article
    cache = cache_file(tmp_path / "work", tmp_path / "news.jsonl", len(corpus.articles), 24, "fake")
    again = load_cached(corpus.articles, cache)
    assert again is not None and again.spans == corpus.spans
    assert np.array_equal(again.vectors, corpus.vectors)


@pytest.mark.parametrize("target", [5, 17, 100, 251])
def test_replication_yields_exactly_target_chunks_with_unique_ids(corpus, target):
    made = list(replicate(corpus, target))
    assert sum(len(chunks) for _, chunks, _ in made) == target
    assert all(len(chunks) == len(vectors) for _, chunks, vectors in made)
    article_ids = [a.id for a, _, _ in made]
    chunk_ids = [c.id for _, chunks, _ in made for c in chunks]
    assert len(set(article_ids)) == len(article_ids) and len(set(chunk_ids)) == len(chunk_ids)
    for article, chunks, _ in made:  # offsets hold, as the product's chunks do
        assert all(article.body[c.start:c.end] == c.text and c.article_id == article.id for c in chunks)


def test_real_chunks_first_then_replicas_with_shifted_dates_and_remixed_bodies(corpus):
    real = corpus.chunk_count
    made = list(replicate(corpus, real * 3))
    first_round = [a for a, _, _ in made if not a.id.startswith("scale-")]
    assert [a.id for a in first_round] == [a.id for a in corpus.articles]  # the real ones, as read
    span = (date.fromisoformat("2017-03-20") - date.fromisoformat("2017-03-10")).days + 1
    real_dates = {a.published for a in corpus.articles}
    real_texts = {a.body[s:e] for a, spans in zip(corpus.articles, corpus.spans) for s, e in spans}
    real_bodies = {a.body for a in corpus.articles}
    for rnd in (1, 2):
        replicas = [(a, c, v) for a, c, v in made if a.id.startswith(f"scale-r{rnd}-")]
        assert sum(len(c) for _, c, _ in replicas) == real
        for article, chunks, vectors in replicas:
            shifted = date.fromisoformat(article.published).toordinal() - rnd * span
            assert date.fromordinal(shifted).isoformat() in real_dates
            assert all(c.text in real_texts for c in chunks)  # real text, remixed
            assert article.body not in real_bodies
            assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # every real chunk is used once per round, and the jittered vector stays close to its real one
    by_text = {corpus.articles[0].body[s:e]: corpus.vectors[n] for n, (s, e) in enumerate(corpus.spans[0])}
    for article, chunks, vectors in made:
        for chunk, vector in zip(chunks, vectors):
            if article.id.startswith("scale-") and chunk.text in by_text:
                assert 0.95 < float(np.dot(vector, by_text[chunk.text])) < 1.0


def test_replicas_are_not_syndicated_copies_of_the_real_articles(corpus):
    made = list(replicate(corpus, corpus.chunk_count * 2))
    import sqlite3

    groups = SyndicationGroups(sqlite3.connect(":memory:"))
    assert [groups.add(a.id, a.body, a.source) for a, _, _ in made].count(None) == len(made)


def test_build_store_writes_every_chunk_through_the_store(corpus, tmp_path):
    store = ArchiveStore(tmp_path / "store")
    seconds, articles = build_store(store, corpus, 40, progress=lambda _: None)
    stats = store.stats()
    assert stats.chunks == stats.vectors == 40 and stats.articles == articles
    assert seconds > 0 and disk_bytes(tmp_path / "store") > 0
    hit = store.keyword_search("harbour", 3)
    assert hit and hit[0].text in {c.text for _, cs, _ in replicate(corpus, 40) for c in cs}
    store.close()
