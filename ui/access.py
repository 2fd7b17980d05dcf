"""Who may do what in the chat app, and which server files it may read.

Logged-in users chat; writing the index (ingest, rebuild, the demo archive)
is for administrators. The Archive tab's folder box reads only inside the
configured ingest roots (links and `..` resolved before the check). Without
roots it exists only for a single local user — the app served on loopback with
no login, i.e. the person who could run `newsdesk ingest` anyway — and is not
confined for them; a shared server without roots takes uploads only.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from index.errors import NewsdeskError

UPLOADS_ONLY = ("This server takes uploads only: reading its folders needs "
                "`newsdesk chat --ingest-root DIR` (or NEWSDESK_INGEST_ROOTS).")


class Refused(NewsdeskError):
    """An action or path this user may not have; the message is the one line to show."""


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: assume others can reach it


@dataclass(frozen=True)
class Access:
    """The app's rules: readable server folders, who may write the index, and whether it serves one local user.

    `admins` None means everyone who is let in may write (no `--admin` given).
    The default is the single local user: no login, loopback, no roots.
    """

    roots: tuple[Path, ...] = ()
    admins: frozenset[str] | None = None
    local: bool = True

    @classmethod
    def for_server(cls, host: str, roots: Iterable[Path], users: Iterable[str] = (),
                   admins: Iterable[str] = ()) -> "Access":
        """The rules for serving on `host` with these chat `users` and `admins` (usernames)."""
        users, admins = list(users), frozenset(admins)
        return cls(tuple(Path(r).resolve() for r in roots), admins or None,
                   local=is_loopback(host) and not users and not admins)

    @property
    def folder_box(self) -> bool:
        """Whether the app offers reading a file or folder on the server at all."""
        return bool(self.roots) or self.local

    def may_write(self, user: str | None) -> bool:
        """Whether `user` (Gradio's logged-in username, None without a login) may change the index."""
        return self.admins is None or user in self.admins

    def check_writer(self, user: str | None, what: str) -> None:
        """Refuse `what` (e.g. "Ingest") unless `user` may change the index."""
        if not self.may_write(user):
            who = user or "anonymous"  # None only when no login is asked for, which --admin rules out
            raise Refused(f"{what} is for administrators; the login “{who}” may ask questions only.")

    def within(self, uploads: Path) -> list[Path] | None:
        """The folders an ingest may read (the roots and the kept uploads), or None when unconfined."""
        if self.local and not self.roots:
            return None
        return [*self.roots, uploads.resolve()]

    def server_path(self, text: str) -> Path:
        """The file or folder named in the folder box, or Refused (outside the roots, relative, `~`, missing)."""
        raw = text.strip()
        if self.roots:
            path = Path(raw)
            if not path.is_absolute():  # also `~`: never the server user's home
                raise Refused(f"“{raw}”: give the full path of a file or folder under {self.roots_text()}.")
            real = path.resolve()  # symlinks and `..` resolved before the check
            if not any(real.is_relative_to(root) for root in self.roots):
                raise Refused(f"{raw} is outside the folders this server may read ({self.roots_text()}).")
        elif self.local:
            real = Path(raw).expanduser()  # the local user, as with `newsdesk ingest`
        else:
            raise Refused(UPLOADS_ONLY)
        if not real.exists():  # checked only after the roots, so it says nothing about other folders
            raise Refused(f"No such file or folder on the server: {raw}")
        return real

    def roots_text(self) -> str:
        """The roots for messages: `/srv/news` or `/srv/news, /srv/wires`."""
        return ", ".join(str(root) for root in self.roots)
