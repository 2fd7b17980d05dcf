"""gzip files and zip archives: members read by their names, labelled `a.zip::member`, bombs capped."""

from __future__ import annotations

import hashlib
import zipfile

from readers_helpers import gzip_bytes, split, zip_bytes

from index.readers import read_file


def test_gzipped_jsonl(tmp_path, fixtures):
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(gzip_bytes((fixtures / "wire.jsonl").read_bytes()))
    articles, failures = split(read_file(path))
    plain, _ = split(read_file(fixtures / "wire.jsonl"))
    assert failures == []
    assert [a.id for a in articles] == [a.id for a in plain]
    assert [a.body for a in articles] == [a.body for a in plain]
    assert all(a.path == str(path) for a in articles)


def test_gzipped_feed_and_html(tmp_path, fixtures):
    for name in ("world.rss", "harbour-bridge.html"):
        path = tmp_path / f"{name}.gz"
        path.write_bytes(gzip_bytes((fixtures / name).read_bytes()))
        articles, failures = split(read_file(path))
        assert articles and failures == [], name


def test_zip_members_read_by_their_names(tmp_path, fixtures):
    members = {name: (fixtures / name).read_bytes()
               for name in ("harbour-bridge.html", "wire.jsonl", "science.atom", "council-budget.md")}
    members["nested/repeated-headline.txt"] = (fixtures / "repeated-headline.txt").read_bytes()
    members["nested/digest.json.gz"] = gzip_bytes((fixtures / "digest.json").read_bytes())
    members["__MACOSX/._wire.jsonl"] = b"\x00\x05\x16\x07junk"
    members[".hidden.txt"] = b"Hidden\n\nShould not be read."
    path = tmp_path / "bundle.zip"
    path.write_bytes(zip_bytes(members))
    articles, failures = split(read_file(path))
    assert failures == []
    by_path: dict[str, int] = {}
    for article in articles:
        by_path[article.path] = by_path.get(article.path, 0) + 1
    assert by_path == {f"{path}::harbour-bridge.html": 1, f"{path}::wire.jsonl": 3, f"{path}::science.atom": 2,
                       f"{path}::council-budget.md": 1, f"{path}::nested/repeated-headline.txt": 1,
                       f"{path}::nested/digest.json.gz": 2}


def test_zip_member_failures_are_labelled_with_the_member(tmp_path):
    path = tmp_path / "mixed.zip"
    path.write_bytes(zip_bytes({"good.txt": b"Title\n\nSome body text.", "scan.pdf": b"%PDF-1.4",
                                "empty.txt": b"", "bad.jsonl": b'{"title": "x", "text": "ok"}\n{oops\n'}))
    articles, failures = split(read_file(path))
    assert len(articles) == 2
    assert {(f.path, f.error) for f in failures} == {
        (f"{path}::scan.pdf", "unsupported file type .pdf"),
        (f"{path}::empty.txt", "empty file"),
        (f"{path}::bad.jsonl:2", failures[-1].error),
    }
    assert failures[-1].error.startswith("malformed JSON")


def test_nested_zip_labels(tmp_path):
    inner = zip_bytes({"story.txt": b"Inner story\n\nText inside a zip inside a zip."})
    path = tmp_path / "outer.zip"
    path.write_bytes(zip_bytes({"inner.zip": inner}))
    [article], failures = split(read_file(path))
    assert failures == [] and article.path == f"{path}::inner.zip::story.txt"


def test_zip_bomb_member_is_capped(tmp_path):
    path = tmp_path / "bomb.zip"
    path.write_bytes(zip_bytes({"huge.txt": b"Headline\n\n" + b"a" * (3 * 2**20), "ok.txt": b"Fine\n\nFine body."}))
    articles, failures = split(read_file(path, max_bytes=2**20))
    assert [a.title for a in articles] == ["Fine"]
    [failure] = failures
    assert failure.path == f"{path}::huge.txt"
    assert "3.0 MB > 1 MB limit" in failure.error


def test_zip_bomb_with_a_lying_header_is_capped(tmp_path):
    """A member whose declared size is small but which inflates past the limit."""
    path = tmp_path / "liar.zip"
    path.write_bytes(zip_bytes({"huge.txt": b"Headline\n\n" + b"a" * (3 * 2**20)}))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("huge.txt")
    real = info.file_size.to_bytes(4, "little")
    fake = (1000).to_bytes(4, "little")
    assert data.count(real) == 2  # the local header and the central directory
    path.write_bytes(bytes(data).replace(real, fake))
    [], [failure] = split(read_file(path, max_bytes=2**20))
    assert failure.path == f"{path}::huge.txt"
    assert "exceeds the 1 MB limit" in failure.error or "corrupt" in failure.error


def test_gzip_bomb_is_capped(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip_bytes(b"Headline\n\n" + b"a" * (5 * 2**20)))
    assert path.stat().st_size < 20_000
    [], [failure] = split(read_file(path, max_bytes=2**20))
    assert failure.path == str(path)
    assert failure.error == "uncompressed size exceeds the 1 MB limit (decompression bomb?)"


def test_corrupt_archives(tmp_path):
    gz = tmp_path / "cut.jsonl.gz"
    noise = [hashlib.sha256(str(i).encode()).hexdigest() * 8 for i in range(1000)]  # compresses poorly
    whole = gzip_bytes("".join(f'{{"title": "t{i}", "text": "{n}"}}\n' for i, n in enumerate(noise)).encode())
    gz.write_bytes(whole[: len(whole) // 2])
    zp = tmp_path / "cut.zip"
    zp.write_bytes(zip_bytes({"a.txt": b"A\n\nBody"})[:30])
    not_gz = tmp_path / "plain.gz"
    not_gz.write_bytes(b"this is not gzip at all")
    results = {p.name: split(read_file(p)) for p in (gz, zp, not_gz)}
    errors = {name: failures[-1].error for name, (_, failures) in results.items()}
    assert 0 < len(results["cut.jsonl.gz"][0]) < 1000  # the articles before the cut are kept
    assert errors["cut.jsonl.gz"].startswith("corrupt or truncated compressed data")
    assert errors["cut.zip"].startswith("corrupt zip archive")
    assert errors["plain.gz"] == "not gzip data (corrupt or misnamed .gz file)"


def test_archive_nesting_is_limited(tmp_path):
    data = b"Deep\n\nBody text."
    name = "deep.txt"
    for _ in range(5):
        data, name = gzip_bytes(data), name + ".gz"
    path = tmp_path / name
    path.write_bytes(data)
    [], [failure] = split(read_file(path))
    assert failure.error == "archives nested too deeply"


def test_members_named_outside_the_archive_are_failures_not_articles(tmp_path):
    path = tmp_path / "slip.zip"
    path.write_bytes(zip_bytes({"../escape.txt": b"Escape\n\nClimbs out.", "a/../../up.txt": b"Up\n\nAlso out.",
                                "/etc/abs.txt": b"Abs\n\nAbsolute.", "C:/win.txt": b"Win\n\nDrive letter.",
                                "./here.txt": b"Here\n\nA harmless dot.", "ok.txt": b"Fine\n\nFine body."}))
    articles, failures = split(read_file(path))
    assert sorted(a.title for a in articles) == ["Fine", "Here"]
    assert [f.path for f in failures] == [f"{path}::{n}" for n in
                                          ("../escape.txt", "a/../../up.txt", "/etc/abs.txt", "C:/win.txt")]
    assert {f.error for f in failures} == {"unsafe member name (absolute path or '..'); not read"}
