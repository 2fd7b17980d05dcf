"""An evaluation run's files offered as downloads from the Evaluate tab.

A run is written to HOME/eval/…, which the app does not serve; a reader on
another machine needs the files themselves. They are copied to a fresh
scratch folder (`ui.scratch`, removed after a day): one zip of the whole run
folder, then the report, the per-question results, the summary and each chart.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from eval.report import ReportFiles
from eval.runner import RESULTS_FILE
from ui.scratch import scratch_folder


def run_downloads(out_dir: Path, files: ReportFiles, folder: Path | None = None) -> list[Path]:
    """Copies of the run's files for download: RUN.zip, report.md, results.jsonl, summary.json, charts."""
    target = Path(folder or scratch_folder("eval"))
    target.mkdir(parents=True, exist_ok=True)
    archive = Path(shutil.make_archive(str(target / out_dir.name), "zip", root_dir=out_dir.parent,
                                       base_dir=out_dir.name))
    copies = [archive]
    for path in (files.report_path, out_dir / RESULTS_FILE, files.summary_path, *files.charts):
        if path.is_file():
            copies.append(Path(shutil.copy2(path, target / path.name)))
    return copies
