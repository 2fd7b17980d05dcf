"""Turning raw bytes into text, and raw date values into ISO dates."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from dateutil import parser as dateparser


class BadInput(ValueError):
    """Input that cannot be read; the message says why in one line."""


def decode_bytes(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), else a detected encoding.

    Binary data (NUL bytes, or no encoding that decodes it cleanly) raises
    `BadInput`.
    """
    if not data.strip():
        raise BadInput("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise BadInput(f"broken UTF-16 text: {exc.reason}") from None
    if b"\x00" in data[:8192]:
        raise BadInput("binary data, not text (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 2**20]).best()
    if best is None or best.encoding is None:
        raise BadInput("not valid UTF-8 or any known text encoding (binary junk?)")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise BadInput(f"not valid UTF-8 and not cleanly decodable as {best.encoding}") from None
    printable = sum(ch.isprintable() or ch.isspace() for ch in text[:20000])
    if printable < 0.95 * min(len(text), 20000):
        raise BadInput("binary data, not text")
    return text


_EPOCH = re.compile(r"^\d{9,13}(\.\d+)?$")


def parse_date(value: object) -> str | None:
    """An ISO date `YYYY-MM-DD` from a date string, epoch number or struct; None if unparseable."""
    if value is None or value == "":
        return None
    try:
        if isinstance(value, (int, float)) or (isinstance(value, str) and _EPOCH.match(value.strip())):
            seconds = float(value)
            if seconds > 1e11:  # milliseconds
                seconds /= 1000
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
        if hasattr(value, "tm_year"):  # time.struct_time from feedparser
            return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
        text = str(value).strip()
        if not text or len(text) > 64:
            return None
        parsed = dateparser.parse(text, default=datetime(1900, 1, 1))
        if parsed.year < 1800 or parsed.year > 2200:
            return None
        return parsed.date().isoformat()
    except (ValueError, OverflowError, TypeError, OSError):
        return None
