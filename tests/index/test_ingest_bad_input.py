"""Bad input inside a batch (issue 13, items 5 and 10): each problem is one failure naming
the file and line, the batch carries on, and nothing already indexed is lost."""

from __future__ import annotations

from pathlib import Path

from index.chunking import Chunker
from index.pipeline import Indexer
from index.store import ArchiveStore

DEEP = "[" * 200_000 + "]" * 200_000


def make_indexer(tmp_path: Path, embedder) -> Indexer:
    store = ArchiveStore(tmp_path / "store")
    return Indexer(store, embedder, Chunker(embedder.tokenize, chunk_tokens=64, overlap=8), quiet=True)


def test_deep_json_and_nul_rows_do_not_stop_the_batch(tmp_path, fake_embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "earlier.txt").write_text("Earlier story\n\nIndexed before the bad batch arrived.", encoding="utf-8")
    indexer = make_indexer(tmp_path, fake_embedder)
    assert indexer.ingest([docs]).added == 1
    (docs / "a-deep.json").write_text(DEEP, encoding="utf-8")
    (docs / "b-mixed.jsonl").write_text('{"title": "Line one", "text": "The first good line."}\n' + DEEP + "\n"
                                        '{"title": "Line three", "text": "The third good line."}\n', encoding="utf-8")
    (docs / "c-rows.csv").write_bytes(b"title,text\nRow one,The first row.\nRow two,Has a \x00 in it.\n"
                                      b"Row three,The third row.\n")
    (docs / "d-after.txt").write_text("After story\n\nRead after the bad files.", encoding="utf-8")
    report = indexer.ingest([docs])
    assert sorted((Path(f.path).name, f.error) for f in report.failed) == [
        ("a-deep.json", "malformed JSON: arrays or objects nested too deeply"),
        ("b-mixed.jsonl:2", "malformed JSON: arrays or objects nested too deeply"),
        ("c-rows.csv:3", "malformed CSV row: holds a NUL byte"),
    ]
    titles = sorted(r.title for r in indexer.store.manifest.articles())
    assert titles == ["After story", "Earlier story", "Line one", "Line three", "Row one", "Row three"]
    assert (report.added, report.unchanged) == (5, 1)
    assert indexer.store.collection.count() == indexer.store.stats().chunks
