"""The error contract: every domain error derives from `NewsdeskError`, carries an
exit status and a one-line message, and keeps its old builtin base."""

from __future__ import annotations

import ast
import builtins
from pathlib import Path

import pytest

from index.errors import NewsdeskError
from tests.source_tree import SourceModule, source_modules


def exception_classes(modules: list[SourceModule]) -> dict[str, set[str]]:
    """Every class of ours that is an exception (by its bases, transitively) → its base names."""
    bases: dict[str, set[str]] = {}
    for module in modules:
        for node in ast.walk(module.tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {b.id if isinstance(b, ast.Name) else b.attr
                                    for b in node.bases if isinstance(b, (ast.Name, ast.Attribute))}

    def is_builtin_exception(name: str) -> bool:
        value = getattr(builtins, name, None)
        return isinstance(value, type) and issubclass(value, BaseException)

    exceptions: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, names in bases.items():
            if name not in exceptions and any(is_builtin_exception(n) or n in exceptions for n in names):
                exceptions.add(name)
                changed = True
    return {name: bases[name] for name in exceptions}


def derives_from_newsdesk_error(name: str, classes: dict[str, set[str]]) -> bool:
    """True when `name` has NewsdeskError among its ancestors (by name, within our classes)."""
    todo, seen = [name], set()
    while todo:
        current = todo.pop()
        if current == "NewsdeskError":
            return True
        if current not in seen:
            seen.add(current)
            todo.extend(classes.get(current, ()))
    return False


def test_every_exception_class_of_ours_is_a_newsdesk_error():
    classes = exception_classes(source_modules())
    assert {"IndexBusy", "QuestionError", "LLMError", "UsageError", "Refused"} <= set(classes)  # the walk sees them
    strays = sorted(name for name in classes if not derives_from_newsdesk_error(name, classes))
    assert strays == [], f"exception classes outside the error contract: {strays}"


def test_the_walk_finds_a_new_error_that_forgets_the_base(tmp_path):
    for package in ("index", "qa", "eval", "ui"):
        (tmp_path / package).mkdir()
    (tmp_path / "index" / "errors.py").write_text("class NewsdeskError(Exception):\n    exit_status = 2\n")
    (tmp_path / "qa" / "llm.py").write_text("from index.errors import NewsdeskError\n"
                                            "class LLMError(NewsdeskError, RuntimeError):\n    pass\n"
                                            "class Timeout(LLMError):\n    pass\n")
    (tmp_path / "ui" / "cli.py").write_text("class Forgotten(ValueError):\n    pass\n")
    classes = exception_classes(source_modules(tmp_path))
    assert [n for n in sorted(classes) if not derives_from_newsdesk_error(n, classes)] == ["Forgotten"]


def domain_errors() -> list[NewsdeskError]:
    """One instance of each domain error, made the way the code makes it."""
    from eval.benchmarks.archive import BenchmarkDataError, BenchmarkDataMissing
    from eval.questions import QuestionSetError
    from eval.report import NotARunFolder
    from eval.runner import RunError
    from index.fetch import FetchError
    from index.lock import IndexBusy
    from index.models import ModelsMissing
    from index.pipeline import RebuildError
    from index.readers.failure import BadInput
    from qa.llm import LLMError
    from qa.query import EmptyIndex, QuestionError
    from ui.access import Refused
    from ui.arguments import UsageError

    return [IndexBusy(Path("/s/store"), "42"), BadInput("empty file"), ModelsMissing("run `newsdesk models`"),
            FetchError("sha256 mismatch"), RebuildError("2 sources gone"), QuestionError("too long"),
            EmptyIndex("the archive is empty"), LLMError("cannot reach the server"),
            QuestionSetError("q.jsonl", ["q.jsonl:3: answers: missing"]), RunError("stopped"),
            NotARunFolder("runs/x: no results.jsonl here"), BenchmarkDataError("corpus.json: bad"),
            BenchmarkDataMissing("data lacks corpus.json"), UsageError("--map takes FIELD=COLUMN"),
            Refused("Ingest is for administrators")]


@pytest.mark.parametrize("error", domain_errors(), ids=lambda e: type(e).__name__)
def test_each_domain_error_has_a_status_and_one_line(error):
    assert isinstance(error, NewsdeskError)
    assert error.exit_status in (1, 2)
    assert str(error) and "\n" not in str(error)


def test_old_builtin_bases_are_kept_for_callers_that_catch_them():
    from eval.benchmarks.archive import BenchmarkDataMissing
    from eval.report import NotARunFolder
    from index.lock import IndexBusy
    from index.readers.failure import BadInput
    from qa.query import QuestionError
    from ui.handlers import NotUploaded

    assert issubclass(IndexBusy, RuntimeError) and issubclass(BadInput, ValueError)
    assert issubclass(QuestionError, ValueError) and issubclass(NotUploaded, ValueError)
    assert issubclass(NotARunFolder, FileNotFoundError) and issubclass(BenchmarkDataMissing, FileNotFoundError)

