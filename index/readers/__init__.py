"""Reading article files of every supported format into `Article` records.

`read_file` picks a reader by the file name and its first bytes (rules in
`formats.py`), opens `.gz` and `.zip` archives, and never raises for bad input:
each problem becomes a `ReadFailure` naming the file (or `archive.zip::member`,
or `file.jsonl:LINE`) and saying what is wrong, so the rest of the work carries on.
"""

from __future__ import annotations

import errno
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from index.readers.archives import gunzip, inner_name, zip_members
from index.readers.failure import BadInput, ReadFailure, limit_text, megabytes
from index.readers.formats import check_supported, detect_format
from index.readers.inputs import list_inputs
from index.readers.registry import FORMATS
from index.readers.streams import ReadAhead

if TYPE_CHECKING:  # annotations only: index.article loads ftfy
    from index.article import Article

__all__ = ["FieldMap", "ReadFailure", "list_inputs", "read_file", "read_paths", "DEFAULT_MAX_BYTES"]

FieldMap = dict[str, str]  # our field name (title, body, published, source, url, author) -> their column/key
DEFAULT_MAX_BYTES = 50 * 2**20
MAX_ARCHIVE_DEPTH = 3


def read_file(path: Path, field_map: FieldMap | None = None, max_bytes: int = DEFAULT_MAX_BYTES
              ) -> Iterator[Article | ReadFailure]:
    """All articles in one file (a feed, JSONL, CSV, zip may hold many), dispatching on
    extension and sniffing content; never raises for bad input.

    The size is checked before anything is read: a file over `max_bytes` is
    refused with both sizes in the message.
    """
    path = Path(path)
    label = str(path)
    try:
        check_supported(path.name)
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise BadInput("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise BadInput("not a regular file")
        if info.st_size > max_bytes:
            raise BadInput(f"file too large ({megabytes(info.st_size)} > {limit_text(max_bytes)} limit)")
        if info.st_size == 0:
            raise BadInput("empty file")
        with open(path, "rb") as raw:
            yield from _read_stream(path.name, ReadAhead(raw), label, field_map, max_bytes, depth=0)
    except BadInput as exc:
        yield ReadFailure(label, str(exc))
    except OSError as exc:
        yield ReadFailure(label, _os_error(exc))


def read_paths(paths: Iterable[str | Path], field_map: FieldMap | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadFailure]:
    """`list_inputs` + `read_file` over everything: articles, with failures inline."""
    files, failures = list_inputs(paths)
    yield from failures
    for file in files:
        yield from read_file(file, field_map, max_bytes)


def _read_stream(name: str, stream: ReadAhead, label: str, field_map: FieldMap | None, max_bytes: int,
                 depth: int) -> Iterator[Article | ReadFailure]:
    """Articles from a stream holding a file called `name`; `label` names it in failures."""
    try:
        kind = detect_format(name, stream.head)
        if kind in ("gzip", "zip") and depth >= MAX_ARCHIVE_DEPTH:
            raise BadInput("archives nested too deeply")
        if kind == "gzip":
            yield from _read_stream(inner_name(name), gunzip(stream, max_bytes), label, field_map, max_bytes,
                                    depth + 1)
        elif kind == "zip":
            for member in zip_members(stream.read(), label, max_bytes):
                if isinstance(member, ReadFailure):
                    yield member
                else:
                    yield from _read_stream(member.name, member.stream, member.label, field_map, max_bytes,
                                            depth + 1)
        else:
            reader = FORMATS[kind].read
            assert reader is not None, f"{kind} is an archive format without a branch above"
            yield from reader(stream, label, field_map)
    except (BadInput, ValueError) as exc:  # ValueError: a reader saying what is missing
        yield ReadFailure(label, str(exc))
    except RecursionError:  # a parser given data nested thousands deep; the batch goes on
        yield ReadFailure(label, "data nested too deeply to read")
    except OSError as exc:
        yield ReadFailure(label, _os_error(exc))


def _os_error(exc: OSError) -> str:
    """One line for an operating-system error while reading."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot read file (permission denied)"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "no such file"
    return f"cannot read file: {exc.strerror or exc}"
