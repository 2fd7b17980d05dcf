"""What goes wrong when reading input: `ReadFailure` records and the `BadInput` error."""

from __future__ import annotations

from dataclasses import dataclass

from index.errors import NewsdeskError


@dataclass(frozen=True)
class ReadFailure:
    """A file (or archive member / record) that could not be read, and why.

    `path` is the file path; for an archive member `archive.zip::member`; for a
    record `file.jsonl:LINE`. `error` is one clear line saying what is wrong.
    """

    path: str
    error: str


class BadInput(NewsdeskError, ValueError):
    """Input that cannot be read; the message says why in one line."""

    exit_status = 1  # readers report it as a ReadFailure: "some inputs failed, the rest was indexed"


def megabytes(n: int) -> str:
    """A byte count as `12.3 MB` for messages."""
    return f"{n / 2**20:.1f} MB"


def limit_text(n: int) -> str:
    """A byte limit as `50 MB` (whole numbers without decimals)."""
    mb = n / 2**20
    return f"{mb:.0f} MB" if mb == int(mb) else f"{mb:.1f} MB"
