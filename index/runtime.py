"""Wiring: build the store, embedder, chunker and indexer from `IndexSettings`.

The slow parts (the model, the Chroma client) are created here once and passed
to whoever needs them; tests build the same objects directly.
"""

from __future__ import annotations

from index.chroma_client import ChromaLocation
from index.chunking import Chunker
from index.embedding import Embedder, folder_tokenizer
from index.models import ModelsMissing, require_embedder
from index.pipeline import Indexer
from index.remote_embedding import RemoteEmbedder
from index.settings import IndexSettings
from index.store import ArchiveStore


def chroma_location(settings: IndexSettings) -> ChromaLocation:
    """Embedded Chroma, or the server `settings.chroma_url` names."""
    return ChromaLocation(settings.chroma_url or None, settings.chroma_token or None)


def open_store(settings: IndexSettings) -> ArchiveStore:
    """The store at `settings.store` (created empty if absent), its vectors where the settings say."""
    return ArchiveStore(settings.store, chroma_location(settings))


def load_embedder(settings: IndexSettings) -> Embedder | RemoteEmbedder:
    """The embeddings server `settings.embed_url` names, else MiniLM in-process; or a clear `ModelsMissing`.

    Either way the MiniLM folder is needed: the chunker counts tokens with its tokenizer.
    """
    folder = require_embedder(settings)
    if settings.embed_url:
        return RemoteEmbedder(settings.embed_url, settings.embed_model, folder_tokenizer(folder),
                              batch_size=settings.embed_batch_size)
    return Embedder(folder)


def build_chunker(settings: IndexSettings, embedder: Embedder | RemoteEmbedder) -> Chunker:
    """A chunker measuring in the embedder's own tokens."""
    return Chunker(embedder.tokenize, chunk_tokens=settings.chunk_tokens, overlap=settings.chunk_overlap)


def build_indexer(settings: IndexSettings, store: ArchiveStore | None = None,
                  embedder: Embedder | RemoteEmbedder | None = None, quiet: bool = False) -> Indexer:
    """An `Indexer` over the configured store, reusing objects passed in."""
    embedder = embedder or load_embedder(settings)
    return Indexer(store or open_store(settings), embedder, build_chunker(settings, embedder),
                   max_bytes=settings.max_file_mb * 2**20, quiet=quiet)
