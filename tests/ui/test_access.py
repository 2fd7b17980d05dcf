"""The app's access rules: server paths confined to the ingest roots (links, `..`, `~`),
no folder box on a shared server without roots, and index writes for admins only.

Fast: real files and a real on-disk store (fake embedder); each refusal is checked
at the handler, with the index left as it was.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from ui import handlers, views
from ui.access import UPLOADS_ONLY, Access, Refused, is_loopback

SECRET = "Salaries\n\nDate: 2017-03-01\n\nThe editor's salary is confidential."
STORY = "Ferry strike halts crossings\n\nDate: 2017-03-20\nSource: RTÉ\n\nSeafarers walked out on Monday."


@pytest.fixture
def tree(tmp_path):
    """root/ holds a story, a link to a file outside and a folder whose link leads outside; outside/ a secret."""
    root, outside = tmp_path / "root", tmp_path / "outside"
    (root / "wires").mkdir(parents=True)
    (outside / "private").mkdir(parents=True)
    (root / "wires" / "ferry.txt").write_text(STORY, encoding="utf-8")
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (outside / "private" / "more.txt").write_text(SECRET.replace("Salaries", "Bonuses"), encoding="utf-8")
    os.symlink(outside / "secret.txt", root / "secret-link.txt")
    os.symlink(outside / "private", root / "wires" / "private-link")
    return root, outside


def titles(services) -> set[str]:
    return {row.title for row in services.indexer.store.manifest.articles()}


def shared(root: Path, *admins: str) -> Access:
    """A server behind a login (not local) reading only under `root`."""
    return Access.for_server("0.0.0.0", [root], users=["reader"], admins=admins)


# -- paths --------------------------------------------------------------------------------
def test_paths_inside_a_root_are_allowed(tree):
    root, _ = tree
    access = shared(root)
    assert access.server_path(f" {root / 'wires'} ") == (root / "wires").resolve()
    assert access.server_path(str(root / "wires" / ".." / "wires" / "ferry.txt")) == root / "wires" / "ferry.txt"


@pytest.mark.parametrize("path", ["/etc/passwd", "{outside}/secret.txt", "{root}/secret-link.txt",
                                  "{root}/wires/private-link", "{root}/../outside/secret.txt", "{root}/..", "/"])
def test_paths_leading_outside_the_roots_are_refused(tree, path):
    root, outside = tree
    text = path.format(root=root, outside=outside)
    with pytest.raises(Refused) as refused:
        shared(root).server_path(text)
    assert str(refused.value) == f"{text} is outside the folders this server may read ({root})."


@pytest.mark.parametrize("path", ["~", "~/notes", "wires", "./wires/ferry.txt"])
def test_home_and_relative_paths_are_refused_when_confined(tree, path):
    root, _ = tree
    with pytest.raises(Refused, match=re.escape(f"give the full path of a file or folder under {root}.")):
        shared(root).server_path(path)


def test_a_missing_path_is_named_only_inside_the_roots(tree):
    """No probing: outside the roots, a missing and an existing file get the same refusal."""
    root, outside = tree
    with pytest.raises(Refused, match="No such file or folder on the server"):
        shared(root).server_path(str(root / "nope"))
    with pytest.raises(Refused, match="is outside the folders"):
        shared(root).server_path(str(outside / "nope"))


def test_shared_server_without_roots_takes_uploads_only(tree):
    root, _ = tree
    for access in (Access.for_server("127.0.0.1", [], users=["reader"]),  # a login: not a single local user
                   Access.for_server("0.0.0.0", []), Access.for_server("10.1.2.3", [], admins=["chief"])):
        assert not access.folder_box and not access.local
        with pytest.raises(Refused) as refused:
            access.server_path(str(root / "wires"))
        assert str(refused.value) == UPLOADS_ONLY


def test_the_single_local_user_is_not_confined(tree):
    """Loopback, no login, no roots: the person at the machine, as with `newsdesk ingest`."""
    _, outside = tree
    for host in ("127.0.0.1", "localhost", "::1", "127.0.0.2"):
        access = Access.for_server(host, [])
        assert access.local and access.folder_box and access.may_write(None)
        assert access.server_path(str(outside / "secret.txt")) == outside / "secret.txt"
        assert access.within(Path("/anywhere")) is None
    assert access.server_path("~") == Path.home()


def test_roots_apply_to_the_local_user_too(tree):
    root, outside = tree
    access = Access.for_server("127.0.0.1", [root])
    assert access.local and access.within(root / "uploads") == [root.resolve(), (root / "uploads").resolve()]
    with pytest.raises(Refused, match="outside"):
        access.server_path(str(outside / "secret.txt"))


def test_loopback_hosts():
    assert all(is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "[::1]", "127.8.0.1"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "192.168.1.5", "newsdesk.example.org"))


# -- roles ----------------------------------------------------------------------------------
def test_roles():
    with_admins = Access.for_server("0.0.0.0", [], users=["reader"], admins=["chief"])
    assert with_admins.may_write("chief") and not with_admins.may_write("reader")
    assert not with_admins.may_write(None) and not with_admins.may_write("Chief")
    # No --admin: every login may write (the folder box still needs roots).
    without_admins = Access.for_server("0.0.0.0", [], users=["reader"])
    assert without_admins.may_write("reader") and not without_admins.folder_box


# -- the handlers, over a real store --------------------------------------------------------
OUTSIDE = "{path} is outside the folders this server may read ({root})."
NOT_FULL = "“{path}”: give the full path of a file or folder under {root}."


@pytest.mark.parametrize("path, says", [("/etc/passwd", OUTSIDE), ("{outside}/secret.txt", OUTSIDE),
                                        ("{root}/secret-link.txt", OUTSIDE), ("{root}/../outside", OUTSIDE),
                                        ("~", NOT_FULL), ("~/.bashrc", NOT_FULL)])
def test_ingest_refuses_server_paths_outside_the_roots(fake_services, tree, path, says):
    root, outside = tree
    before = titles(fake_services)
    path = path.format(root=root, outside=outside)
    html = handlers.ingest(fake_services, None, path, access=shared(root), user="reader")
    assert html == views.error_html(says.format(path=path, root=root))  # one line, nothing read
    assert titles(fake_services) == before


def test_ingest_inside_a_root_skips_links_that_lead_out(fake_services, tree):
    root, _ = tree
    before = titles(fake_services)
    html = handlers.ingest(fake_services, None, str(root), access=shared(root), user="reader")
    assert "added <b>1</b>" in html and "failed <b>2</b>" in html
    assert html.count("outside the folders that may be read") == 2 and "secret-link.txt" in html
    assert titles(fake_services) == before | {"Ferry strike halts crossings"}  # nothing lost, no secret


def test_uploads_still_work_on_a_shared_server_without_roots(fake_services, tmp_path):
    upload = tmp_path / "gradio-tmp" / "ferry.txt"
    upload.parent.mkdir()
    upload.write_text(STORY, encoding="utf-8")
    access = Access.for_server("0.0.0.0", [], users=["editor"])
    html = handlers.ingest(fake_services, [str(upload)], "", access=access, user="editor")
    assert "added <b>1</b>" in html
    assert (fake_services.settings.home / "uploads" / "ferry.txt").is_file()
    refused = handlers.ingest(fake_services, [str(upload)], "/etc", access=access, user="editor")
    assert refused == views.error_html(UPLOADS_ONLY)
    assert "Choose files to upload." in handlers.ingest(fake_services, [], "", access=access, user="editor")


def test_writes_are_for_admins_only(fake_services, tree, tmp_path, monkeypatch, kit):
    import index.demo

    root, _ = tree
    access = shared(root, "chief")
    monkeypatch.setattr(index.demo, "ensure_demo", lambda s, progress=None: kit.write_archive(tmp_path / "demo"))
    store, before = fake_services.indexer.store, titles(fake_services)
    for html, what in [(handlers.ingest(fake_services, None, str(root), access=access, user="reader"), "Ingest"),
                       (handlers.rebuild(fake_services, False, access=access, user="reader"), "Rebuilding the index"),
                       (handlers.load_demo(fake_services, access=access, user="reader"), "Loading the demo archive"),
                       (handlers.ingest(fake_services, None, str(root), access=access, user=None), "Ingest")]:
        assert "nd-error" in html and f"{what} is for administrators; the login “" in html
    assert fake_services.indexer.store is store and titles(fake_services) == before  # nothing written, no rebuild
    assert "added <b>1</b>" in handlers.ingest(fake_services, None, str(root), access=access, user="chief")
    assert "Rebuild finished" in handlers.rebuild(fake_services, False, access=access, user="chief")
    assert "Demo archive finished" in handlers.load_demo(fake_services, access=access, user="chief")
