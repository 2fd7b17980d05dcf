"""Fixtures for the reader tests (helpers live in readers_helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import index  # noqa: F401  (offline switches first)
from readers_helpers import FIXTURES, SHARED


@pytest.fixture
def fixtures() -> Path:
    """The folder of authored article files (one per format)."""
    return FIXTURES


@pytest.fixture
def sample_article() -> Path:
    """The shared sample article (headline three times); skips when ../shared is absent."""
    found = sorted((SHARED / "samples").glob("000_*.txt")) if SHARED.is_dir() else []
    if not found:
        pytest.skip("../shared/samples is not present")
    return found[0]
