"""Wiring: build the store, embedder, chunker and indexer from `IndexSettings`.

The slow parts (the model, the Chroma client) are created here once and passed
to whoever needs them; tests build the same objects directly.
"""

from __future__ import annotations

from index.chroma_client import ChromaLocation
from index.chunking import Chunker
from index.embedding import Embedder
from index.models import ModelsMissing, require_embedder
from index.pipeline import Indexer
from index.settings import IndexSettings
from index.store import ArchiveStore


def chroma_location(settings: IndexSettings) -> ChromaLocation:
    """Embedded Chroma, or the server `settings.chroma_url` names."""
    return ChromaLocation(settings.chroma_url or None, settings.chroma_token or None)


def open_store(settings: IndexSettings) -> ArchiveStore:
    """The store at `settings.store` (created empty if absent), its vectors where the settings say."""
    return ArchiveStore(settings.store, chroma_location(settings))


def load_embedder(settings: IndexSettings) -> Embedder:
    """The MiniLM embedder from the models folder, or a clear `ModelsMissing`."""
    return Embedder(require_embedder(settings))


def build_chunker(settings: IndexSettings, embedder: Embedder) -> Chunker:
    """A chunker measuring in the embedder's own tokens."""
    return Chunker(embedder.tokenize, chunk_tokens=settings.chunk_tokens, overlap=settings.chunk_overlap)


def build_indexer(settings: IndexSettings, store: ArchiveStore | None = None, embedder: Embedder | None = None,
                  quiet: bool = False) -> Indexer:
    """An `Indexer` over the configured store, reusing objects passed in."""
    embedder = embedder or load_embedder(settings)
    return Indexer(store or open_store(settings), embedder, build_chunker(settings, embedder),
                   max_bytes=settings.max_file_mb * 2**20, quiet=quiet)
