"""The chunks a scale benchmark stores: real demo chunks and vectors, replicated to any count.

`base_corpus` reads the demo archive with the product's reader, chunks it with
the product's chunker and encodes every chunk's embedded text (header +
passage, as ingest does) once; chunk spans and vectors are cached in the
bench's work folder, so a curve over several sizes never re-encodes.

`replicate` yields (article, chunks, vectors) until exactly `target` chunks:
first the real articles as read (ids, dates, text, vectors), then rounds of
replicas once they run out. Replica round r (r >= 1) is made so that
duplicate detection and keyword search have real work to do rather than exact copies:

- its bodies are remixes: a random permutation of all real chunks (one per
  round) is dealt out to the articles, so each replica body joins chunks of
  different real articles (a new body hash; word-3-gram Jaccard to any real
  article well under the syndication threshold, so it is not grouped as a copy);
- its headline, outlet and date come from the article of its first chunk, the
  date shifted by r times the span of the real archive (rounds tile the timeline);
- its vectors are the real vectors of those chunks plus Gaussian noise of
  `VECTOR_JITTER` per dimension, renormalised (cosine to the original about
  0.99), so the HNSW graph holds no exact duplicates;
- ids are new (`scale-r<round>-<n>`), chunk ids follow the product's scheme.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np

from index.article import Article
from index.chunking import Chunk, Chunker, embed_text
from index.embedding import Embedder
from index.readers import read_paths

# sigma per dimension for 384-d unit vectors: |noise| ~ 0.007 * sqrt(384) = 0.14, cosine ~ 1/sqrt(1 + 0.14^2) = 0.99.
VECTOR_JITTER = 0.007
ENCODE_BATCH = 512  # texts per encode call, so progress can be shown


@dataclass
class BaseCorpus:
    """The real articles, their chunk spans (per article) and one unit vector per chunk (in article order)."""

    articles: list[Article]
    spans: list[list[tuple[int, int]]]
    vectors: np.ndarray
    encode_seconds: float = 0.0  # what encoding took when the cache was made (0 when read from cache)

    @property
    def chunk_count(self) -> int:
        """How many real chunks there are."""
        return len(self.vectors)


def chunks_of(article: Article, spans: Sequence[tuple[int, int]]) -> list[Chunk]:
    """The article's chunks at `spans` of its body, ids in the product's scheme (see index/chunking.py)."""
    return [Chunk(f"{article.id}#{article.content_hash[:8]}-{n}", article.id, n, article.body[s:e], s, e)
            for n, (s, e) in enumerate(spans)]


def read_articles(source: Path, limit: int | None = None) -> list[Article]:
    """The first `limit` articles the product's reader finds in `source` (all when None)."""
    return [a for a in read_paths([source]) if isinstance(a, Article)][:limit]


def cache_file(work_dir: Path, source: Path, articles: int, chunk_tokens: int, model_name: str) -> Path:
    """Where the chunk spans and vectors of these articles, chunked and encoded this way, are cached."""
    return work_dir / f"base-{source.stem}-{articles}-{chunk_tokens}-{model_name}.npz"


def load_cached(articles: list[Article], cache: Path) -> BaseCorpus | None:
    """The corpus from `cache`, or None when there is none for these articles."""
    if not cache.is_file():
        return None
    with np.load(cache) as data:
        spans = json.loads(str(data["spans"]))
        vectors = data["vectors"]
    if len(spans) != len(articles):
        return None
    return BaseCorpus(articles, [[(int(s), int(e)) for s, e in a] for a in spans], vectors)


