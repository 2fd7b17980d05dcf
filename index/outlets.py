"""Outlet names: derived from a URL's host, and folded into keys for matching.

Well-known news hosts map to the name readers expect ("tass.com" -> "TASS");
any other host gives its registrable domain without "www." ("example.org").
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

KNOWN_OUTLETS = {
    "aljazeera.com": "Al Jazeera", "aljazeera.net": "Al Jazeera", "tass.com": "TASS", "tass.ru": "TASS",
    "abcnews.go.com": "ABC News", "abc.net.au": "ABC (Australia)", "rte.ie": "RTÉ",
    "huffingtonpost.com": "HuffPost", "huffpost.com": "HuffPost", "huffingtonpost.co.uk": "HuffPost",
    "dw.com": "DW", "dw.de": "DW", "chinadaily.com.cn": "China Daily", "bbc.co.uk": "BBC", "bbc.com": "BBC",
    "cnn.com": "CNN", "edition.cnn.com": "CNN", "reuters.com": "Reuters", "apnews.com": "AP",
    "nytimes.com": "The New York Times", "theguardian.com": "The Guardian", "guardian.co.uk": "The Guardian",
    "washingtonpost.com": "The Washington Post", "usatoday.com": "USA Today", "foxnews.com": "Fox News",
    "npr.org": "NPR", "theverge.com": "The Verge", "techcrunch.com": "TechCrunch", "cbsnews.com": "CBS News",
    "nbcnews.com": "NBC News", "politico.com": "Politico", "axios.com": "Axios", "theweek.com": "The Week",
    "bloomberg.com": "Bloomberg", "wsj.com": "The Wall Street Journal", "ft.com": "Financial Times",
    "economist.com": "The Economist", "latimes.com": "Los Angeles Times", "forbes.com": "Forbes",
    "independent.co.uk": "The Independent", "telegraph.co.uk": "The Telegraph", "france24.com": "France 24",
    "euronews.com": "Euronews", "hurriyetdailynews.com": "Hürriyet Daily News", "wired.com": "Wired",
    "cnbc.com": "CNBC", "businessinsider.com": "Business Insider", "time.com": "Time",
    "arstechnica.com": "Ars Technica", "engadget.com": "Engadget", "vox.com": "Vox", "vice.com": "Vice",
    "thehill.com": "The Hill", "newsweek.com": "Newsweek", "abc.go.com": "ABC News", "afp.com": "AFP",
    "scmp.com": "South China Morning Post", "japantimes.co.jp": "The Japan Times", "rt.com": "RT",
    "spiegel.de": "Der Spiegel", "lemonde.fr": "Le Monde", "elpais.com": "El País",
    "timesofindia.indiatimes.com": "The Times of India", "thehindu.com": "The Hindu",
    "smh.com.au": "The Sydney Morning Herald",
    "irishtimes.com": "The Irish Times", "skynews.com": "Sky News", "news.sky.com": "Sky News",
    "dailymail.co.uk": "Daily Mail", "thetimes.co.uk": "The Times", "cbc.ca": "CBC", "globalnews.ca": "Global News",
}
_TWO_PART_SUFFIXES = {
    "co.uk", "org.uk", "gov.uk", "ac.uk", "com.au", "net.au", "org.au", "gov.au", "com.cn", "co.jp", "ne.jp",
    "or.jp", "co.nz", "com.br", "co.in", "co.za", "com.sg", "com.hk", "co.kr", "com.tr", "com.mx", "com.ar",
    "com.pk", "co.id", "com.my", "com.ng", "co.ke", "com.eg", "com.sa", "co.il", "org.il", "com.tw", "com.ua",
}


def url_host(url: str | None) -> str | None:
    """The lower-cased host of a URL without "www." (scheme optional), or None."""
    if not url or not url.strip():
        return None
    text = url.strip()
    if "://" not in text:
        text = "//" + text
    try:
        host = (urlsplit(text).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    host = host.removeprefix("www.")
    return host if "." in host else None


def registrable_host(url: str) -> str | None:
    """`news.bbc.co.uk` -> `bbc.co.uk`; None when the URL has no host."""
    host = url_host(url)
    if host is None:
        return None
    parts = host.split(".")
    if len(parts) >= 3 and ".".join(parts[-2:]) in _TWO_PART_SUFFIXES:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def known_outlet(url: str | None) -> str | None:
    """The name of a well-known outlet the URL belongs to, else None."""
    host = url_host(url)
    if host is None:
        return None
    return KNOWN_OUTLETS.get(host) or KNOWN_OUTLETS.get(registrable_host(url) or "")


def outlet_from_url(url: str | None) -> str | None:
    """A readable outlet name for a URL's host: a well-known name, else the registrable host."""
    return known_outlet(url) or (registrable_host(url) if url else None)


def outlet_key(name: str) -> str:
    """Casefolded, accent-free, punctuation-free key: 'RTÉ' and 'rte' match; the word 'the' is ignored."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(w for w in text.split() if w != "the")
