"""The one wiring object: store, embedder, answer model and answerer, built from `Settings`.

The CLI (`ask`, `chat`, `bench`), the Gradio app and eval all get their slow
parts here, so a future front end (a REST API) has one door to use. Nothing
is loaded until first asked for: `newsdesk ask` opens the store and checks the
question before any model loads. Tests pass deterministic fakes through the
same constructor.

The store is one `ArchiveStore` object for the life of the services: a rebuild
(here or in another process) reopens it in place (`ArchiveStore.ensure_current`,
`swap_in`), so the answerer never holds a stale store. Benchmarks that keep
their own archive use `on_store`, which shares the loaded models.
"""

from __future__ import annotations

import threading
from typing import Iterator, Literal

from index import runtime
from index.embedding import Embedder
from index.pipeline import Indexer
from qa.settings import Settings
from index.store import ArchiveStore
from qa.answer import NewsQA
from qa.backends import build_llm
from qa.llm import LLM

FROM_SETTINGS: Literal["settings"] = "settings"


class SharedLLM:
    """The answer model shared by every caller: one generation at a time (llama.cpp is not
    thread-safe), while retrieval for other callers carries on; knows when it is busy."""

    def __init__(self, llm: LLM) -> None:
        self.inner = llm
        self.name = getattr(llm, "name", type(llm).__name__)
        self._lock = threading.Lock()

    @property
    def busy(self) -> bool:
        """True while some caller's answer is being generated."""
        return self._lock.locked()

    def stream(self, messages: list[dict], **options: object) -> Iterator[str]:
        """The inner model's stream, holding the model until it ends or is closed (Stop)."""
        with self._lock:
            yield from self.inner.stream(messages, **options)

    def complete(self, messages: list[dict], **options: object) -> str:
        """The whole reply (follow-up rewriting)."""
        return "".join(self.stream(messages, **options))

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


def shared(llm: LLM | None) -> SharedLLM | None:
    """`llm` behind the one-at-a-time lock (None stays None: extractive answers)."""
    return llm if llm is None or isinstance(llm, SharedLLM) else SharedLLM(llm)


class Models:
    """The embedder and answer model, each loaded once on first use and shared by every
    `Services` made from this one (a benchmark's own archive reuses the loaded models)."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None,
                 llm: LLM | None | Literal["settings"] = FROM_SETTINGS) -> None:
        self.settings = settings
        self._embedder = embedder
        self._llm: SharedLLM | None | Literal["settings"] = llm if llm == FROM_SETTINGS else shared(llm)
        self._loading = threading.Lock()  # two sessions asking at once must not load two copies

    @property
    def embedder(self) -> Embedder:
        """The sentence embedder (MiniLM from the models folder unless one was passed in)."""
        with self._loading:
            if self._embedder is None:
                self._embedder = runtime.load_embedder(self.settings)
            return self._embedder

    @property
    def llm(self) -> SharedLLM | None:
        """The answer model the settings name, shared and locked; None means extractive answers."""
        with self._loading:
            if self._llm == FROM_SETTINGS:
                self._llm = shared(build_llm(self.settings))
            return self._llm

    @llm.setter
    def llm(self, value: LLM | None) -> None:
        self._llm = shared(value)


class Services:
    """Everything slow to create, built once from `Settings` and shared by every caller.

    Parts passed in are used as they are (tests pass fakes, the app passes nothing);
    the rest is made on first use. `llm=None` means extractive answers whatever the
    settings say; the default loads the model the settings name.
    """

    def __init__(self, settings: Settings, *, store: ArchiveStore | None = None, embedder: Embedder | None = None,
                 llm: LLM | None | Literal["settings"] = FROM_SETTINGS, indexer: Indexer | None = None,
                 models: Models | None = None) -> None:
        self.settings = settings
        self.models = models or Models(settings, embedder or (indexer.embedder if indexer else None), llm)
        self._store = store
        self._indexer = indexer
        self._qa: NewsQA | None = None
        self._retrieval_qa: NewsQA | None = None
        self._building = threading.RLock()
        self.write_lock = threading.Lock()  # one index write at a time in this process (the store locks across)

    @property
    def store(self) -> ArchiveStore:
        """The archive (the indexer's store when there is an indexer; opened empty if absent)."""
        if self._indexer is not None:
            return self._indexer.store
        with self._building:
            if self._store is None:
                self._store = runtime.open_store(self.settings)
            return self._store

    @property
    def embedder(self) -> Embedder:
        """The sentence embedder, loaded on first use."""
        return self.models.embedder

    @property
    def llm(self) -> SharedLLM | None:
        """The shared answer model, loaded on first use (None: extractive answers)."""
        return self.models.llm

    @llm.setter
    def llm(self, value: LLM | None) -> None:
        self.models.llm = value  # for answerers made from now on

    @property
    def indexer(self) -> Indexer:
        """The indexer writing to this store (chunks measured in the embedder's tokens)."""
        store = self.store
        with self._building:
            if self._indexer is None:
                self._indexer = runtime.build_indexer(self.settings, store=store, embedder=self.embedder, quiet=True)
            return self._indexer

    @indexer.setter
    def indexer(self, value: Indexer) -> None:
        self._indexer = value

    @property
    def qa(self) -> NewsQA:
        """The answerer over this store with the shared model (what chat and `ask` use)."""
        with self._building:
            if self._qa is None:
                self._qa = NewsQA(self.store, self.embedder, self.llm, k=self.settings.k)
            return self._qa

    @qa.setter
    def qa(self, value: NewsQA) -> None:
        self._qa = value

    def answerer(self, *, answers: bool = True) -> NewsQA:
        """`qa`, or with `answers=False` one that loads no answer model (retrieval-only runs;
        follow-ups are then made standalone without it)."""
        if answers:
            return self.qa
        with self._building:
            if self._retrieval_qa is None:
                self._retrieval_qa = NewsQA(self.store, self.embedder, None, k=self.settings.k)
            return self._retrieval_qa

    def load(self) -> Services:
        """Load every slow part now: a server reports a missing model before it starts serving."""
        _ = self.indexer, self.qa
        return self

    def on_store(self, store: ArchiveStore) -> Services:
        """Services over another archive (a benchmark's own) sharing these models."""
        return Services(self.settings, store=store, models=self.models)
