"""Download folders are fresh per download and pruned after a day."""

from __future__ import annotations

import os
import time

from ui.scratch import MAX_AGE_S, scratch_folder


def test_each_download_gets_a_fresh_folder_and_day_old_ones_go(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    first = scratch_folder("export")
    (first / "a.md").write_text("x")
    second = scratch_folder("export")
    assert first != second and first.parent == second.parent == tmp_path / "newsdesk-export"
    old = time.time() - MAX_AGE_S - 60
    os.utime(first, (old, old))
    scratch_folder("export")
    assert not first.exists() and second.exists()
