"""Cutting an article body into sentence-aware chunks that fit the embedder.

Chunks come from llama-index's `SentenceSplitter`, measured with the embedding
model's own tokenizer (no tiktoken). Each chunk keeps its character offsets in
the article body so a quote can later be highlighted exactly; what gets
embedded is the chunk with a short header (headline, outlet, date) so a
paragraph that never names its subject still retrieves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from llama_index.core.node_parser import SentenceSplitter

from index.article import Article

HEADER_MAX_CHARS = 160


@dataclass(frozen=True)
class Chunk:
    """A passage of one article: `text == article.body[start:end]`; `n` counts from 0."""

    id: str
    article_id: str
    n: int
    text: str
    start: int
    end: int


class Chunker:
    """Splits articles into `Chunk`s of at most `chunk_tokens` model tokens.

    `tokenize` is the embedder's tokenizer (text -> token ids); the header
    budget is reserved so header + chunk fit the model's window.
    """

    def __init__(self, tokenize: Callable[[str], list], chunk_tokens: int = 200, overlap: int = 24) -> None:
        if not 16 <= chunk_tokens <= 512:
            raise ValueError(f"chunk_tokens must be between 16 and 512, got {chunk_tokens}")
        if not 0 <= overlap < chunk_tokens // 2:
            raise ValueError(f"overlap must be between 0 and chunk_tokens/2, got {overlap}")
        self.chunk_tokens = chunk_tokens
        self._splitter = SentenceSplitter(
            chunk_size=chunk_tokens,
            chunk_overlap=overlap,
            paragraph_separator="\n\n",
            tokenizer=tokenize,
        )

    def split(self, article: Article) -> list[Chunk]:
        """The article's chunks in reading order, each located in the body."""
        body = article.body
        chunks: list[Chunk] = []
        cursor = 0
        for n, piece in enumerate(self._splitter.split_text(body)):
            start, end = locate(body, piece, cursor)
            # The content hash in the id keeps vectors of an older version from
            # ever being mistaken for this version's chunks.
            chunk_id = f"{article.id}#{article.content_hash[:8]}-{n}"
            chunks.append(Chunk(chunk_id, article.id, n, body[start:end], start, end))
            # Overlapping chunks may start before the previous end.
            cursor = max(start + 1, min(end, len(body)))
        return chunks


def embed_text(article: Article, chunk: Chunk) -> str:
    """The text that is embedded for a chunk: a short header, then the passage."""
    meta = " · ".join(x for x in (article.source, article.published) if x)
    header = article.title[:HEADER_MAX_CHARS]
    return f"{header}\n{meta}\n\n{chunk.text}" if meta else f"{header}\n\n{chunk.text}"


def locate(body: str, piece: str, cursor: int) -> tuple[int, int]:
    """Character span of `piece` in `body`, searching near `cursor` first.

    The splitter may change whitespace between sentences, so an exact search
    falls back to a whitespace-tolerant one; the span is always a real slice.
    """
    piece = piece.strip()
    for origin in (max(0, cursor - 4 * len(piece)), 0):
        at = body.find(piece, origin)
        if at >= 0:
            return at, at + len(piece)
    words = piece.split()
    if not words:
        return cursor, cursor
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    match = pattern.search(body, max(0, cursor - 4 * len(piece))) or pattern.search(body)
    if match:
        return match.start(), match.end()
    # Last resort: anchor on the first and last words.
    first = body.find(words[0], cursor)
    first = first if first >= 0 else cursor
    last = body.find(words[-1], first)
    end = last + len(words[-1]) if last >= 0 else min(len(body), first + len(piece))
    return first, end
