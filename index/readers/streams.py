"""Binary input streams: a look-ahead for sniffing the format, and a byte cap
that stops decompression bombs (a tiny .gz or zip member that inflates to gigabytes)."""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import BinaryIO, Iterator

from index.readers.failure import BadInput, limit_text

HEAD_BYTES = 1 << 16
CHUNK_BYTES = 1 << 16


class ReadAhead:
    """A binary stream whose first bytes (`head`) were read ahead to sniff its format.

    Reading continues from the start: `read()` and `chunks()` return the head first.
    """

    def __init__(self, raw: BinaryIO, head_bytes: int = HEAD_BYTES) -> None:
        self._raw = raw
        parts: list[bytes] = []
        size = 0
        while size < head_bytes:
            part = raw.read(head_bytes - size)
            if not part:
                break
            parts.append(part)
            size += len(part)
        self.head = b"".join(parts)
        self._unread = self.head

    def read(self, n: int = -1) -> bytes:
        """Up to `n` bytes (all remaining when `n` < 0), like a file's `read`."""
        if n is None or n < 0:
            out = self._unread + self._raw.read()
            self._unread = b""
            return out
        if self._unread:
            out, self._unread = self._unread[:n], self._unread[n:]
            return out
        return self._raw.read(n)

    def chunks(self, size: int = CHUNK_BYTES) -> Iterator[bytes]:
        """The remaining bytes in pieces of about `size`."""
        while True:
            part = self.read(size)
            if not part:
                return
            yield part


class CappedReader(io.RawIOBase):
    """Decompressed bytes from `raw`, refusing to deliver more than `limit` of them.

    Decompression errors (corrupt or truncated data) become `BadInput`.
    """

    def __init__(self, raw: BinaryIO, limit: int) -> None:
        super().__init__()
        self._raw = raw
        self.limit = limit
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        # Ask for at most one byte past the limit, so a bomb is caught without inflating it.
        want = min(len(buffer), self.limit + 1 - self.count)
        try:
            data = self._raw.read(max(want, 0))
        except (EOFError, zlib.error, zipfile.BadZipFile, OSError) as exc:
            raise BadInput(f"corrupt or truncated compressed data ({exc})") from None
        self.count += len(data)
        if self.count > self.limit:
            raise BadInput(f"uncompressed size exceeds the {limit_text(self.limit)} limit "
                           "(decompression bomb?)")
        buffer[: len(data)] = data
        return len(data)
