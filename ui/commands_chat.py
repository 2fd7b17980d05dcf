"""`newsdesk chat`: serve the browser app."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ui.arguments import UsageError, settings_from
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
                              "  NEWSDESK_AUTH=editor:secret newsdesk chat --host 0.0.0.0   shared, behind a login\n"
                              "  NEWSDESK_AUTH=reader:pw NEWSDESK_ADMIN=chief:secret newsdesk chat --host 0.0.0.0 "
                              "--ingest-root /srv/news\n"
                              "      reader may chat; chief may also ingest (uploads, or files under /srv/news)\n"
                              "roles and server files:\n"
                              "  --auth logins chat; --admin logins also ingest, rebuild and load the demo archive;\n"
                              "  without --admin every --auth login may. The folder box reads only under\n"
                              "  --ingest-root folders; without one it is offered only to a single local user\n"
                              "  (loopback, no login): a shared server takes uploads only.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    p.add_argument("--auth", metavar="USER:PASS", action="append",
                   help="a login for the page, API and files; repeatable (or set NEWSDESK_AUTH, which keeps "
                        "the password out of the process list). With --admin given, these logins may chat only")
    p.add_argument("--admin", metavar="USER:PASS", action="append",
                   help="a login that may also ingest, rebuild and load the demo archive; repeatable "
                        "(or NEWSDESK_ADMIN)")
    p.add_argument("--ingest-root", metavar="DIR", action="append", type=Path,
                   help="a server folder the Archive tab may read files from; repeatable (or "
                        "NEWSDESK_INGEST_ROOTS, separated by ':'). Without it the folder box is offered only on "
                        "loopback without a login")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser tab")
    add_llm_options(p)
    p.set_defaults(handler=cmd_chat)


def parse_logins(values: list[str] | None, env: str, flag: str) -> list[tuple[str, str]]:
    """USER:PASS logins from repeated `flag`s, else from the environment variable `env` (one login)."""
    given = values or ([os.environ[env]] if os.environ.get(env) else [])
    logins = []
    for value in given:
        user, sep, password = value.partition(":")
        if not sep or not user or not password:
            raise UsageError(f"{flag} takes USER:PASS")
        logins.append((user, password))
    return logins


def cmd_chat(args: argparse.Namespace) -> int:
    """Serve until interrupted."""
    from ui.access import is_loopback
    from ui.app import launch
    from ui.handlers import AppServices

    auth = parse_logins(args.auth, "NEWSDESK_AUTH", "--auth")
    admins = parse_logins(args.admin, "NEWSDESK_ADMIN", "--admin")
    both = sorted({user for user, _ in auth} & {user for user, _ in admins})
    if both:
        raise UsageError(f"{both[0]} is given both as --auth and as --admin; give each login once")
    if not is_loopback(args.host) and not (auth or admins):
        print(f"newsdesk chat: warning: listening on {args.host} without --auth; anyone who can reach this "
              "machine can read the archive and upload articles", file=sys.stderr)
    settings = settings_from(args, ingest_roots=args.ingest_root, **llm_settings(args))
    for root in settings.ingest_roots:
        if not root.is_dir():
            raise UsageError(f"--ingest-root {root}: no such folder")
    services = AppServices(settings).load()
    print(f"Newsdesk is serving {services.store.stats().articles} articles on http://{args.host}:{args.port}"
          + (" (login required)" if auth or admins else ""), flush=True)
    try:
        launch(services, host=args.host, port=args.port, auth=auth, admins=admins, open_browser=not args.no_browser)
    except OSError as exc:  # e.g. the port is taken
        print(f"newsdesk chat: cannot serve on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 2
    return 0
