"""Outlet names from URLs, and outlet keys for matching names."""

from __future__ import annotations

import pytest

from index.outlets import known_outlet, outlet_from_url, outlet_key, registrable_host


@pytest.mark.parametrize("url, outlet", [
    ("https://www.aljazeera.com/news/2017/2/3/x", "Al Jazeera"),
    ("http://tass.com/politics/1", "TASS"),
    ("http://abcnews.go.com/International/x", "ABC News"),
    ("https://www.rte.ie/news/2017/0120/x/", "RTÉ"),
    ("http://www.huffingtonpost.com/entry/x", "HuffPost"),
    ("https://www.huffpost.com/entry/x", "HuffPost"),
    ("http://www.dw.com/en/x/a-1", "DW"),
    ("http://www.chinadaily.com.cn/world/x.htm", "China Daily"),
    ("http://www.bbc.co.uk/news/world-1", "BBC"),
    ("https://www.bbc.com/news/world-1", "BBC"),
    ("http://news.bbc.co.uk/2/hi/x.stm", "BBC"),
    ("http://edition.cnn.com/2017/01/01/x", "CNN"),
    ("https://www.cnn.com/x", "CNN"),
    ("https://www.reuters.com/article/x", "Reuters"),
    ("https://apnews.com/x", "AP"),
    ("https://www.nytimes.com/2017/x.html", "The New York Times"),
    ("https://www.theguardian.com/world/x", "The Guardian"),
    ("https://www.theverge.com/x", "The Verge"),
    ("https://techcrunch.com/x", "TechCrunch"),
    ("https://www.example.org/story", "example.org"),
    ("https://news.example.co.uk/story", "example.co.uk"),
    ("www.npr.org/sections/x", "NPR"),
    ("", None), (None, None), ("not a url", None), ("http://localhost:8000/x", None),
])
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet


def test_known_outlet_only_for_the_table():
    assert known_outlet("https://www.example.org/x") is None
    assert known_outlet("https://www.usatoday.com/x") == "USA Today"
    assert registrable_host("https://a.b.example.com/x") == "example.com"


@pytest.mark.parametrize("a, b", [("RTÉ", "rte"), ("The Guardian", "guardian"), ("Al-Jazeera", "al jazeera"),
                                  ("HUFFPOST", "huffpost"), ("Hürriyet Daily News", "hurriyet daily news")])
def test_outlet_keys_match(a, b):
    assert outlet_key(a) == outlet_key(b)


def test_outlet_keys_differ_for_different_outlets():
    assert outlet_key("ABC News") != outlet_key("CBS News")
