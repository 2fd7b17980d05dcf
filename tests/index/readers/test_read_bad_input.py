"""Bad input: every problem is one ReadFailure naming the file, never an exception."""

from __future__ import annotations

import os
import random
import time

import pytest
from readers_helpers import split

import index.readers
from index.readers import read_file, read_paths


def only_failure(path, **kwargs):
    articles, failures = split(read_file(path, **kwargs))
    assert articles == [], articles
    [failure] = failures
    assert failure.path == str(path)
    return failure.error


@pytest.mark.parametrize("name", ["empty.txt", "empty.jsonl", "empty.csv", "empty.html", "empty.rss", "empty"])
def test_empty_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    assert only_failure(path) == "empty file"


@pytest.mark.parametrize("name", ["blank.md", "blank.json", "blank.jsonl", "blank.csv", "blank.xml"])
def test_whitespace_only_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b" \n\t\r\n   \n")
    assert only_failure(path) == "file holds only whitespace"


@pytest.mark.parametrize("name", ["junk.txt", "junk.jsonl", "junk.csv", "junk.html", "junk.json", "junk"])
def test_binary_junk_with_nul_bytes(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert only_failure(path) == "binary data, not text (contains NUL bytes)"


@pytest.mark.parametrize("name", ["noise.md", "noise.jsonl"])
def test_binary_junk_without_nul_bytes(tmp_path, name):
    rng = random.Random(7)
    path = tmp_path / name
    path.write_bytes(bytes(rng.randrange(1, 256) for _ in range(3000)))
    assert only_failure(path) == "not valid UTF-8 or any known encoding (binary data?)"


def test_windows_1252_text_is_decoded(tmp_path):
    path = tmp_path / "legacy.txt"
    text = "Café owners protest\n\n“We were not consulted,” said the owner of the Café Noël – twice.\n"
    path.write_bytes(text.encode("cp1252"))
    [article], failures = split(read_file(path))
    assert failures == []
    assert article.title == "Café owners protest"
    # normalise_text lets ftfy straighten curly quotes; the accents and the dash come from the decoding.
    assert "We were not consulted," in article.body
    assert article.body.endswith("said the owner of the Café Noël – twice.")


def test_latin1_csv_is_decoded_while_streaming(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("title,text\nKöln plans bridge,Die Stadt plant eine Brücke für Fußgänger.\n".encode("latin-1"))
    [article], failures = split(read_file(path))
    assert failures == [] and article.title == "Köln plans bridge" and "Fußgänger" in article.body


def test_cyrillic_windows_1251_is_not_misread_as_western(tmp_path):
    path = tmp_path / "ru.txt"
    sentence = "Президент заявил в среду, что переговоры продолжатся на следующей неделе в Москве.\n"
    path.write_bytes(("Новости\n\n" + sentence * 3).encode("cp1251"))
    [article], _ = split(read_file(path))
    assert article.title == "Новости" and article.body.startswith("Президент заявил")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_byte_order_marks(tmp_path, encoding):
    path = tmp_path / f"bom-{encoding}.txt"
    path.write_bytes("Zürich votes\n\nVoters in Zürich approved the plan.".encode(encoding))
    [article], _ = split(read_file(path))
    assert article.title == "Zürich votes" and article.body == "Voters in Zürich approved the plan."


def test_mojibake_is_repaired(tmp_path):
    path = tmp_path / "mojibake.jsonl"
    broken = "Davutoğlu said the café was closed".encode("utf-8").decode("cp1252")  # "DavutoÄŸlu ... cafÃ©"
    path.write_text('{"title": "Talks", "text": "%s"}\n' % broken, encoding="utf-8")
    [article], _ = split(read_file(path))
    assert article.body == "Davutoğlu said the café was closed"


def test_file_over_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.jsonl"
    with open(path, "wb") as out:
        out.truncate(200 * 2**20)  # sparse: 200 MB on paper, nothing on disk

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(index.readers, "open", no_reading, raising=False)
    started = time.perf_counter()
    assert only_failure(path) == "file too large (200.0 MB > 50 MB limit)"
    assert time.perf_counter() - started < 1.0


def test_smaller_limit_is_respected(tmp_path):
    path = tmp_path / "medium.txt"
    path.write_text("Title\n\n" + "word " * 300_000, encoding="utf-8")
    assert only_failure(path, max_bytes=2**20) == "file too large (1.4 MB > 1 MB limit)"


@pytest.mark.parametrize("name", ["scan.pdf", "photo.png", "sheet.xlsx", "archive.tar"])
def test_unsupported_file_type(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4 whatever")
    assert only_failure(path) == f"unsupported file type {os.path.splitext(name)[1]}"


def test_permission_denied_is_a_failure(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("Title\n\nBody.", encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(index.readers, "open", denied, raising=False)
    assert only_failure(path) == "cannot read file (permission denied)"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_on_disk(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("Title\n\nBody.", encoding="utf-8")
    path.chmod(0)
    try:
        assert only_failure(path) == "cannot read file (permission denied)"
    finally:
        path.chmod(0o644)


def test_folder_given_to_read_file(tmp_path):
    assert only_failure(tmp_path) == "is a folder, not a file"


def test_missing_file_given_to_read_file(tmp_path):
    assert only_failure(tmp_path / "gone.txt") == "no such file"


def test_bad_inputs_do_not_stop_the_good_ones(tmp_path, fixtures):
    (tmp_path / "a-empty.txt").write_bytes(b"")
    (tmp_path / "b-junk.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "c-broken.json").write_text("{", encoding="utf-8")
    (tmp_path / "d-good.txt").write_bytes((fixtures / "repeated-headline.txt").read_bytes())
    (tmp_path / "e-scan.pdf").write_bytes(b"%PDF")
    articles, failures = split(read_paths([tmp_path, tmp_path / "missing.md"]))
    assert [a.title for a in articles] == ["Fishing quotas cut for a second year"]
    assert [(os.path.basename(f.path), f.error) for f in failures] == [
        ("missing.md", "no such file or folder"),
        ("a-empty.txt", "empty file"),
        ("b-junk.txt", "binary data, not text (contains NUL bytes)"),
        ("c-broken.json", "malformed JSON at line 1: Expecting property name enclosed in double quotes"),
        ("e-scan.pdf", "unsupported file type .pdf"),
    ]
