"""`newsdesk bench scale`: build stores of 10k, 100k and 1M chunks and time them (eval/scale_run.py)."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from ui.arguments import UsageError, settings_from

DEFAULT_SIZES = "10000,100000,1000000"


def register_bench(bench_sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Add `newsdesk bench scale`."""
    p = bench_sub.add_parser(
        "scale", parents=[parent], help="build 10k/100k/1M-chunk stores and time them",
        description="Build a store per size from the real demo chunks and vectors (replicated under new ids and "
                    "dates once they run out), and print build time, disk size, peak memory, dense, keyword and "
                    "hybrid retrieval p50/p95, `ask --llm none` p50 and the rebuild time at one size. "
                    "Each size runs in a process of its own (with --grow one store grows through the sizes in one process). "
                    "Progress goes to stderr, the table to stdout.")
    p.add_argument("--sizes", default=DEFAULT_SIZES, help=f"store sizes in chunks, comma-separated (default {DEFAULT_SIZES})")
    p.add_argument("--queries", type=int, default=30, help="questions timed per size (default 30, from the demo set)")
    p.add_argument("--out", type=Path, help="work folder (stores and the vector cache); default a temporary one")
    p.add_argument("--keep", action="store_true", help="keep the stores afterwards (the vector cache in --out is kept)")
    p.add_argument("--server", action="store_true", help="also build and time each size on a `chroma run` server")
    p.add_argument("--articles", type=int, help="use only the first N real demo articles (the rest is replicas)")
    p.add_argument("--rebuild-at", type=int, default=100_000, help="time the rebuild at this size (default 100000)")
    p.add_argument("--grow", action="store_true",
                   help="grow one store through the sizes in one process, timing it as it passes each size "
                        "(a stopped run keeps the rows it reached; peak memory is then the run's so far)")
    p.set_defaults(handler=cmd_bench_scale)


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(s.replace("_", "")) for s in text.split(",") if s.strip()]
    except ValueError:
        raise UsageError(f"--sizes: not a comma-separated list of whole numbers: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise UsageError("--sizes: give at least one size of 1 chunk or more")
    return sizes


def machine_line() -> str:
    """CPUs, memory and load average: the machine a table was measured on."""
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} CPUs, {mem_gb:.0f} GB RAM, load average {load}"


def cmd_bench_scale(args: argparse.Namespace) -> int:
    """Run the scale curve and print its table."""
    from index.demo import ensure_demo
    from index.runtime import build_chunker, load_embedder
    from index.store import remove_store
    from eval.scale_run import ScalePlan, chroma_server, format_table, pick_questions, run_scale

    sizes = _sizes(args.sizes)
    if args.queries < 1:
        raise UsageError("--queries: at least 1")
    settings = settings_from(args)
    say = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
    source = ensure_demo(settings, full=True, progress=say)
    work = args.out or Path(tempfile.mkdtemp(prefix="newsdesk-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    embedder = load_embedder(settings)
    plan = ScalePlan(sizes, pick_questions(args.queries), work, source, settings.embedder_path,
                     settings.chunk_tokens, args.articles, args.rebuild_at, grow=args.grow)
    started = machine_line()
    try:
        if args.server:
            with chroma_server(work / "chroma-server") as url:
                plan.server_url = url
                rows = run_scale(plan, embedder, build_chunker(settings, embedder), say)
        else:
            rows = run_scale(plan, embedder, build_chunker(settings, embedder), say)
    finally:
        if not args.keep:
            for store in work.glob("store-*"):  # the stores and the lock/guard files beside them
                if store.is_dir():
                    remove_store(store)
                else:
                    store.unlink(missing_ok=True)
            shutil.rmtree(work / "chroma-server", ignore_errors=True)
            if not args.out:
                shutil.rmtree(work, ignore_errors=True)
    print(format_table(rows))
    peak = "the growing run's so far" if args.grow else "the size's process"
    print(f"times in ms except build and rebuild (s); peak MB = {peak} (MiniLM loaded); "
          f"{rows[0].queries if rows else 0} questions per size; chunks beyond 'real' are replicas")
    print(f"machine at start: {started}")
    print(f"machine at end:   {machine_line()}")
    return 0
