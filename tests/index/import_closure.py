"""Which `index` modules a module imports, asked of a fresh interpreter (so earlier imports don't count)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def index_modules_imported_by(module: str) -> set[str]:
    """The `index.*` modules loaded by importing `module` alone (the package's offline switch left out)."""
    code = (f"import sys; import {module}; "
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('index.'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    return set(out.stdout.split()) - {"index.offline"}
