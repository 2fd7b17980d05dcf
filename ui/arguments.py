"""What every `newsdesk` subcommand shares: the common options, settings from
flags, and `UsageError`. A module of its own so the command modules and the
dispatcher (`ui/cli.py`) both import it and not each other."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from index.errors import NewsdeskError
from qa.settings import Settings


class UsageError(NewsdeskError):
    """A problem with how the command was called (exit status 2)."""


def common_parent() -> argparse.ArgumentParser:
    """Options every subcommand accepts (placed after the subcommand name)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--home", help="Newsdesk home folder (default: $NEWSDESK_HOME or the user data dir)")
    parent.add_argument("--store", help="index folder (default: HOME/store)")
    parent.add_argument("--chroma-url", metavar="URL",
                        help="keep the vectors on this Chroma server (default: $NEWSDESK_CHROMA_URL, else embedded)")
    parent.add_argument("--embed-url", metavar="URL",
                        help="encode on this OpenAI-compatible embeddings server (default: $NEWSDESK_EMBED_URL, "
                             "else MiniLM in-process)")
    parent.add_argument("--quiet", "-q", action="store_true", help="no progress output")
    return parent


def settings_from(args: argparse.Namespace, **overrides: object) -> Settings:
    """Settings with command-line flags laid over environment and defaults."""
    values: dict[str, Any] = {k: v for k, v in overrides.items() if v is not None}  # pydantic checks each
    if getattr(args, "home", None):
        values["home"] = args.home
    if getattr(args, "store", None):
        values["store_dir"] = args.store
    if getattr(args, "chroma_url", None):
        values["chroma_url"] = args.chroma_url
    if getattr(args, "embed_url", None):
        values["embed_url"] = args.embed_url
    return Settings(**values)


def parse_as_of(value: str | None) -> date | None:
    """The `--as-of` date (None when not given); a `UsageError` naming the option when it is no ISO date."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of must be a date like 2017-03-01, got {value!r}") from None
