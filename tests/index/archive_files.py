"""Helpers shared by the store tests: article files on disk and an indexer over a real store."""

from __future__ import annotations

from pathlib import Path

from index.chroma_client import EMBEDDED, ChromaLocation
from index.chunking import Chunker
from index.pipeline import Indexer
from index.store import ArchiveStore


def write_articles(folder: Path, articles: dict[str, str]) -> Path:
    """Write `name -> text` as files in `folder` (created); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def make_indexer(store_dir: Path, embedder, chroma: ChromaLocation = EMBEDDED) -> Indexer:
    """An indexer over a store at `store_dir` (vectors where `chroma` says), chunks of 64 tokens (8 overlap), quiet."""
    return Indexer(ArchiveStore(store_dir, chroma), embedder, Chunker(embedder.tokenize, 64, 8), quiet=True)
