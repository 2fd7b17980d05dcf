"""Another process writing to a store, for the swap and crash tests.

Run as `python tests/index/store_worker.py STORE OP [PATH…]` with OP one of
ingest, remove-path, rebuild, churn, stats. Uses the tests' deterministic fake
embedder, so it is quick and needs no model; prints one JSON line. With
NEWSDESK_CHROMA_URL set, the vectors are on that Chroma server.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import index  # noqa: E402,F401  (offline switches first)
from index.chroma_client import ChromaLocation  # noqa: E402
from index.chunking import Chunker  # noqa: E402
from index.pipeline import Indexer  # noqa: E402
from index.store import ArchiveStore  # noqa: E402
from tests.conftest import FakeEmbedder  # noqa: E402


def main(argv: list[str]) -> int:
    """Do one operation on the store and print what the store holds afterwards."""
    store_dir, op, paths = Path(argv[0]), argv[1], argv[2:]
    embedder = FakeEmbedder()
    chroma = ChromaLocation(os.environ.get("NEWSDESK_CHROMA_URL") or None)  # the parent's server, if any
    indexer = Indexer(ArchiveStore(store_dir, chroma), embedder, Chunker(embedder.tokenize, 64, 8), quiet=True)
    if op == "ingest":
        indexer.ingest(paths)
    elif op == "remove-path":
        for path in paths:
            indexer.remove_path(path)
    elif op == "rebuild":
        indexer.rebuild()
    elif op == "churn":  # PATH is a folder: write, ingest and remove a note in it 20 times
        folder = Path(paths[0])
        for i in range(20):
            note = folder / "note.txt"
            note.write_text(f"Churn note {i}\n\nA note about the storm on the coast, round {i}.", encoding="utf-8")
            indexer.ingest([folder])
            indexer.remove_path(note)
    store = indexer.store
    stats = store.stats()
    print(json.dumps({"articles": sorted(r.id for r in store.manifest.articles()), "chunks": stats.chunks,
                      "vectors": store.collection.count()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
