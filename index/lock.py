"""One writer at a time: an exclusive, non-blocking lock on the store folder.

A second process that tries to write gets `IndexBusy` at once (naming the pid
holding the lock) instead of hanging. The OS releases the lock when the holder
exits, even if it is killed, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from index.errors import NewsdeskError


class IndexBusy(NewsdeskError, RuntimeError):
    """Another process is writing to the index."""

    def __init__(self, path: Path, pid: str) -> None:
        super().__init__(f"index is busy (pid {pid or 'unknown'}): another newsdesk process is writing to {path}")
        self.pid = pid


class WriteLock:
    """Context manager holding the store's write lock (re-entrant within a process)."""

    _held: dict[str, int] = {}

    def __init__(self, store_dir: Path) -> None:
        self.path = Path(store_dir).parent / (Path(store_dir).name + ".lock")
        self._fd: int | None = None

    @classmethod
    def holds(cls, store_dir: Path) -> bool:
        """True while this process holds the write lock of `store_dir`."""
        return str(cls(store_dir).path) in cls._held

    def __enter__(self) -> "WriteLock":
        key = str(self.path)
        if key in WriteLock._held:
            WriteLock._held[key] += 1
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.pread(fd, 32, 0).decode(errors="replace").strip()
            os.close(fd)
            raise IndexBusy(self.path.with_suffix(""), pid) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd
        WriteLock._held[key] = 1
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        key = str(self.path)
        WriteLock._held[key] -= 1
        if WriteLock._held[key] == 0:
            del WriteLock._held[key]
            if self._fd is not None:
                os.ftruncate(self._fd, 0)
                fcntl.flock(self._fd, fcntl.LOCK_UN)
                os.close(self._fd)
                self._fd = None
