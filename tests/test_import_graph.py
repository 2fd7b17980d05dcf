"""The import graph of our modules: no cycles, and nothing imports upward
(`index ← qa ← eval ← ui`). Read from the source, so a new module that breaks
either rule fails here without being run."""

from __future__ import annotations

from pathlib import Path

from tests.source_tree import PACKAGES, REPO, imports_of, source_modules


def import_graph(root: Path = REPO) -> dict[str, set[str]]:
    """Module name → the modules of ours it imports (top level and inside functions)."""
    modules = source_modules(root)
    known = {m.name for m in modules}
    return {m.name: imports_of(m, known) for m in modules}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path that ends where it starts, or None."""
    state: dict[str, str] = {}  # "open" while on the current path, "done" after
    path: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = "open"
        path.append(name)
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                return path[path.index(target):] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[name] = "done"
        return None

    for name in sorted(graph):
        if name not in state and (cycle := visit(name)):
            return cycle
    return None


def test_our_modules_import_each_other_without_a_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_nothing_imports_upward():
    rank = {package: i for i, package in enumerate(PACKAGES)}
    upward = sorted(f"{name} imports {target}" for name, targets in import_graph().items()
                    for target in targets if rank[target.split(".")[0]] > rank[name.split(".")[0]])
    assert upward == []


def test_the_checks_see_a_cycle_and_an_upward_import(tmp_path):
    """The two rules fail on a tree that breaks them (so the tests above can fail)."""
    for package in PACKAGES:
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / "ui" / "cli.py").write_text("def build():\n    from ui import commands\n")
    (tmp_path / "ui" / "commands.py").write_text("from ui.cli import build\n")
    (tmp_path / "index" / "store.py").write_text("from qa.answer import Answer\n")
    (tmp_path / "qa" / "answer.py").write_text("class Answer:\n    pass\n")
    graph = import_graph(tmp_path)
    assert find_cycle(graph) in (["ui.cli", "ui.commands", "ui.cli"], ["ui.commands", "ui.cli", "ui.commands"])
    assert graph["index.store"] == {"qa.answer"}
