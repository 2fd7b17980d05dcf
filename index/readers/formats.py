"""Which reader a file needs: by extension, checked and completed by sniffing its first bytes.

Rules, in order:
1. gzip or zip magic bytes make it an archive when the name says so or says
   nothing useful (no extension); a `.gz`/`.zip` name without the magic is refused.
2. A known extension (the table in `registry.py`) picks the format; `.txt` and
   `.text` become HTML or a feed when the content is plainly markup.
3. No extension: feed or HTML markup, else JSON when it starts with `{`/`[`, else text.
4. Any other extension is refused as an unsupported file type.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from index.readers.failure import BadInput
from index.readers.registry import format_of_extension

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # a member, or an empty archive


def extension(name: str) -> str:
    """The lower-cased last suffix of a file name (`''` when it has none)."""
    return PurePosixPath(name).suffix.lower()


def check_supported(name: str) -> None:
    """Refuse a name whose extension no reader handles, before any byte is read."""
    suffix = extension(name)
    if suffix and format_of_extension(suffix) is None:
        raise BadInput(f"unsupported file type {suffix}")


def detect_format(name: str, head: bytes) -> str:
    """The format of a file called `name` starting with `head` (see the module rules)."""
    check_supported(name)
    suffix = extension(name)
    kind = format_of_extension(suffix)
    if head.startswith(GZIP_MAGIC) and kind in (None, "gzip"):
        return "gzip"
    if head.startswith(ZIP_MAGICS) and kind in (None, "zip"):
        return "zip"
    if kind == "gzip":
        raise BadInput("not gzip data (corrupt or misnamed .gz file)")
    if kind == "zip":
        raise BadInput("not a zip archive (corrupt or misnamed .zip file)")
    markup = sniff_markup(head)
    if kind == "text" and markup:
        return markup
    if kind:
        return kind
    if markup:
        return markup
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return "json" if start in (b"{", b"[") else "text"


def sniff_markup(head: bytes) -> str | None:
    """'feed' for RSS/Atom/RDF, 'html' for an HTML page, None otherwise."""
    text = head[:4096].decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n").lower()
    if not text.startswith("<"):
        return None
    if any(tag in text for tag in ("<rss", "<feed", "<rdf:rdf")):
        return "feed"
    if text.startswith(("<!doctype html", "<html")) or "<html" in text[:1024]:
        return "html"
    return None
