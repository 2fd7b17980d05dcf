"""IndexSettings that need more than a type: the folders the chat app may read (`ingest_roots`)."""

from __future__ import annotations

import os

from index.settings import IndexSettings


def test_ingest_roots_default_to_none(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSDESK_INGEST_ROOTS", raising=False)
    assert IndexSettings(home=tmp_path).ingest_roots == []


def test_ingest_roots_from_the_environment_are_split_and_resolved(monkeypatch, tmp_path):
    """`NEWSDESK_INGEST_ROOTS` is a PATH-style list; each root is resolved (links followed) once, here."""
    real, other = tmp_path / "real", tmp_path / "other"
    real.mkdir()
    other.mkdir()
    os.symlink(real, tmp_path / "link")
    monkeypatch.setenv("NEWSDESK_INGEST_ROOTS", f"{tmp_path / 'link'}{os.pathsep}{other / '..' / 'other'}{os.pathsep}")
    assert IndexSettings(home=tmp_path).ingest_roots == [real.resolve(), other.resolve()]


def test_ingest_roots_given_as_flags_win(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDESK_INGEST_ROOTS", str(tmp_path / "env"))
    settings = IndexSettings(home=tmp_path, ingest_roots=[tmp_path / "flag"])
    assert settings.ingest_roots == [(tmp_path / "flag").resolve()]
    assert settings.effective()["ingest_roots"] == [str((tmp_path / "flag").resolve())]


def test_chroma_url_comes_from_the_environment_and_the_token_is_never_printed(tmp_path, monkeypatch):
    from index.runtime import chroma_location

    monkeypatch.setenv("NEWSDESK_CHROMA_URL", "https://chroma.example:8443?tenant=news")
    monkeypatch.setenv("NEWSDESK_CHROMA_TOKEN", "s3cret-token")
    settings = IndexSettings(home=tmp_path)
    assert chroma_location(settings).url == "https://chroma.example:8443?tenant=news"
    assert chroma_location(settings).is_server and chroma_location(settings).token == "s3cret-token"
    shown = settings.effective()
    assert shown["chroma_url"] == "https://chroma.example:8443?tenant=news" and shown["chroma_token"] == "(set)"
    assert "s3cret" not in str(shown)
    monkeypatch.delenv("NEWSDESK_CHROMA_URL")
    assert not chroma_location(IndexSettings(home=tmp_path)).is_server
