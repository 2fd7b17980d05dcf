"""Compressed input: `.gz` files and `.zip` archives, read member by member.

Every decompressed stream is capped at the byte limit, so a small archive that
inflates to gigabytes (a zip bomb) fails cleanly instead of filling memory.
"""

from __future__ import annotations

import gzip
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Iterator

from index.readers.failure import BadInput, ReadFailure, limit_text, megabytes
from index.readers.formats import check_supported
from index.readers.streams import CappedReader, ReadAhead


@dataclass
class Member:
    """One file inside an archive: its own name, its label (`a.zip::dir/x.txt`) and its bytes."""

    name: str
    label: str
    stream: ReadAhead


def gunzip(stream: ReadAhead, max_bytes: int) -> ReadAhead:
    """The decompressed content of a gzip stream, capped at `max_bytes`."""
    return ReadAhead(CappedReader(gzip.GzipFile(fileobj=stream, mode="rb"), max_bytes))


def inner_name(name: str) -> str:
    """`x.jsonl.gz` -> `x.jsonl`: the name a gzipped file had before compression."""
    return name[:-3] if name.lower().endswith(".gz") else name


def zip_members(data: bytes, label: str, max_bytes: int) -> Iterator[Member | ReadFailure]:
    """The readable files of a zip archive in archive order; failures for the unreadable ones.

    Folders, hidden files and macOS `__MACOSX/` metadata are skipped. A member
    named by an absolute path or with `..` in it (the "zip slip" trick) is a
    failure naming it, not read: members are only ever read in memory, never
    extracted, but such a name marks a hostile or broken archive.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise BadInput(f"corrupt zip archive ({exc})") from None
    found = False
    with archive:
        for info in archive.infolist():
            name = info.filename
            parts = re.split(r"[/\\]", name)  # Windows tools sometimes write backslashes
            if info.is_dir() or parts[0] == "__MACOSX" or any(
                    p.startswith(".") and p not in (".", "..") for p in parts):
                continue
            found = True
            member_label = f"{label}::{name}"
            if unsafe_member_name(name):
                yield ReadFailure(member_label, "unsafe member name (absolute path or '..'); not read")
                continue
            try:
                check_supported(parts[-1])
            except BadInput as exc:
                yield ReadFailure(member_label, str(exc))
                continue
            if info.file_size > max_bytes:
                yield ReadFailure(member_label, f"file too large ({megabytes(info.file_size)} > "
                                                f"{limit_text(max_bytes)} limit)")
                continue
            if info.flag_bits & 0x1:
                yield ReadFailure(member_label, "encrypted (password-protected) archive member")
                continue
            try:
                with archive.open(info) as raw:
                    yield Member(parts[-1], member_label, ReadAhead(CappedReader(raw, max_bytes)))
            except BadInput as exc:
                yield ReadFailure(member_label, str(exc))
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError) as exc:
                yield ReadFailure(member_label, f"cannot extract ({exc})")
    if not found:
        yield ReadFailure(label, "zip archive holds no files")


def unsafe_member_name(name: str) -> bool:
    """True for a member name that would land outside a folder it were extracted to:
    absolute (`/etc/x`, `\\x`, `C:x`) or climbing out through a `..` part."""
    return bool(re.match(r"[/\\]|[A-Za-z]:", name)) or ".." in re.split(r"[/\\]", name)
