"""`newsdesk bench scale` end to end: real MiniLM, real demo articles, a real store per size, the printed table."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from eval.scale_run import COLUMNS
from index.settings import IndexSettings

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.timeout(2400)  # 10-15 min at load average 15-19 on 2 cores (the suite's 900 s cut it once)
def test_bench_scale_prints_every_column_for_each_size(tmp_path):
    from index.demo import ensure_demo

    settings = IndexSettings()
    demo = ensure_demo(settings, full=True, progress=lambda _: None)
    home = tmp_path / "home"
    (home / "demo").mkdir(parents=True)
    for name in (demo.name, demo.name + ".source"):  # the bench's home gets the archive, not a download
        shutil.copy(demo.parent / name, home / "demo" / name)
    env = {**os.environ, "NEWSDESK_HOME": str(home), "NEWSDESK_MODELS_DIR": str(settings.models),
           "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-m", "ui.cli", "bench", "scale", "--sizes", "2000", "--articles", "5",
                          "--queries", "3", "--rebuild-at", "2000", "--out", str(tmp_path / "work")],
                         cwd=REPO, env=env, capture_output=True, text=True, timeout=1800)
    assert out.returncode == 0, out.stderr[-3000:]
    lines = out.stdout.splitlines()
    header = lines[0].split()
    assert [c for c in " ".join(COLUMNS).split()] == header
    row = lines[1].split()
    assert len(row) == len(COLUMNS)  # one cell per column (column names may have two words)
    assert row[0] == "2,000" and 0 < int(row[1].replace(",", "")) < 2000 and row[2] == "embedded"
    numbers = [float(cell) for cell in row[3:]]  # build, disk, peak, dense, keyword, hybrid, ask, rebuild
    assert all(n >= 0 for n in numbers) and numbers[1] > 0 and numbers[2] > 100  # disk MB, peak MB (MiniLM)
    assert "are replicas" in out.stderr and "encoding" in out.stderr
    assert "machine at start: " in out.stdout
    assert not list((tmp_path / "work").glob("store-*"))  # stores go without --keep; the vector cache stays
    assert list((tmp_path / "work").glob("base-*.npz"))
