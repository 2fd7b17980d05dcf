"""The Archive tab's article list over a real store: search, pages, the reader, copies and removal
(writers only, through the indexer's remove path, nothing else lost)."""

from __future__ import annotations

import json

import pytest

from ui import archive_list
from ui.access import Access

WIRE = ("Flood barriers on the Thames were raised on Sunday as a storm surge swept up the estuary, the "
        "Environment Agency said. Engineers closed all ten gates of the barrier for the third time this winter "
        "while residents of low-lying streets in Kent and Essex were told to move cars and valuables upstairs. "
        "Forecasters expect the water to fall back by Tuesday evening.")


def test_first_page_is_newest_first_with_words_and_no_copies(fake_services, kit):
    page = archive_list.list_page(fake_services.indexer.store)
    assert page.total == len(kit.ARTICLES) and page.pages == 1 and len(page.ids) == len(kit.ARTICLES)
    assert page.table["headline"][0] == "Bus Éireann strike ends after talks"  # 2017-04-10, the newest
    assert list(page.table.columns) == ["headline", "outlet", "date", "words", "copies"]
    assert page.table["words"][0] == len(kit.ARTICLES[2]["text"].split())
    assert set(page.table["copies"]) == {0}
    assert page.caption == f"Articles 1–{len(kit.ARTICLES)} of {len(kit.ARTICLES)} · page 1 of 1"


@pytest.mark.parametrize("query, titles", [
    ("bbc", {"Storm Doris brings travel chaos to Britain", "Heathrow third runway consultation opens",
             "Samsung heir Lee Jae-yong arrested"}),
    ("HEATHROW", {"Storm Doris brings travel chaos to Britain", "Heathrow third runway consultation opens"}),
    ("heathrow runway", {"Heathrow third runway consultation opens"}),
    ("100%", set()),  # % is a character, not a wildcard
])
def test_search_matches_headline_outlet_and_text(fake_services, query, titles):
    page = archive_list.list_page(fake_services.indexer.store, query)
    assert set(page.table["headline"]) == titles and page.total == len(titles)
    if not titles:
        assert page.caption == f"No article matching “{query}”."


def test_pages_and_clamping(fake_services, monkeypatch):
    monkeypatch.setattr(archive_list, "PER_PAGE", 3)
    store = fake_services.indexer.store
    pages = [archive_list.list_page(store, "", n) for n in (1, 2, 3)]
    assert [len(p.ids) for p in pages] == [3, 3, 2] and pages[0].pages == 3
    assert len({i for p in pages for i in p.ids}) == 8  # every article once
    assert pages[1].caption == "Articles 4–6 of 8 · page 2 of 3"
    assert archive_list.list_page(store, "", 99).page == 3


def test_the_reader_shows_the_whole_article(fake_services, kit):
    store = fake_services.indexer.store
    page = archive_list.list_page(store, "palmyra")
    html, article_id = archive_list.open_article(store, page.ids, 0)
    assert article_id == "http://tass.com/world/929472"
    assert "Lieutenant-General Sergey Rudskoy said." in html and "TASS" in html and "7 Feb 2017" in html
    assert archive_list.open_article(store, page.ids, 5) == (archive_list.PICK, None)


def test_syndicated_copies_are_counted(fake_services, tmp_path):
    copies = tmp_path / "wire.jsonl"
    copies.write_text("".join(json.dumps(a) + "\n" for a in (
        {"title": "Thames barrier raised", "text": WIRE, "source": "Reuters", "date": "2017-03-05"},
        {"title": "Barrier closed as surge hits", "text": WIRE + " More to follow.", "source": "AP",
         "date": "2017-03-05"})), encoding="utf-8")
    fake_services.indexer.ingest([copies])
    page = archive_list.list_page(fake_services.indexer.store, "barrier")
    assert dict(zip(page.table["outlet"], page.table["copies"])) == {"Reuters": 1, "AP": 1}


def test_remove_is_for_writers_and_removes_only_that_article(fake_services):
    store = fake_services.indexer.store
    page = archive_list.list_page(store, "samsung")
    target = page.ids[0]
    admins = Access(admins=frozenset({"editor"}), local=False)
    refused = archive_list.remove_article(fake_services, target, access=admins, user="reader")
    assert "for administrators" in refused and store.article(target) is not None
    done = archive_list.remove_article(fake_services, target, access=admins, user="editor")
    assert "Removed “Samsung heir Lee Jae-yong arrested”" in done
    assert store.article(target) is None and archive_list.list_page(store, "samsung").total == 0
    assert not store.keyword_search("Samsung Lee Jae-yong bribery", 5)  # its passages went too
    assert store.stats().articles == 7 and store.keyword_search("Palmyra", 5)  # nothing else lost
    again = archive_list.remove_article(fake_services, target, access=admins, user="editor")
    assert "no longer in the archive" in again


def test_remove_waits_for_no_one(fake_services):
    page = archive_list.list_page(fake_services.indexer.store)
    fake_services.write_lock.acquire()
    try:
        message = archive_list.remove_article(fake_services, page.ids[0], access=Access(), user=None)
    finally:
        fake_services.write_lock.release()
    assert "try again" in message and fake_services.indexer.store.article(page.ids[0]) is not None
