"""Chroma clients per store folder and version, inside one process.

Chroma shares one system per path inside a process and counts its clients.
A store that was swapped (rebuild, compaction) or written by another process
needs a fresh system: the cached one holds deleted files or an in-memory HNSW
index without the new vectors. These functions open, share and drop systems
by the store version (generation and committed writes) they have seen.
"""

from __future__ import annotations

import threading
from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings


def chroma_client(path: Path) -> chromadb.ClientAPI:
    """A persistent Chroma client with telemetry off."""
    return chromadb.PersistentClient(
        path=str(path), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False))


# Chroma shares one system per path inside a process (counting its clients);
# this records which version of the store (generation and committed writes)
# the cached system of each path has seen.
_CHROMA_GENERATIONS: dict[str, str] = {}
_CHROMA_LOCK = threading.Lock()


def open_chroma(path: Path, generation: str) -> chromadb.ClientAPI:
    """A client on the Chroma folder of store version `generation`.

    A cached system of an older version is stale: after a swap it holds the
    old, deleted files; after another process's write its in-memory HNSW index
    lacks the new vectors (Chroma reads its log once per process). A new client
    for the same path would be handed it: drop it first.
    """
    key = str(path)
    with _CHROMA_LOCK:
        if _CHROMA_GENERATIONS.get(key, generation) != generation:
            _drop_system(key)
        client = chroma_client(path)
        _CHROMA_GENERATIONS[key] = generation
        return client


def release_chroma(client: chromadb.ClientAPI, path: Path, generation: str, *, swapped: bool = False) -> None:
    """Give back a client of store generation `generation`.

    A plain close stops the system with its last client (others on the same
    folder carry on). After a swap the system is dropped at once; other objects
    on it are stale too and reopen themselves.
    """
    key = str(path)
    with _CHROMA_LOCK:
        if _CHROMA_GENERATIONS.get(key) != generation:
            return  # its system was dropped already
        if swapped:
            _drop_system(key)
        else:
            client.close()
            from chromadb.api.shared_system_client import SharedSystemClient

            if key not in SharedSystemClient._identifier_to_system:
                _CHROMA_GENERATIONS.pop(key, None)


def mark_seen(path: Path, old: str, new: str) -> None:
    """This process's system applied its own write: the cached system is at version `new`."""
    with _CHROMA_LOCK:
        if _CHROMA_GENERATIONS.get(str(path)) == old:
            _CHROMA_GENERATIONS[str(path)] = new


def _drop_system(key: str) -> None:
    from chromadb.api.shared_system_client import SharedSystemClient

    _CHROMA_GENERATIONS.pop(key, None)
    SharedSystemClient._identifier_to_refcount.pop(key, None)
    system = SharedSystemClient._identifier_to_system.pop(key, None)
    if system is not None:
        try:
            system.stop()
        except Exception:  # the files may be gone already; nothing left to flush
            pass
