"""Expanding paths into files (sorted, recursive, hidden skipped, links and loops), and
reading a whole folder with stable ids."""

from __future__ import annotations

import os

from readers_helpers import split

import index.readers.inputs
from index.readers import list_inputs, read_file, read_paths


def make_tree(root):
    (root / "b").mkdir()
    (root / "a").mkdir()
    (root / ".git").mkdir()
    (root / "a" / "deep").mkdir()
    for rel in ("z.txt", "b/2.txt", "b/1.txt", "a/deep/x.md", "a/y.json", ".hidden.txt", ".git/config",
                "b/.DS_Store"):
        (root / rel).write_text("Title\n\nBody.", encoding="utf-8")


def test_folders_are_walked_sorted_and_hidden_entries_skipped(tmp_path):
    make_tree(tmp_path)
    files, failures = list_inputs([tmp_path])
    assert failures == []
    assert [str(f.relative_to(tmp_path)) for f in files] == ["a/deep/x.md", "a/y.json", "b/1.txt", "b/2.txt",
                                                             "z.txt"]
    assert all(f.is_absolute() for f in files)


def test_each_file_once(tmp_path):
    make_tree(tmp_path)
    os.symlink(tmp_path / "z.txt", tmp_path / "b" / "link-to-z.txt")
    files, failures = list_inputs([tmp_path / "z.txt", tmp_path, str(tmp_path / "b" / "1.txt")])
    assert failures == []
    assert len(files) == len(set(files)) == 5


def test_explicit_hidden_file_is_read(tmp_path):
    make_tree(tmp_path)
    files, _ = list_inputs([tmp_path / ".hidden.txt"])
    assert [f.name for f in files] == [".hidden.txt"]


def test_directory_symlink_loop_is_reported_not_followed(tmp_path):
    make_tree(tmp_path)
    os.symlink(tmp_path, tmp_path / "a" / "deep" / "back-to-root")
    files, failures = list_inputs([tmp_path])
    assert len(files) == 5
    [failure] = failures
    assert failure.path == str(tmp_path / "a" / "deep" / "back-to-root")
    assert failure.error == f"symbolic link loop (leads back to {tmp_path})"


def test_self_referencing_link_and_broken_link(tmp_path):
    os.symlink(tmp_path / "self", tmp_path / "self")
    os.symlink(tmp_path / "nowhere", tmp_path / "dangling.txt")
    (tmp_path / "ok.txt").write_text("Title\n\nBody.", encoding="utf-8")
    files, failures = list_inputs([tmp_path, tmp_path / "self"])
    assert [f.name for f in files] == ["ok.txt"]
    assert sorted((os.path.basename(f.path), f.error) for f in failures) == [
        ("dangling.txt", "broken symbolic link"), ("self", "symbolic link loop"), ("self", "symbolic link loop")]


def test_symlinked_folder_is_followed_once(tmp_path):
    make_tree(tmp_path)
    os.symlink(tmp_path / "b", tmp_path / "a" / "b-again")
    files, failures = list_inputs([tmp_path])
    assert failures == [] and len(files) == 5


def test_missing_path_and_unlistable_folder(tmp_path, monkeypatch):
    make_tree(tmp_path)
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("/b"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(index.readers.inputs.os, "scandir", scandir)
    files, failures = list_inputs([tmp_path, tmp_path / "nope"])
    assert [f.name for f in files] == ["x.md", "y.json", "z.txt"]
    assert [(os.path.basename(f.path), f.error) for f in failures] == [
        ("b", "cannot list folder: permission denied"), ("nope", "no such file or folder")]


def test_reading_the_fixture_folder(fixtures):
    articles, failures = split(read_paths([fixtures]))
    # The CSV's odd column names need a field map; everything else reads as is.
    assert [(os.path.basename(f.path), "--map body=COLUMN" in f.error) for f in failures] == [
        ("newsroom-export.csv", True)]
    assert len(articles) == 13
    assert len({a.id for a in articles}) == 13


def test_ids_and_content_are_stable_across_reads(fixtures, tmp_path):
    def snapshot():
        items = [a for path in sorted(fixtures.iterdir()) for a in read_file(path, None)]
        return [(a.id, a.content_hash) for a in items if hasattr(a, "content_hash")]

    first, second = snapshot(), snapshot()
    assert first == second and len(first) == 13
    # The same file copied elsewhere keeps its ids (they depend on content, not on the path).
    copy = tmp_path / "copy.txt"
    copy.write_bytes((fixtures / "repeated-headline.txt").read_bytes())
    [original] = [a for a in read_file(fixtures / "repeated-headline.txt")]
    [copied] = [a for a in read_file(copy)]
    assert copied.id == original.id and copied.path != original.path


def test_walks_confined_to_allowed_folders_skip_links_that_lead_out(tmp_path):
    """With `within`, nothing outside those folders is listed: not through a file link, a folder link or `..`."""
    root, outside = tmp_path / "root", tmp_path / "outside"
    root.mkdir()
    make_tree(root)
    (outside / "private").mkdir(parents=True)
    (outside / "secret.txt").write_text("Secret\n\nNot for the archive.", encoding="utf-8")
    (outside / "private" / "notes.txt").write_text("Notes\n\nPrivate.", encoding="utf-8")
    os.symlink(outside / "secret.txt", root / "b" / "secret-link.txt")
    os.symlink(outside / "private", root / "a" / "private-link")
    os.symlink(root / "z.txt", root / "b" / "z-again.txt")  # a link that stays inside is fine
    files, failures = list_inputs([root, root / ".." / "outside" / "secret.txt", outside], within=[root])
    assert [str(f.relative_to(root)) for f in files] == ["a/deep/x.md", "a/y.json", "b/1.txt", "b/2.txt", "z.txt"]
    assert [(f.path, f.error) for f in failures] == [
        (str(root / "a" / "private-link"), "outside the folders that may be read"),
        (str(root / "b" / "secret-link.txt"), "outside the folders that may be read"),
        (str(root / ".." / "outside" / "secret.txt"), "outside the folders that may be read"),
        (str(outside), "outside the folders that may be read")]
    everything, _ = list_inputs([root])  # unconfined (the CLI): links are followed as before
    assert {f.name for f in everything} >= {"secret.txt", "notes.txt"}
