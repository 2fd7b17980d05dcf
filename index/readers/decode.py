"""Bytes to text: UTF-8 first, then Windows-1252/Latin-1 when that reads as
Western text, then charset-normalizer's guess; binary data is refused.

`parse_date` is re-exported here for older callers (it lives in `dates.py`).
"""

from __future__ import annotations

import codecs
import unicodedata
from typing import Iterable, Iterator

from index.readers.dates import parse_date  # noqa: F401  (re-export)
from index.readers.failure import BadInput

_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_ALLOWED_CONTROLS = set("\t\n\r\f\v")
SAMPLE_BYTES = 1 << 16
# Line-by-line readers (CSV, JSON Lines) accept up to one NUL per KB of their first
# 64 KB and report the lines holding them: exports with a stray NUL in one row are
# common, while binary files (PNG headers, office documents, UTF-16 without a BOM)
# carry NULs within their first bytes and far more densely.
STRAY_NULS_PER_BYTE = 1 / 1024


def check_not_empty(head: bytes) -> None:
    """Refuse an empty or whitespace-only start (`head` is the whole data or its beginning)."""
    if not head:
        raise BadInput("empty file")
    if not head.strip() and not head.lstrip(codecs.BOM_UTF8).strip():
        raise BadInput("file holds only whitespace")


def detect_encoding(sample: bytes, complete: bool = True, stray_nuls: bool = False) -> str:
    """The encoding to read `sample` (a file's first bytes, or all of it) with.

    Raises `BadInput` for binary data. `complete=False` tolerates a multi-byte
    character cut at the end of the sample; `stray_nuls=True` a few NUL bytes
    (for readers that report the lines holding them).
    """
    if sample.startswith(_UTF32_BOMS):
        return "utf-32"
    if sample.startswith(_UTF16_BOMS):
        return "utf-16"
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    nuls = sample.count(b"\x00")
    if nuls and not (stray_nuls and nuls <= max(1, len(sample) * STRAY_NULS_PER_BYTE)):
        raise BadInput("binary data, not text (contains NUL bytes)")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _reads_as_western(sample):
        return "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None or not best.encoding:
        raise BadInput("not valid UTF-8 or any known encoding (binary data?)")
    return best.encoding


def _reads_as_western(sample: bytes) -> bool:
    """True when Windows-1252 gives Latin text with occasional accented letters.

    charset-normalizer tends to pick cp1250 or cp1006 for short Western text;
    text in Cyrillic, Greek etc. decoded as cp1252 shows mostly non-ASCII letters.
    """
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    accented = sum(1 for c in letters if ord(c) > 127)
    return accented / len(letters) < 0.3 and not looks_binary(text)


def looks_binary(text: str) -> bool:
    """True when more than 1% of the characters are control or unassigned code points."""
    sample = text[:100_000]
    bad = sum(1 for c in sample if c not in _ALLOWED_CONTROLS and unicodedata.category(c) in ("Cc", "Cn", "Cs"))
    return bad > 0.01 * max(1, len(sample))


def decode_bytes(data: bytes) -> str:
    """Text from a whole file's bytes; `BadInput` for empty, whitespace-only or binary data."""
    check_not_empty(data)
    encoding = detect_encoding(data, complete=True)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise BadInput(f"not valid UTF-8 and not cleanly decodable as {encoding}") from None
    if looks_binary(text):
        raise BadInput("binary data, not text")
    if not text.strip():
        raise BadInput("file holds only whitespace")
    return text


def decoded_lines(chunks: Iterable[bytes]) -> Iterator[str]:
    """Decode a byte stream line by line (line endings kept), without loading it whole.

    The encoding is chosen from the first 64 KB; a later line that is not valid
    in it falls back to Windows-1252 (mixed-encoding exports are common), so one
    bad byte never stops the stream. Raises `BadInput` before the first line for
    empty or binary data. A stray NUL byte is passed on in its line, for the
    reader to report that line.
    """
    chunks = iter(chunks)
    head = b""
    for chunk in chunks:
        head += chunk
        if len(head) >= SAMPLE_BYTES:
            break
    complete = len(head) < SAMPLE_BYTES
    if complete or not head.strip():
        check_not_empty(head)
    encoding = detect_encoding(head[:SAMPLE_BYTES], complete=complete, stray_nuls=True)
    if encoding.startswith(("utf-16", "utf-32")):  # not line-splittable as bytes
        text = (head + b"".join(chunks)).decode(encoding, errors="replace")
        yield from text.splitlines(keepends=True)
        return
    # Judged on the whole sample, not the first line: a short line holding a
    # stray NUL is not binary data (its NULs were counted by detect_encoding).
    if looks_binary(head[:SAMPLE_BYTES].decode(encoding, errors="replace").replace("\x00", "")):
        raise BadInput("binary data, not text")
    first = True
    for line in _byte_lines(head, chunks):
        try:
            text = line.decode(encoding)
        except UnicodeDecodeError:
            text = line.decode("cp1252", errors="replace")
        if first:
            text = text.removeprefix("\ufeff")
            first = False
        yield text


def _byte_lines(head: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    """Lines (ends kept) of `head` followed by the chunks of `rest`."""
    parts = [head]
    for chunk in rest:
        parts.append(chunk)
        if b"\n" not in chunk and b"\r" not in chunk:
            continue  # still inside one long line: join later, not once per chunk
        lines = b"".join(parts).splitlines(keepends=True)
        # Keep the last line back: it may be incomplete, or a CR whose LF comes next.
        parts = [lines.pop()]
        yield from lines
    yield from b"".join(parts).splitlines(keepends=True)
