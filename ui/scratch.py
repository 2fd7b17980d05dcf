"""Folders for files the app hands out as downloads (conversation exports, evaluation runs).

Gradio serves files from the temp dir and copies them into its own cache, which it cleans; the
originals are ours to delete. Each download gets a fresh folder under one per-kind parent in the
temp dir, and making a new one deletes the folders there older than `MAX_AGE_S`.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

MAX_AGE_S = 86400  # a day, as the app's Gradio cache cleanup (ui.app.CACHE_CLEANUP)


def scratch_folder(kind: str, now: float | None = None) -> Path:
    """A new empty folder TMP/newsdesk-KIND/…; folders there older than a day are removed first."""
    parent = Path(tempfile.gettempdir()) / f"newsdesk-{kind}"
    parent.mkdir(parents=True, exist_ok=True)
    cutoff = (now or time.time()) - MAX_AGE_S
    for old in parent.iterdir():
        try:
            if old.stat().st_mtime < cutoff:
                shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink()
        except OSError:  # another session removed it first
            pass
    return Path(tempfile.mkdtemp(dir=parent))
