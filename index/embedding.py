"""The sentence embedder: all-MiniLM-L6-v2 loaded from a local folder.

One `Embedder` is created per process and passed to whoever needs vectors
(the indexer, the retriever, the citation checker). It also exposes the
model's own tokenizer so chunk sizes are counted in the tokens the model reads.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr


class Embedder:
    """all-MiniLM-L6-v2 from a local folder; counts how many texts it encoded.

    `texts_encoded` lets the pipeline and tests prove that unchanged articles
    are not embedded again. One or two texts at a time (a question, a timeline's
    topic) go through the numpy forward pass of index/minilm.py; bigger batches
    load sentence-transformers on first need, so a command that only encodes its
    question never imports torch (5-7 s of a cold start on 2 cores). Measured here
    with 12-word texts, two runs: numpy 10-17 / 16-28 / 41-55 ms for 1 / 2 / 4 texts,
    sentence-transformers 16-24 / 21-32 / 23-45 ms, and 2x slower than sentence-transformers
    from 4 texts up; the two agree to cosine 0.9999999 (tests/index/test_minilm.py).

    Safe to share between threads: encoding and tokenizing never share tokenizer
    state, because the fast tokenizer keeps its padding and truncation settings as
    shared state (two threads at once failed with "expected sequence of length 63"
    during an app rebuild beside a chat): `encode` takes a lock, and `tokenize`
    measures with its own copy of the tokenizer, set once to no padding and no
    truncation, so an ingest can chunk while another thread encodes (index/encode_ahead.py).
    """

    FEW_TEXTS = 2  # at most this many texts per call go through numpy (crossover above)

    def __init__(self, model_path: Path, batch_size: int = 64, device: str = "cpu") -> None:
        from index.minilm import MiniLM

        model_path = Path(model_path)
        if not (model_path / "modules.json").is_file():
            raise FileNotFoundError(
                f"embedding model not found at {model_path}: run `newsdesk models` first"
            )
        self.model_path = model_path
        self.device = device
        self.batch_size = batch_size
        self.name = model_path.name  # what `newsdesk stats` says wrote the store (index/provenance.py)
        self._lock = threading.RLock()
        self._few: MiniLM | None
        try:
            self._few = MiniLM(model_path)
        except ValueError:  # another architecture: sentence-transformers encodes everything
            self._few = None
        self._model = None if self._few else self._load_model()
        self.max_tokens: int = self._few.max_tokens if self._few else int(self.model.max_seq_length)
        self.dimensions: int = self._few.dimensions if self._few else int(self.model.get_embedding_dimension())
        self.texts_encoded = 0
        self._measure = folder_tokenizer(model_path)  # its own tokenizer and lock, apart from encoding's

    @property
    def model(self):  # -> SentenceTransformer, untyped so this module never imports torch
        """The sentence-transformers model, loaded on first use (it brings torch)."""
        with self._lock:
            if self._model is None:
                self._model = self._load_model()
            return self._model

    def _load_model(self):
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        # Chunking measures long texts on purpose; the "longer than 256" warning
        # and the weight-loading bar are noise for our users.
        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        return SentenceTransformer(str(self.model_path), device=self.device, local_files_only=True)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        with self._lock:
            self.texts_encoded += len(texts)
            if self._few is not None and len(texts) <= self.FEW_TEXTS:
                return self._few.encode(texts)
            vectors = self.model.encode(
                list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                convert_to_numpy=True, show_progress_bar=False,
            )
        return vectors.astype(np.float32, copy=False)

    def count_tokens(self, text: str) -> int:
        """Word pieces the model sees for `text` (without [CLS]/[SEP])."""
        return len(self.tokenize(text))

    def tokenize(self, text: str) -> list[int]:
        """The model tokenizer's ids for `text`, used by the chunker to measure (the same ids as
        `model.tokenizer.encode(text, add_special_tokens=False, truncation=False)`)."""
        return self._measure(text)


def folder_tokenizer(folder: Path) -> Callable[[str], list[int]]:
    """Token ids of the model folder's tokenizer.json, whole texts without [CLS]/[SEP]: `Embedder.tokenize`.

    Loads no weights (milliseconds, no torch), so a remote embedder (index/remote_embedding.py) measures
    chunks exactly as the in-process MiniLM does.
    """
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(Path(folder) / "tokenizer.json"))
    tokenizer.no_truncation()  # the file truncates and pads to 128; the chunker measures whole texts
    tokenizer.no_padding()
    lock = threading.Lock()  # the Rust tokenizer is not documented as thread-safe for encode

    def tokenize(text: str) -> list[int]:
        with lock:
            return tokenizer.encode(text, add_special_tokens=False).ids

    return tokenize


class LlamaIndexEmbedding(BaseEmbedding):
    """Adapter so llama-index retrievers embed queries with our `Embedder`.

    Written instead of `HuggingFaceEmbedding` so the process loads the model once
    and shares it (and its call counter) with the indexer.
    """

    _embedder: Embedder = PrivateAttr()

    def __init__(self, embedder: Embedder, **kwargs: object) -> None:
        super().__init__(model_name="all-MiniLM-L6-v2", embed_batch_size=embedder.batch_size, **kwargs)
        self._embedder = embedder

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._embedder.encode([query])[0].tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._embedder.encode([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._embedder.encode(texts).tolist()
