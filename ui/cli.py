"""The `newsdesk` command: a thin dispatcher over the subcommand modules.

Each `ui/commands_*.py` module adds its subcommands with `register(subparsers)`
and implements them by calling the same Python functions the Gradio app uses.
Exit status: 0 success, 1 some inputs failed (the rest done), 2 usage errors,
141 when whoever reads the output stops early (`newsdesk stats | head -3`).
"""

from __future__ import annotations

import argparse
import os
import sys
from types import ModuleType
from typing import Sequence

from index.errors import NewsdeskError
from ui import commands_index
from ui.arguments import common_parent
from ui.printable import printable

EPILOG = """\
typical session:
  newsdesk models                 fetch and verify the offline models (once)
  newsdesk demo                   index the demo news archive (100 articles; --full for 3,824)
  newsdesk ingest ~/articles      index your own files (txt, md, html, json, jsonl, csv, rss, zip, gz)
  newsdesk ask "What did TASS report about Syria in February 2017?"
  newsdesk chat                   open the browser chat on http://127.0.0.1:7860

settings come from flags, then NEWSDESK_* environment variables, then defaults;
`newsdesk config` shows the effective values.
"""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered.

    For one of the archive commands (`command` in `commands_index.COMMANDS`) only
    those are registered: the question, evaluation and chat modules import
    llama-index and NLTK, seconds of start-up that `ingest` must not spend before
    it can say the index is busy.
    """
    parser = argparse.ArgumentParser(
        prog="newsdesk", description="Ask questions of a news archive; every claim cites its source.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    parent = common_parent()
    bench = sub.add_parser("bench", help="speed benchmarks that print numbers",
                           description="Benchmarks print numbers; nothing is asserted.")
    bench_sub = bench.add_subparsers(dest="bench", metavar="WHAT")
    for module in command_modules(command):
        module.register(sub, parent)
        if hasattr(module, "register_bench"):
            module.register_bench(bench_sub, parent)
    return parser


def command_modules(command: str | None = None) -> tuple[ModuleType, ...]:
    """The modules whose `register` adds subcommands: the table `build_parser` loops over.

    The question, evaluation and chat modules import llama-index and NLTK, seconds
    of start-up, so they are imported here and only for commands outside
    `commands_index.COMMANDS`.
    """
    if command in commands_index.COMMANDS:
        return (commands_index,)
    from ui import commands_chat, commands_eval, commands_news, commands_qa

    return (commands_index, commands_qa, commands_news, commands_eval, commands_chat)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        status = int(args.handler(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not in an "Exception ignored" at exit
        return status
    except NewsdeskError as exc:  # every domain error: its one line and its exit status
        print(f"{command_name(args)}: {printable(str(exc))}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _reader_went_away()


def command_name(args: argparse.Namespace) -> str:
    """`newsdesk ask`, `newsdesk bench query`: how an error line names the command that failed."""
    words = [args.command] + ([args.bench] if args.command == "bench" and getattr(args, "bench", None) else [])
    return " ".join(["newsdesk", *words])


def _reader_went_away() -> int:
    """Exit quietly when the output pipe closed (`| head`), like a program killed by SIGPIPE.

    Python ignores SIGPIPE, so the write fails with BrokenPipeError instead; stdout is
    pointed at /dev/null so the interpreter's final flush does not fail again.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 128 + 13  # 128 + SIGPIPE, what a shell reports for `yes | head -1`'s `yes`


if __name__ == "__main__":
    sys.exit(main())
