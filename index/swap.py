"""Swapping a rebuilt store in under processes that have the old one open.

A rebuild renames folders (live → `.old`, `.rebuild` → live). Every process
that has the store open (the chat server, a CLI `ask`, the app's own threads)
must notice and reopen, and the rename must not happen under a read in flight.
Two pieces do that:

- a **generation**: a random token in a file inside the store folder, written
  when the folder is created. The folder moves with its token, so a reader
  compares the token at `live/generation` with the one it opened to learn that
  the store was swapped (inode numbers can be reused; tokens cannot).
- a **readers–writer guard** across processes and threads: each read holds a
  shared `flock` on `NAME.readers` beside the store; the swap takes it
  exclusively, so it waits for the reads in flight and new reads wait for the
  (milliseconds-long) rename. Readers first pass a `NAME.gate` that the swap
  holds while it waits, so a steady stream of chats cannot starve the swap.
"""

from __future__ import annotations

import fcntl
import os
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

GENERATION_FILE = "generation"


def read_generation(store_dir: Path) -> str | None:
    """The token of the store now at `store_dir` (None when there is none)."""
    try:
        return (Path(store_dir) / GENERATION_FILE).read_text(encoding="ascii").strip() or None
    except (FileNotFoundError, NotADirectoryError):
        return None


def ensure_generation(store_dir: Path) -> str:
    """The folder's token, written when it has none yet (the first of racing processes wins)."""
    token = read_generation(store_dir)
    if token:
        return token
    path = Path(store_dir) / GENERATION_FILE
    tmp = path.with_name(f"{GENERATION_FILE}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(uuid.uuid4().hex, encoding="ascii")
    try:
        os.link(tmp, path)  # never replaces a token another process wrote meanwhile
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)
    return read_generation(store_dir) or ""


class SwapGuard:
    """Shared for reads, exclusive for the rename of a rebuild swap (processes and threads alike).

    `flock` locks belong to open file descriptions, so each read opens its own
    descriptor and two threads of one process exclude each other like two
    processes. A thread that is already reading may read again (nested calls).
    """

    def __init__(self, store_dir: Path) -> None:
        store_dir = Path(store_dir)
        self.readers_path = store_dir.parent / (store_dir.name + ".readers")
        self.gate_path = store_dir.parent / (store_dir.name + ".gate")
        self._local = threading.local()

    def _open(self, path: Path) -> int:
        path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)

    def held(self) -> bool:
        """True while this thread is inside `reading()`."""
        return getattr(self._local, "depth", 0) > 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Hold off any swap while the block runs."""
        depth = getattr(self._local, "depth", 0)
        if depth:
            self._local.depth = depth + 1
            try:
                yield
            finally:
                self._local.depth -= 1
            return
        gate = self._open(self.gate_path)
        try:
            fcntl.flock(gate, fcntl.LOCK_SH)  # waits while a swap is waiting or renaming
            fd = self._open(self.readers_path)
            fcntl.flock(fd, fcntl.LOCK_SH)
        finally:
            os.close(gate)
        self._local.depth = 1
        try:
            yield
        finally:
            self._local.depth = 0
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    @contextmanager
    def swapping(self) -> Iterator[None]:
        """Wait for the reads in flight, keep new ones out while the block runs.

        Also used around writes to the vectors: a reader in another process
        whose in-memory HNSW index lags a delete fails with Chroma's "Error
        finding id", so no read may overlap another process's write. The
        thread holding it may read (and swap) again inside the block.
        """
        if getattr(self._local, "exclusive", False):
            yield
            return
        if self.held():
            raise RuntimeError("a thread inside a read cannot take the store exclusively")
        gate = self._open(self.gate_path)
        fd = -1
        try:
            fcntl.flock(gate, fcntl.LOCK_EX)
            fd = self._open(self.readers_path)
            fcntl.flock(fd, fcntl.LOCK_EX)
            self._local.exclusive, self._local.depth = True, 1
            yield
        finally:
            self._local.exclusive, self._local.depth = False, 0
            if fd >= 0:
                os.close(fd)
            os.close(gate)
