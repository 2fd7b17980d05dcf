"""How `--json` output is printed: readable on a terminal, one line in a pipe.

A person reading `newsdesk ask … --json` on a terminal got one very long line;
a program reading it (`| jq`, `> file`, `| while read`) wants exactly one line
per document. So the layout follows stdout: indented by 2 when it is a terminal,
compact (one line) otherwise. Text is kept exact either way (`ensure_ascii=False`).
"""

from __future__ import annotations

import json
import sys
from typing import Any, Callable, TextIO

INDENT = 2


def json_text(data: Any, *, pretty: bool, default: Callable[[Any], Any] | None = None) -> str:
    """`data` as JSON: indented by INDENT when `pretty`, else on one line."""
    return json.dumps(data, ensure_ascii=False, default=default, indent=INDENT if pretty else None)


def print_json(data: Any, *, default: Callable[[Any], Any] | None = None, stream: TextIO | None = None) -> None:
    """Print `data` as JSON to `stream` (stdout): pretty on a terminal, one line when piped or redirected."""
    out = stream if stream is not None else sys.stdout
    isatty = getattr(out, "isatty", None)
    print(json_text(data, pretty=bool(isatty and isatty()), default=default), file=out)
