"""How an answer's `timings_ms` are measured: milliseconds since a `perf_counter` start, one decimal."""

from __future__ import annotations

import time


def elapsed_ms(t0: float) -> float:
    """Milliseconds since `t0` (a `time.perf_counter()` reading), rounded to one decimal."""
    return round((time.perf_counter() - t0) * 1000, 1)
