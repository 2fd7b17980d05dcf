"""Which stored articles a path names (`Manifest.ids_for_path`): exact, case-sensitive
matches, never SQL wildcards — re-reading one archive must not delete another's articles."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from index.chunking import Chunker
from index.pipeline import Indexer
from index.store import ArchiveStore


def make_indexer(tmp_path: Path, embedder) -> Indexer:
    store = ArchiveStore(tmp_path / "store")
    return Indexer(store, embedder, Chunker(embedder.tokenize, chunk_tokens=64, overlap=8), quiet=True)


def zip_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def story(headline: str) -> bytes:
    return f"{headline}\n\nThe story of {headline} is told in full here.".encode()


def archive_of(path: str) -> str:
    return path.split("::", 1)[0].rsplit("/", 1)[-1]


def test_archives_whose_names_differ_by_wildcard_or_case_all_stay_indexed(tmp_path, fake_embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    names = ["news-2017.zip", "news_2017.zip", "Feed.zip", "feed.zip"]
    for name in names:
        (docs / name).write_bytes(zip_bytes({"story.txt": story(f"Story from {name}")}))
    indexer = make_indexer(tmp_path, fake_embedder)
    for name in names:  # one at a time, as a user adding archives would
        report = indexer.ingest([docs / name])
        assert report.failed == [] and report.added == 1, name
    stored = sorted(archive_of(r.path) for r in indexer.store.manifest.articles())
    assert stored == sorted(names)
    again = indexer.ingest([docs])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)


def test_remove_path_matches_exactly_or_as_a_folder(tmp_path, fake_embedder):
    docs = tmp_path / "docs"
    for folder in ("a_b", "aXb", "A_B", "a_bc"):
        (docs / folder).mkdir(parents=True)
        (docs / folder / "f.txt").write_bytes(story(f"Story in {folder}"))
    indexer = make_indexer(tmp_path, fake_embedder)
    assert indexer.ingest([docs]).added == 4
    manifest = indexer.store.manifest
    assert manifest.ids_for_path(str(docs / "%")) == []
    assert indexer.remove_path(docs / "%") == []
    assert indexer.remove_path(docs / "*") == []
    assert indexer.remove_path(docs / "a?b") == []
    removed = indexer.remove_path(docs / "a_b")
    assert len(removed) == 1
    left = sorted(Path(r.path).parent.name for r in manifest.articles())
    assert left == ["A_B", "aXb", "a_bc"]
    assert len(indexer.remove_path(str(docs) + "/")) == 3  # a folder given with its trailing slash
    assert manifest.articles() == []
