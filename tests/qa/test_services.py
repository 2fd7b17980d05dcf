"""The wiring object: lazy, loads each model once, shares it (locked) across archives and
threads, and keeps answering from the live store after a rebuild.

Fakes (the deterministic embedder, a scripted model) enter through the same doors
the real parts do (`index.runtime.load_embedder`, `qa.services.build_llm`); the store
is real, on disk. The real models go through these doors in the slow tests of
tests/ui (test_cli_ask, test_app_client) and tests/eval (test_cli_eval).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import index.runtime
import qa.services
from qa.settings import Settings
from index.store import ArchiveStore
from qa.services import Services, SharedLLM

FERRY = "Ferry strike ends\n\nThe ferry workers ended their strike in Calais on Monday after talks."
ELECTION = "Election called\n\nThe prime minister called an early election for June."


class ScriptedLLM:
    """Answers every question with the same cited sentence."""

    name = "scripted"

    def __init__(self) -> None:
        self.calls = 0

    def stream(self, messages, **options):
        self.calls += 1
        yield from ["The ferry workers ended their strike ", "on Monday [1]."]

    def complete(self, messages, **options):
        return "".join(self.stream(messages))


@pytest.fixture
def doors(monkeypatch, fake_embedder):
    """Count how often the embedder and the answer model are loaded through the services' doors."""
    loads = {"embedder": 0, "llm": 0}
    model = ScriptedLLM()

    def load_embedder(settings):
        loads["embedder"] += 1
        return fake_embedder

    def build_llm(settings):
        loads["llm"] += 1
        return None if settings.llm == "none" else model

    monkeypatch.setattr(index.runtime, "load_embedder", load_embedder)
    monkeypatch.setattr(qa.services, "build_llm", build_llm)
    return loads, model


def write(folder: Path, **articles: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def test_nothing_loads_until_asked_and_each_model_loads_once(tmp_path, doors):
    loads, model = doors
    services = Services(Settings(home=tmp_path / "home", llm="embedded"))
    assert services.store.stats().articles == 0  # opening the store loads no model
    assert loads == {"embedder": 0, "llm": 0}
    services.indexer.ingest([write(tmp_path / "docs", ferry=FERRY, election=ELECTION)])
    assert loads == {"embedder": 1, "llm": 0}
    retrieval = services.answerer(answers=False)
    assert retrieval.llm is None and loads["llm"] == 0  # retrieval-only runs never load the answer model
    answer = services.qa.ask("When did the ferry strike end?")
    assert loads == {"embedder": 1, "llm": 1} and model.calls >= 1
    assert isinstance(services.qa.llm, SharedLLM) and services.qa.llm.inner is model
    assert answer.citations and answer.citations[0].title == "Ferry strike ends"
    assert services.qa is services.answerer() and services.qa.store is services.store is services.indexer.store


def test_another_archive_shares_the_loaded_models(tmp_path, doors):
    loads, _ = doors
    services = Services(Settings(home=tmp_path / "home", llm="embedded"))
    other = ArchiveStore(tmp_path / "bench-store")
    bench = services.on_store(other)
    assert bench.store is other and bench.settings is services.settings
    bench.qa  # loads both models once ...
    services.qa  # ... and the first services reuse them
    assert loads == {"embedder": 1, "llm": 1}
    assert bench.qa.llm is services.qa.llm and bench.embedder is services.embedder


def test_parts_passed_in_are_used_as_given(tmp_path, doors, fake_embedder):
    loads, _ = doors
    services = Services(Settings(home=tmp_path / "home", llm="embedded"), embedder=fake_embedder, llm=None)
    assert services.qa.llm is None and services.embedder is fake_embedder  # llm=None: extractive, whatever the settings
    assert loads == {"embedder": 0, "llm": 0}


def test_concurrent_first_use_loads_one_copy(tmp_path, doors):
    loads, _ = doors
    services = Services(Settings(home=tmp_path / "home", llm="embedded"))
    threads = [threading.Thread(target=lambda: services.qa) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert loads == {"embedder": 1, "llm": 1}


def test_a_rebuild_is_answered_from_at_once(tmp_path, doors):
    """The store object reopens in place on a rebuild: the answerer made before it sees the new index."""
    services = Services(Settings(home=tmp_path / "home", llm="none"))
    docs = write(tmp_path / "docs", ferry=FERRY)
    services.indexer.ingest([docs])
    answerer, store = services.qa, services.store
    write(docs, ferry=ELECTION)  # the recorded file now holds another article
    services.indexer.rebuild()
    assert services.store is store and services.qa is answerer
    answer = services.qa.ask("When is the early election?")
    assert [c.title for c in answer.citations] == ["Election called"]
    assert services.store.stats().articles == 1


def test_shared_model_generates_one_answer_at_a_time():
    shared = SharedLLM(ScriptedLLM())
    first = shared.stream([])
    next(first)
    assert shared.busy
    first.close()
    assert not shared.busy and shared.complete([]) == "The ferry workers ended their strike on Monday [1]."
    assert shared.name == "scripted"
