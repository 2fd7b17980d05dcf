"""The benchmarks table: one line per benchmark. `newsdesk eval`'s benchmark
subcommands, their help and its usage lines, and the app's Evaluate-tab choices
derive from it.

To add a benchmark: write `eval/benchmarks/<name>.py` with a class implementing
`eval.benchmarks.benchmark.Benchmark`, and add one line here.
"""

from __future__ import annotations

from eval.benchmarks.benchmark import Benchmark
from eval.benchmarks.injection import InjectionSet
from eval.benchmarks.multihop import MultiHopRAG
from eval.benchmarks.realtimeqa_run import RealTimeQA

BENCHMARKS: tuple[Benchmark, ...] = (
    RealTimeQA(),
    MultiHopRAG(),
    InjectionSet(),
)


def benchmark_named(name: str) -> Benchmark:
    """The registered benchmark called `name` (KeyError when there is none)."""
    return {b.name: b for b in BENCHMARKS}[name]
