"""Outlet names: derived from a URL's host, and folded into keys for matching."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

KNOWN_OUTLETS = {
    "aljazeera.com": "Al Jazeera", "aljazeera.net": "Al Jazeera", "tass.com": "TASS", "tass.ru": "TASS",
    "abcnews.go.com": "ABC News", "abc.net.au": "ABC (Australia)", "rte.ie": "RTÉ",
    "huffingtonpost.com": "HuffPost", "huffpost.com": "HuffPost", "huffingtonpost.co.uk": "HuffPost",
    "dw.com": "DW", "chinadaily.com.cn": "China Daily", "bbc.co.uk": "BBC", "bbc.com": "BBC",
    "cnn.com": "CNN", "edition.cnn.com": "CNN", "reuters.com": "Reuters", "apnews.com": "AP",
    "nytimes.com": "The New York Times", "theguardian.com": "The Guardian",
    "washingtonpost.com": "The Washington Post", "usatoday.com": "USA Today", "foxnews.com": "Fox News",
    "npr.org": "NPR", "theverge.com": "The Verge", "techcrunch.com": "TechCrunch", "cbsnews.com": "CBS News",
    "nbcnews.com": "NBC News", "politico.com": "Politico", "axios.com": "Axios", "theweek.com": "The Week",
    "bloomberg.com": "Bloomberg", "wsj.com": "The Wall Street Journal", "ft.com": "Financial Times",
    "economist.com": "The Economist", "latimes.com": "Los Angeles Times", "forbes.com": "Forbes",
    "independent.co.uk": "The Independent", "telegraph.co.uk": "The Telegraph", "france24.com": "France 24",
    "euronews.com": "Euronews", "hurriyetdailynews.com": "Hürriyet Daily News", "wired.com": "Wired",
    "cnbc.com": "CNBC", "businessinsider.com": "Business Insider", "time.com": "Time",
}
_TWO_PART_SUFFIXES = {"co.uk", "com.au", "com.cn", "co.jp", "co.nz", "com.br", "co.in", "net.au", "org.uk"}


def registrable_host(url: str) -> str | None:
    """`news.bbc.co.uk` -> `bbc.co.uk`; None when the URL has no host."""
    try:
        host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if not host:
        return None
    parts = host.split(".")
    if len(parts) >= 3 and ".".join(parts[-2:]) in _TWO_PART_SUFFIXES:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:]) if len(parts) >= 2 else host


def outlet_from_url(url: str | None) -> str | None:
    """A readable outlet name for a URL's host (known outlets by name, else the host)."""
    if not url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    host = host.removeprefix("www.")
    if host in KNOWN_OUTLETS:
        return KNOWN_OUTLETS[host]
    base = registrable_host(url)
    if base is None:
        return None
    return KNOWN_OUTLETS.get(base, base)


def outlet_key(name: str) -> str:
    """Casefolded, accent-free, punctuation-free key: 'RTÉ' and 'rte' match."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(w for w in text.split() if w != "the")
