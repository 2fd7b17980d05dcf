"""`newsdesk bench timeline`: how long `newsdesk timeline` takes, from a cold start and with models loaded.

Issue 14 asks for a timeline over the full demo archive in 5 s. A user running the command pays
Python's start-up, the imports and the model load as well as the timeline's own work, so each
cold run is the real command in a fresh process (`python -m ui.cli timeline TOPIC --json`); the warm
figure is `build_timeline` alone in this process once the store and MiniLM are open, as the chat's
Timeline view runs it. Numbers are printed, nothing is asserted.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from index.errors import NewsdeskError
from qa.services import Services
from qa.settings import Settings

# Three stories of the full demo archive with labelled timelines (tests/fixtures/timeline_order).
DEFAULT_TOPICS = ("Michael Flynn resignation", "Oroville dam spillway evacuation", "Navy SEAL killed in Yemen raid")


class TimelineBenchError(NewsdeskError, RuntimeError):
    """A timeline run of the benchmark failed; the message carries the command's own error line."""


@dataclass(frozen=True)
class TopicTiming:
    """One topic's figures: events placed, each cold run's wall time and the warm build time (seconds)."""

    topic: str
    events: int
    cold: tuple[float, ...]
    warm: float


def load_topics(path: str | None) -> list[str]:
    """Topics from a text file (one per line, blank lines and # comments skipped), or the defaults."""
    if not path:
        return list(DEFAULT_TOPICS)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise TimelineBenchError(f"cannot read topics from {path}: {exc}") from exc
    topics = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not topics:
        raise TimelineBenchError(f"{path} holds no topic (one per line)")
    return topics


def cold_run(topic: str, cli_options: Sequence[str]) -> tuple[float, int]:
    """Wall seconds of `newsdesk timeline TOPIC --json` in a fresh interpreter, and its number of events."""
    command = [sys.executable, "-m", "ui.cli", "timeline", topic, "--json", "--quiet", *cli_options]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise TimelineBenchError(f"`timeline {topic!r}` exited with {done.returncode}: {last}")
    return wall, len(json.loads(done.stdout)["events"])


def bench_timeline(settings: Settings, topics: Sequence[str], runs: int, cli_options: Sequence[str],
                   say=lambda text: None) -> list[TopicTiming]:
    """Cold runs of every topic first (nothing of this process is warm for them), then warm builds."""
    from qa.timeline import build_timeline

    cold: dict[str, list[float]] = {t: [] for t in topics}
    events: dict[str, int] = {}
    for round_number in range(runs):
        for topic in topics:
            wall, events[topic] = cold_run(topic, cli_options)
            cold[topic].append(wall)
            say(f"cold run {round_number + 1}/{runs}, {topic}: {wall:.2f} s")
    services = Services(settings)
    build_timeline(services.store, services.embedder, topics[0])  # opens Chroma and loads MiniLM once
    rows = []
    for topic in topics:
        started = time.perf_counter()
        build_timeline(services.store, services.embedder, topic)
        rows.append(TopicTiming(topic, events[topic], tuple(cold[topic]), time.perf_counter() - started))
    return rows


def format_table(rows: Sequence[TopicTiming]) -> str:
    """One line per topic and a last line over all cold runs (p50 and max, seconds)."""
    width = max(len("topic"), *(len(r.topic) for r in rows))
    lines = [f"{'topic':{width}} {'events':>6} {'cold p50':>8} {'cold max':>8} {'warm':>6}"]
    for r in rows:
        lines.append(f"{r.topic:{width}} {r.events:6d} {statistics.median(r.cold):8.2f} {max(r.cold):8.2f} "
                     f"{r.warm:6.2f}")
    every = [wall for r in rows for wall in r.cold]
    lines.append(f"{'all cold runs (' + str(len(every)) + ')':{width}} {'':6} {statistics.median(every):8.2f} "
                 f"{max(every):8.2f} {statistics.median(r.warm for r in rows):6.2f}")
    return "\n".join(lines)