def base_corpus(articles: list[Article], cache: Path, embedder: Embedder, chunker: Chunker,
                progress: Callable[[str], None] = print) -> BaseCorpus:
    """The articles chunked and encoded (header + passage, as ingest embeds them), from `cache` or made and cached."""
    cached = load_cached(articles, cache)
    if cached is not None:
        progress(f"real chunks and vectors from the cache {cache}")
        return cached
    spans = [[(c.start, c.end) for c in chunker.split(a)] for a in articles]
    texts = [embed_text(a, c) for a, s in zip(articles, spans) for c in chunks_of(a, s)]
    progress(f"encoding {len(texts)} real chunks of {len(articles)} articles once (cached in {cache})")
    started, parts = time.perf_counter(), []
    for at in range(0, len(texts), ENCODE_BATCH):
        parts.append(embedder.encode(texts[at:at + ENCODE_BATCH]))
        progress(f"  encoded {min(at + ENCODE_BATCH, len(texts))}/{len(texts)}")
    seconds = time.perf_counter() - started
    vectors = np.concatenate(parts).astype(np.float32) if parts else np.zeros((0, 0), np.float32)
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez(cache, vectors=vectors, spans=np.array(json.dumps(spans)))
    return BaseCorpus(articles, spans, vectors, seconds)


def _span_days(articles: Sequence[Article]) -> int:
    """Days from the first to the last real date, plus one (a replica round's date shift)."""
    dates = [date.fromisoformat(a.published[:10]) for a in articles if a.published]
    return (max(dates) - min(dates)).days + 1 if dates else 1


def _shift(published: str | None, days: int) -> str | None:
    return (date.fromisoformat(published[:10]) + timedelta(days=days)).isoformat() if published else None


def replicate(corpus: BaseCorpus, target: int, *, seed: int = 0, jitter: float = VECTOR_JITTER
              ) -> Iterator[tuple[Article, list[Chunk], np.ndarray]]:
    """Articles with their chunks and vectors, `target` chunks in all: the real ones, then replica rounds."""
    if target > 0 and corpus.chunk_count == 0:
        raise ValueError("the base corpus has no chunks to replicate")
    owner = [i for i, s in enumerate(corpus.spans) for _ in s]  # chunk index -> article index
    offsets = np.cumsum([0] + [len(s) for s in corpus.spans]).tolist()  # article index -> its first chunk
    span_days, made, rnd = _span_days(corpus.articles), 0, 0
    while made < target:
        rng = np.random.default_rng(seed + rnd)
        order = np.arange(corpus.chunk_count) if rnd == 0 else rng.permutation(corpus.chunk_count)
        for i, article in enumerate(corpus.articles):
            n = min(len(corpus.spans[i]), target - made)
            if n <= 0:
                continue
            picked = order[offsets[i]:offsets[i] + n]
            if rnd == 0:
                spans = corpus.spans[i][:n]
                real = replace(article, body=article.body[:spans[-1][1]]) if n < len(corpus.spans[i]) else article
                yield real, chunks_of(real, spans), corpus.vectors[picked]
            else:
                yield _replica(corpus, rnd, i, picked, (owner, offsets), span_days, rng, jitter)
            made += n
            if made >= target:
                return
        rnd += 1


def _replica(corpus: BaseCorpus, rnd: int, i: int, picked: np.ndarray, index: tuple[list[int], list[int]],
             span_days: int, rng: np.random.Generator, jitter: float) -> tuple[Article, list[Chunk], np.ndarray]:
    """Replica `i` of round `rnd`: the real chunks `picked` (global indexes) joined into one body.

    `index` is (chunk -> its article, article -> its first chunk)."""
    owner, offsets = index
    texts, spans, at = [], [], 0
    for c in picked:
        a = owner[c]
        start, end = corpus.spans[a][c - offsets[a]]
        text = corpus.articles[a].body[start:end]
        spans.append((at, at + len(text)))
        texts.append(text)
        at += len(text) + 2
    head = corpus.articles[owner[picked[0]]]
    article = Article(id=f"scale-r{rnd}-{i}", title=head.title, body="\n\n".join(texts), path="bench-scale",
                      published=_shift(head.published, rnd * span_days), source=head.source)
    noisy = corpus.vectors[picked] + rng.normal(0.0, jitter, (len(picked), corpus.vectors.shape[1]))
    noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
    return article, chunks_of(article, spans), noisy.astype(np.float32)

