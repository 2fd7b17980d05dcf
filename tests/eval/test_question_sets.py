"""The bundled question sets: found by name and shipped by the package build."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

from eval.questions import BUNDLED_DIR, bundled_sets, load_questions, resolve_question_set

ROOT = Path(__file__).resolve().parents[2]


def test_bundled_sets_live_in_their_own_folder_not_beside_a_same_named_module():
    sets = bundled_sets()
    assert "demo" in sets
    assert BUNDLED_DIR.name == "question_sets"
    assert not (BUNDLED_DIR.parent / "questions").exists()  # no folder shadowing eval/questions.py
    assert resolve_question_set("demo") == sets["demo"]
    assert len(load_questions(sets["demo"])) > 0


def test_package_data_ships_every_bundled_set():
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["eval"]
    eval_dir = ROOT / "eval"
    shipped = {p for p in eval_dir.rglob("*") if p.is_file()
               and any(fnmatch.fnmatch(p.relative_to(eval_dir).as_posix(), g) for g in package_data)}
    assert set(bundled_sets().values()) <= shipped
