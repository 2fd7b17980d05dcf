"""HTML pages: main text without navigation, ads or footer; metadata; nothing fetched."""

from __future__ import annotations

import socket

from readers_helpers import split

from index.readers import read_file

BOILERPLATE = ("Subscribe today", "ADVERTISEMENT", "Sunny Cruises", "Most read", "Copyright 2017", "Cookie settings",
               "Celebrity chef", "trackPageView", "border: 1px")


def test_page_gives_main_text_and_metadata(fixtures):
    [article], failures = split(read_file(fixtures / "harbour-bridge.html"))
    assert failures == []
    assert article.title == "Kestrel Bay opens its new harbour bridge"
    assert article.body.startswith("The long-awaited harbour bridge in Kestrel Bay opened")
    assert article.body.rstrip().endswith("introduce a charge for visiting drivers.")
    assert article.body.count("\n\n") == 4  # five paragraphs kept apart
    for junk in BOILERPLATE:
        assert junk not in article.body, junk
    assert article.published == "2017-02-03"
    assert article.author == "Mara Lindqvist"
    assert article.source == "Coastline Courier"
    assert article.url == "https://www.coastlinecourier.example/news/2017/02/03/kestrel-bay-harbour-bridge"
    assert article.id == article.url


def test_known_outlet_name_wins_over_site_name(tmp_path, fixtures):
    page = (fixtures / "harbour-bridge.html").read_text(encoding="utf-8").replace(
        "https://www.coastlinecourier.example/", "https://www.theguardian.com/")
    path = tmp_path / "guardian.htm"
    path.write_text(page, encoding="utf-8")
    [article], _ = split(read_file(path))
    assert article.source == "The Guardian"


def test_reading_html_opens_no_network_connection(fixtures, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"network used: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    articles, failures = split(read_file(fixtures / "harbour-bridge.html"))
    assert len(articles) == 1 and failures == []


def test_page_without_main_text_is_a_clear_failure(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav>"
                    "<footer>(c) 2017</footer></body></html>", encoding="utf-8")
    [], [failure] = split(read_file(path))
    assert failure.path == str(path)
    assert "no article text found in the HTML page" in failure.error


def test_html_sniffed_in_a_txt_file(tmp_path, fixtures):
    path = tmp_path / "saved-page.txt"
    path.write_bytes((fixtures / "harbour-bridge.html").read_bytes())
    [article], _ = split(read_file(path))
    assert article.title == "Kestrel Bay opens its new harbour bridge"
    assert "<p>" not in article.body and "ADVERTISEMENT" not in article.body
