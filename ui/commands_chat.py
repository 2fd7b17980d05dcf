"""`newsdesk chat`: serve the browser app."""

from __future__ import annotations

import argparse
import os
import sys

from index.models import ModelsMissing
from index.runtime import build_indexer
from qa.llm import LLMError, build_llm
from ui.cli import UsageError, settings_from
from ui.commands_qa import add_llm_options, llm_settings


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Add `newsdesk chat`."""
    p = sub.add_parser("chat", parents=[parent], help="open the chat in the browser",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Serve the Newsdesk app (chat, archive management, evaluation) on "
                                   "http://HOST:PORT.\nIt only listens on this machine unless --host says otherwise, "
                                   "and works fully offline.",
                       epilog="examples:\n"
                              "  newsdesk chat                         http://127.0.0.1:7860, opens a browser tab\n"
                              "  newsdesk chat --llm none --no-browser extractive answers, no model loaded\n"
                              "  NEWSDESK_AUTH=editor:secret newsdesk chat --host 0.0.0.0   shared, behind a login")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    p.add_argument("--auth", metavar="USER:PASS", default=os.environ.get("NEWSDESK_AUTH"),
                   help="require this login for the page, API and files (or set NEWSDESK_AUTH, which keeps "
                        "the password out of the process list)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser tab")
    add_llm_options(p)
    p.set_defaults(handler=cmd_chat)


def cmd_chat(args: argparse.Namespace) -> int:
    """Serve until interrupted."""
    from ui.app import launch
    from ui.handlers import Services

    auth = None
    if args.auth:
        user, sep, password = args.auth.partition(":")
        if not sep or not user or not password:
            raise UsageError("--auth takes USER:PASS")
        auth = (user, password)
    if args.host not in ("127.0.0.1", "localhost", "::1") and not auth:
        print(f"newsdesk chat: warning: listening on {args.host} without --auth; anyone who can reach this "
              "machine can read the archive and change the index", file=sys.stderr)
    settings = settings_from(args, **llm_settings(args))
    try:
        indexer = build_indexer(settings, quiet=True)
        services = Services(settings, indexer, indexer.embedder, build_llm(settings))
    except (ModelsMissing, LLMError) as exc:
        print(f"newsdesk chat: {exc}", file=sys.stderr)
        return 2
    print(f"Newsdesk is serving {indexer.store.stats().articles} articles on http://{args.host}:{args.port}"
          + (" (login required)" if auth else ""), flush=True)
    try:
        launch(services, host=args.host, port=args.port, auth=auth, open_browser=not args.no_browser)
    except OSError as exc:  # e.g. the port is taken
        print(f"newsdesk chat: cannot serve on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 2
    return 0
