"""Where the vectors live: Chroma embedded in this process, or a Chroma server.

Embedded (the default), the vectors are in `STORE/chroma` under one
collection, `newsdesk_chunks`, and `index/chroma_cache.py` shares and renews
the in-process Chroma systems. With a server URL (`NEWSDESK_CHROMA_URL`,
`--chroma-url`) the vectors live on `chroma run`, a managed or a distributed
Chroma, and the store folder keeps only the manifest, keyword index and markers.

A rebuild, compaction or import swaps folders (see `index/swap.py`); a server
cannot rename a folder, so on a server each store *generation* has its own
collection, `newsdesk_<generation token>`. The folder's token names the
collection, the folder rename swaps both, and removing a retired folder drops
its collection.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import chromadb
from chromadb.config import DEFAULT_DATABASE, DEFAULT_TENANT
from chromadb.config import Settings as ChromaSettings

from index.chroma_cache import mark_seen, open_chroma, release_chroma
from index.errors import NewsdeskError
from index.swap import read_generation

EMBEDDED_COLLECTION = "newsdesk_chunks"
SERVER_PREFIX = "newsdesk_"


class ChromaUnreachable(NewsdeskError, RuntimeError):
    """The configured Chroma server did not answer (or the URL is not one)."""


@dataclass(frozen=True)
class ChromaLocation:
    """Embedded Chroma (`url` None) or the Chroma server at `url` (http[s]://host:port[?tenant=&database=])."""

    url: str | None = None
    token: str | None = None  # sent as `x-chroma-token` (Chroma's token auth), for servers that need one

    @property
    def is_server(self) -> bool:
        """True when the vectors live on a Chroma server."""
        return bool(self.url)

    def describe(self, store_dir: Path) -> str:
        """Where the vectors are, for `stats` and `doctor`."""
        return f"Chroma server {self.url}" if self.url else f"embedded Chroma in {Path(store_dir) / 'chroma'}"

    def collection_name(self, generation: str) -> str:
        """The collection of store generation `generation`."""
        return f"{SERVER_PREFIX}{generation}" if self.url else EMBEDDED_COLLECTION

    # -- clients -----------------------------------------------------------
    def open(self, store_dir: Path, version: str) -> chromadb.ClientAPI:
        """A client for the store at `store_dir` as of `version` (generation and committed writes)."""
        if not self.url:
            return open_chroma(Path(store_dir) / "chroma", version)
        return self.server_client()

    def release(self, client: chromadb.ClientAPI, store_dir: Path, version: str, *, swapped: bool) -> None:
        """Give a client back (a server client holds no files: nothing to release)."""
        if not self.url:
            release_chroma(client, Path(store_dir) / "chroma", version, swapped=swapped)

    def saw_own_write(self, store_dir: Path, old: str, new: str) -> None:
        """This process applied its own write (embedded systems need no reopen for it)."""
        if not self.url:
            mark_seen(Path(store_dir) / "chroma", old, new)

    def server_client(self) -> chromadb.ClientAPI:
        """An HTTP client for `url`, telemetry off; `ChromaUnreachable` with one line when it does not answer."""
        parts = urlsplit(self.url or "")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ChromaUnreachable(f"the Chroma URL {self.url!r} is not http[s]://HOST[:PORT]")
        query = parse_qs(parts.query)
        ssl = parts.scheme == "https"
        try:
            return chromadb.HttpClient(
                host=parts.hostname, port=parts.port or (443 if ssl else 8000), ssl=ssl,
                headers={"x-chroma-token": self.token} if self.token else None,
                settings=ChromaSettings(anonymized_telemetry=False),
                tenant=query.get("tenant", [DEFAULT_TENANT])[0],
                database=query.get("database", [DEFAULT_DATABASE])[0])
        except Exception as exc:  # connection refused, DNS, auth: all mean "no vectors"
            raise ChromaUnreachable(f"cannot reach the Chroma server at {self.url}: {exc}") from None

    # -- retired generations -----------------------------------------------
    def drop(self, store_dir: Path) -> None:
        """Delete the server collection of the store folder at `store_dir` (a retired or failed one)."""
        generation = read_generation(store_dir)
        if not self.url or not generation:
            return  # embedded vectors go with the folder
        client = self.server_client()
        try:
            client.delete_collection(self.collection_name(generation))
        except Exception:  # never created (the rebuild died first) or already dropped
            pass

    def server_collections(self) -> list[str]:
        """Every Newsdesk collection on the server (those of other archives included)."""
        if not self.url:
            return []
        return [c.name for c in self.server_client().list_collections() if c.name.startswith(SERVER_PREFIX)]


EMBEDDED = ChromaLocation()
