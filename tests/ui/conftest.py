"""Fixtures for the app tests: a small news archive, fakes for the handler
tests, and (for the slow tests) the real app served on a free loopback port
over a real store with the real MiniLM."""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path
from typing import Iterator

import pytest

from index.chunking import Chunker
from index.pipeline import Indexer
from qa.settings import Settings
from index.store import ArchiveStore

REPO = Path(__file__).resolve().parents[2]
STORY_FIXTURES = REPO / "tests" / "fixtures" / "timeline"  # a story told by several outlets over a month
ARTIFACTS = REPO / "artifacts"

# Eight short articles, five outlets, Feb–Mar 2017 (outlets come from the URLs).
ARTICLES = [
    {"title": "Syrian army gaining ground in effort to re-take Palmyra", "date": "2017-02-07",
     "url": "http://tass.com/world/929472",
     "text": "The Syrian army has regained the communities of Tias and El Beida near Palmyra, the Russian "
             "General Staff said on Tuesday. The army has moved 25 kilometres eastwards. The commanding heights "
             "along the road to Palmyra are under government control, Lieutenant-General Sergey Rudskoy said."},
    {"title": "Storm Doris brings travel chaos to Britain", "date": "2017-02-23",
     "url": "http://www.bbc.co.uk/news/uk-39067613",
     "text": "Storm Doris brought winds of up to 94 mph to parts of Britain on Thursday. Trains were cancelled "
             "across the north of England and flights were delayed at Heathrow. A woman died in Wolverhampton "
             "after being hit by debris."},
    {"title": "Bus Éireann strike ends after talks", "date": "2017-04-10",
     "url": "https://www.rte.ie/news/2017/0410/bus-strike",
     "text": "The Bus Éireann strike ended on Sunday after three weeks. Unions accepted a proposal from the "
             "Workplace Relations Commission. Services across Ireland resumed on Monday morning."},
    {"title": "Martin Schulz opens SPD campaign with pension promise", "date": "2017-03-01",
     "url": "http://www.dw.com/en/schulz-campaign/a-37750000",
     "text": "Martin Schulz opened the Social Democrats' election campaign in Berlin. He promised fairer "
             "pensions and changes to the Agenda 2010 labour reforms. Polls showed the SPD close to Angela "
             "Merkel's conservatives."},
    {"title": "Rebels return soldiers' bodies to Azerbaijan", "date": "2017-02-27",
     "url": "http://www.aljazeera.com/news/2017/02/rebels-return-soldiers-bodies.html",
     "text": "Armenian-backed fighters handed over the bodies of five Azerbaijani soldiers killed in clashes "
             "in Nagorno-Karabakh. The handover was mediated by the International Committee of the Red Cross."},
    {"title": "Russia and Turkey agree Syria ceasefire monitoring", "date": "2017-02-16",
     "url": "http://tass.com/politics/931200",
     "text": "Russia, Turkey and Iran agreed in Astana to set up a group to monitor the Syrian ceasefire. "
             "The talks were attended by the Syrian government and armed opposition delegations."},
    {"title": "Heathrow third runway consultation opens", "date": "2017-02-02",
     "url": "http://www.bbc.co.uk/news/business-38839200",
     "text": "The government opened a public consultation on a third runway at Heathrow airport. The plan "
             "would add 260,000 flights a year. Residents near the airport oppose the expansion."},
    {"title": "Samsung heir Lee Jae-yong arrested", "date": "2017-02-17",
     "url": "http://www.bbc.co.uk/news/world-asia-38997370",
     "text": "Samsung's heir apparent Lee Jae-yong has been placed under arrest in South Korea. He is accused "
             "of bribery in a corruption scandal that led to the impeachment of President Park Geun-hye."},
]
QUESTION = "What did the Syrian army retake near Palmyra?"


def write_archive(folder: Path, articles: list[dict] = ARTICLES) -> Path:
    """The fixture articles as one JSON Lines file in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "news.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    return path


def make_settings(home: Path, **more: object) -> Settings:
    """Settings with a private home but the real models folder."""
    return Settings(home=home, models_dir=Settings().models, **more)


def make_indexer(store_dir: Path, embedder: object) -> Indexer:
    """An indexer over a fresh store (chunks measured in the embedder's tokens)."""
    chunker = Chunker(embedder.tokenize, chunk_tokens=200, overlap=24)  # type: ignore[attr-defined]
    return Indexer(ArchiveStore(store_dir), embedder, chunker, quiet=True)  # type: ignore[arg-type]


# Captured at import: pytest drops the name "conftest" from sys.modules when it imports the next conftest.
_THIS_MODULE = sys.modules[__name__]


@pytest.fixture(scope="session")
def kit():
    """This module: the fixture articles and helpers, for tests (test files cannot import a conftest)."""
    return _THIS_MODULE


@pytest.fixture
def fake_services(tmp_path, fake_embedder):
    """Services over a real on-disk fixture store with the fake embedder and no answer model."""
    from ui.handlers import AppServices

    settings = make_settings(tmp_path / "home", llm="none")
    indexer = make_indexer(settings.store, fake_embedder)
    indexer.ingest([write_archive(tmp_path / "docs")])
    services = AppServices(settings, indexer=indexer, llm=None)
    services.upload_dir = tmp_path.resolve()  # stands in for Gradio's upload folder
    return services


@pytest.fixture
def story_services(tmp_path, fake_embedder, kit):
    """App services over a real store of the timeline fixture story (tests/fixtures/timeline), no model."""
    from ui.handlers import AppServices

    settings = kit.make_settings(tmp_path / "home", llm="none")
    indexer = kit.make_indexer(settings.store, fake_embedder)
    indexer.ingest([STORY_FIXTURES])
    return AppServices(settings, indexer=indexer, llm=None)


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveApp:
    """A served app: its URL, services and Blocks (closed at teardown)."""

    def __init__(self, services, auth: tuple[str, str] | None = None, *, users: list[tuple[str, str]] = (),
                 admins: list[tuple[str, str]] = ()) -> None:
        from ui.app import launch

        self.services = services
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        logins = [auth] if auth else list(users)
        self.app = launch(services, port=self.port, auth=logins, admins=admins, block=False)

    def close(self) -> None:
        self.app.close()


def live_services(home: Path, embedder: object, llm: object = None, articles: list[dict] = ARTICLES,
                  **settings_: object):
    """Services over a fresh fixture store at `home` (empty if `articles` is empty); `settings_` e.g. ingest_roots."""
    from ui.handlers import AppServices

    settings = make_settings(home, llm="none" if llm is None else "embedded", **settings_)
    indexer = make_indexer(settings.store, embedder)
    if articles:
        indexer.ingest([write_archive(home.parent / (home.name + "-docs"), articles)])
    return AppServices(settings, indexer=indexer, llm=llm)


@pytest.fixture(scope="session")
def live_app(tmp_path_factory, real_embedder) -> Iterator[LiveApp]:
    """The app over the fixture archive (real MiniLM, extractive answers), shared by the slow tests."""
    served = LiveApp(live_services(tmp_path_factory.mktemp("live") / "home", real_embedder))
    yield served
    served.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go (gitignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
