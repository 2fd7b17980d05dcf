"""Fixtures for the eval tests (the fakes live in eval_fakes.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval_fakes import QUESTIONS, FakeQA


@pytest.fixture
def fake_qa() -> FakeQA:
    return FakeQA()


@pytest.fixture
def questions_file(tmp_path: Path) -> Path:
    path = tmp_path / "questions.jsonl"
    path.write_text("".join(json.dumps(q) + "\n" for q in QUESTIONS))
    return path
