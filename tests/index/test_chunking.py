"""Chunks are sentence-aware, fit the token budget and point at exact body spans."""

from __future__ import annotations

import pytest

from index.article import make_article
from index.chunking import Chunker, embed_text, locate


def _article(body: str):
    return make_article(title="Headline here", body=body, path="x.txt", source="BBC", published="2017-02-03")


def test_chunks_are_exact_slices_within_budget(fake_embedder):
    sentences = [f"Sentence number {i} talks about the ministry of things {i}." for i in range(120)]
    article = _article("\n\n".join(" ".join(sentences[i:i + 6]) for i in range(0, 120, 6)))
    chunker = Chunker(fake_embedder.tokenize, chunk_tokens=60, overlap=8)
    chunks = chunker.split(article)
    assert len(chunks) > 5
    for chunk in chunks:
        assert article.body[chunk.start:chunk.end] == chunk.text
        assert fake_embedder.count_tokens(chunk.text) <= 60
    assert chunks[0].start == 0
    assert chunks[-1].end == len(article.body)
    assert [c.n for c in chunks] == list(range(len(chunks)))


def test_short_article_is_one_chunk(fake_embedder):
    article = _article("One short paragraph.")
    (chunk,) = Chunker(fake_embedder.tokenize, chunk_tokens=60, overlap=8).split(article)
    assert (chunk.start, chunk.end, chunk.text) == (0, len(article.body), article.body)


def test_embed_text_has_header(fake_embedder):
    article = _article("Body text.")
    (chunk,) = Chunker(fake_embedder.tokenize).split(article)
    assert embed_text(article, chunk) == "Headline here\nBBC · 2017-02-03\n\nBody text."


def test_locate_tolerates_whitespace_changes():
    body = "First sentence.\n\nSecond   sentence here."
    start, end = locate(body, "Second sentence here.", 0)
    assert body[start:end] == "Second   sentence here."


def test_bad_sizes_are_refused(fake_embedder):
    with pytest.raises(ValueError):
        Chunker(fake_embedder.tokenize, chunk_tokens=8)
    with pytest.raises(ValueError):
        Chunker(fake_embedder.tokenize, chunk_tokens=100, overlap=60)
