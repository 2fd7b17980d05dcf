"""Expanding the paths a user gives into the files to read.

Folders are walked recursively in sorted order, skipping hidden files and
folders; symbolic links are followed, but a link leading back into a folder
being walked (a loop) is reported instead of recursed into. Given `within`
(the folders a shared server may read), a path that leads outside them once
links and `..` are resolved is reported instead of read or walked.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Iterable, Sequence

from index.readers.failure import ReadFailure


OUTSIDE = "outside the folders that may be read"


def list_inputs(paths: Iterable[str | Path], within: Sequence[Path] | None = None,
                ) -> tuple[list[Path], list[ReadFailure]]:
    """Expand files and folders (recursively, sorted, skipping hidden files/dirs) into the files to read.

    Missing or unreadable paths, broken links and link loops become failures.
    Each file appears once (by device and inode), as an absolute resolved path.
    With `within`, every path given or met on the walk must resolve (links and
    `..` followed) to a place inside one of those folders; others are failures.
    """
    listing = _Listing(within)
    for raw in paths:
        path = Path(raw).expanduser()
        info = listing.stat(path)
        if info is None:
            continue
        if stat.S_ISDIR(info.st_mode):
            listing.walk(Path(os.path.abspath(path)), info, ancestors={})
        else:
            listing.add(path, info)
    return listing.files, listing.failures


class _Listing:
    """The files found so far, the failures, and what has been seen."""

    def __init__(self, within: Sequence[Path] | None = None) -> None:
        self.within = None if within is None else [Path(os.path.realpath(w)) for w in within]
        self.files: list[Path] = []
        self.failures: list[ReadFailure] = []
        self._seen_files: set[tuple[int, int]] = set()
        self._seen_dirs: set[tuple[int, int]] = set()

    def stat(self, path: Path) -> os.stat_result | None:
        """`os.stat` following links, or None after recording why it failed (or that it leads outside)."""
        if self.within is not None:
            real = Path(os.path.realpath(path))
            if not any(real.is_relative_to(folder) for folder in self.within):
                self.failures.append(ReadFailure(str(path), OUTSIDE))
                return None
        try:
            return path.stat()
        except OSError as exc:
            self.failures.append(ReadFailure(str(path), _describe(path, exc)))
            return None

    def add(self, path: Path, info: os.stat_result) -> None:
        if not stat.S_ISREG(info.st_mode):
            self.failures.append(ReadFailure(str(path), "not a regular file"))
            return
        key = (info.st_dev, info.st_ino)
        if key not in self._seen_files:
            self._seen_files.add(key)
            self.files.append(Path(os.path.realpath(path)))

    def walk(self, folder: Path, info: os.stat_result, ancestors: dict[tuple[int, int], Path]) -> None:
        key = (info.st_dev, info.st_ino)
        if key in ancestors:
            self.failures.append(ReadFailure(str(folder), f"symbolic link loop (leads back to {ancestors[key]})"))
            return
        if key in self._seen_dirs:
            return  # the same folder reached again through a link: already listed
        self._seen_dirs.add(key)
        try:
            names = sorted(entry.name for entry in os.scandir(folder))
        except OSError as exc:
            self.failures.append(ReadFailure(str(folder), f"cannot list folder: {_describe(folder, exc)}"))
            return
        inner = {**ancestors, key: folder}
        for name in names:
            if name.startswith("."):
                continue
            path = folder / name
            child = self.stat(path)
            if child is None:
                continue
            if stat.S_ISDIR(child.st_mode):
                self.walk(path, child, inner)
            else:
                self.add(path, child)


def _describe(path: Path, exc: OSError) -> str:
    """One line for why a path cannot be used."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link" if path.is_symlink() else "no such file or folder"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)
