"""A fingerprint of some modules' source code, for data derived from text at ingest.

The manifest keeps results of scanning each article (attributed statements,
instruction-like spans). When the code that scans changes, those results are
stale; recording the fingerprint of that code beside each result lets a store
notice and scan again, with no version number for a person to remember to bump.
"""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path
from typing import Sequence


def source_fingerprint(modules: Sequence[str]) -> str:
    """A short digest of the modules' source files, in the order given ("p" + 16 hex digits).

    The leading letter keeps the value text even in an INTEGER column of SQLite.
    """
    digest = hashlib.sha1()
    for name in modules:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            raise ImportError(f"module {name} not found")
        digest.update(Path(spec.origin).read_bytes())
    return "p" + digest.hexdigest()[:16]
