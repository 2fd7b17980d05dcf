"""Our packages read as source with `ast`, for tests about the code's shape
(import graph, error classes): nothing is imported, so they stay fast."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The layering, lowest first: a module may import its own package and those before it.
PACKAGES = ("index", "qa", "eval", "ui")


@dataclass(frozen=True)
class SourceModule:
    """One module of ours: its dotted name, its file and its syntax tree."""

    name: str
    path: Path
    tree: ast.Module

    @property
    def package(self) -> str:
        """The top-level package (`index`, `qa`, `eval` or `ui`)."""
        return self.name.split(".")[0]


def source_modules(root: Path = REPO) -> list[SourceModule]:
    """Every module of the four packages under `root`."""
    modules = []
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules.append(SourceModule(".".join(parts), path, ast.parse(path.read_text(encoding="utf-8"))))
    return modules


def imports_of(module: SourceModule, known: set[str]) -> set[str]:
    """The modules of ours that `module` imports, at the top or inside functions.

    `from pkg import name` counts as importing `pkg.name` when that is a module
    of ours, else `pkg` (the name is defined in the package's `__init__`).
    """
    found: set[str] = set()
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                found.add(child if child in known else node.module)
    return {name for name in found if name in known and name != module.name}
