"""`newsdesk bench scale`: the scale curve, one child process per store size.

The driver encodes the real demo chunks once (eval/scale_corpus.py caches them
in the work folder), then runs `python -m eval.scale_bench` for each size, so
every size starts from an empty process and reports its own peak memory, and
prints one table row per size (and per mode, with a Chroma server).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

from contextlib import contextmanager

from eval.scale_bench import ROW_PREFIX, ScaleRow
from eval.scale_corpus import base_corpus, cache_file, read_articles

QUESTION_SET = Path(__file__).parent / "question_sets" / "demo.jsonl"
REPO_ROOT = Path(__file__).resolve().parents[1]


@dataclass
class ScalePlan:
    """What to run: sizes (chunks), questions, where to work, and the models and articles to use."""

    sizes: list[int]
    questions: list[str]
    work_dir: Path
    source: Path  # the demo archive's JSON Lines file
    embedder_path: Path
    chunk_tokens: int
    limit: int | None = None  # use only the first `limit` real articles
    rebuild_at: int | None = 100_000
    server_url: str | None = None
    grow: bool = False  # one store grown through the sizes in one process, instead of one store per size


def pick_questions(count: int, path: Path = QUESTION_SET) -> list[str]:
    """`count` questions of the demo question set (repeated in order when it has fewer)."""
    from qa.bench import load_questions

    pool = load_questions(str(path))
    return [pool[i % len(pool)] for i in range(count)]


def run_scale(plan: ScalePlan, embedder, chunker, progress: Callable[[str], None] = print) -> list[ScaleRow]:
    """Encode (or reuse) the real chunks, then measure each size in a child process; rows in size order."""
    articles = read_articles(plan.source, plan.limit)
    cache = cache_file(plan.work_dir, plan.source, len(articles), plan.chunk_tokens, plan.embedder_path.name)
    corpus = base_corpus(articles, cache, embedder, chunker, progress)
    if corpus.encode_seconds:
        progress(f"encoded {corpus.chunk_count} chunks in {corpus.encode_seconds:.0f} s "
                 f"({corpus.chunk_count / corpus.encode_seconds:.0f} chunks/s)")
    progress(f"{corpus.chunk_count} real chunks from {len(articles)} articles; sizes beyond that are replicas "
             "(remixed bodies, shifted dates, jittered vectors: see eval/scale_corpus.py)")
    rows: list[ScaleRow] = []
    common = {"cache": str(cache), "source": str(plan.source), "limit": plan.limit, "work_dir": str(plan.work_dir),
              "embedder": str(plan.embedder_path), "questions": plan.questions, "rebuild_at": plan.rebuild_at,
              "server": plan.server_url}

    def got(row: ScaleRow) -> None:
        rows.append(row)
        progress("the curve so far:\n" + format_table(rows))  # survives an interrupted larger size

    if plan.grow:
        _run_child({**common, "grow": True, "sizes": plan.sizes, "chunks": max(plan.sizes)}, progress, got)
    else:
        for size in plan.sizes:
            _run_child({**common, "chunks": size}, progress, got)
    return rows


def _run_child(config: dict, progress: Callable[[str], None], on_row: Callable[[ScaleRow], None]) -> None:
    """Run `python -m eval.scale_bench CONFIG` and hand each row it prints to `on_row`, as it comes."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
           "ANONYMIZED_TELEMETRY": "False"}
    proc = subprocess.Popen([sys.executable, "-m", "eval.scale_bench", json.dumps(config)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    tail: list[str] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        line = line.rstrip("\n")
        if line.startswith(ROW_PREFIX):
            on_row(ScaleRow(**json.loads(line[len(ROW_PREFIX):])))
        else:
            tail = (tail + [line])[-20:]
            progress(line)
    if proc.wait() != 0:
        raise RuntimeError(f"the {config['chunks']}-chunk run failed (exit {proc.returncode}):\n" + "\n".join(tail))


COLUMNS = ("chunks", "real", "mode", "build s", "disk MB", "peak MB", "dense p50", "p95", "keyword p50", "p95",
           "hybrid p50", "p95", "ask p50", "rebuild s")


def format_table(rows: Sequence[ScaleRow]) -> str:
    """The curve as a fixed-width table: seconds, MB, and milliseconds for the searches."""
    cells = [list(COLUMNS)]
    for r in rows:
        cells.append([f"{r.chunks:,}", f"{r.real_chunks:,}", r.mode, f"{r.build_s:.0f}", f"{r.disk_mb:.0f}",
                      f"{r.peak_rss_mb:.0f}", f"{r.p50['dense']:.1f}", f"{r.p95['dense']:.1f}",
                      f"{r.p50['keyword']:.1f}", f"{r.p95['keyword']:.1f}", f"{r.p50['hybrid']:.0f}",
                      f"{r.p95['hybrid']:.0f}", f"{r.p50['ask']:.0f}",
                      "-" if r.rebuild_s is None else f"{r.rebuild_s:.0f}"])
    widths = [max(len(row[i]) for row in cells) for i in range(len(COLUMNS))]
    return "\n".join("  ".join(c.rjust(w) for c, w in zip(row, widths)) for row in cells)


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def chroma_server(data: Path, timeout: float = 300.0) -> Iterator[str]:
    """`chroma run` (installed beside this interpreter) on a free loopback port; yields its URL, stops it after.

    The wait is long because at load average 19 on 2 cores the server was not up after 60 s.
    """
    import httpx

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    data.mkdir(parents=True, exist_ok=True)
    with open(data.parent / "chroma-server.log", "w", encoding="utf-8") as log:
        proc = subprocess.Popen([str(Path(sys.executable).parent / "chroma"), "run", "--path", str(data),
                                 "--host", "127.0.0.1", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT,
                                env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
        try:
            deadline = time.time() + timeout
            while True:
                if proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError(f"chroma run did not come up (see {log.name})")
                try:
                    if httpx.get(f"{url}/api/v2/heartbeat", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.3)
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=30)
