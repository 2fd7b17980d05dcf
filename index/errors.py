"""The one error contract: every domain error is a `NewsdeskError`.

A domain error is a problem the user can fix or must be told about (a busy
index, missing models, a bad question). Its `str()` is the one line to show
and `exit_status` is what the `newsdesk` command exits with, so the CLI and
the app translate errors once, at their edge, instead of listing types.
Bad input inside a batch is not raised this far: readers turn it into a
`ReadFailure` value and the batch goes on.
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """A problem with a one-line user message (`str(err)`) and the CLI's exit status.

    Subclasses keep their old builtin base beside this one (`class IndexBusy(NewsdeskError,
    RuntimeError)`) so callers that catch e.g. `ValueError` still do.
    """

    # 2: "a problem you must fix" in the CLI's exit statuses (README, Using it); 1 is kept for
    # "some inputs failed, the rest was done", which is reported, not raised.
    exit_status: int = 2
