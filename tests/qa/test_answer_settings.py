"""qa's knobs (k and the answer model) live in `qa.settings.Settings`; index's settings do not carry them,
and the one object users load reads the same environment variables and prints the same `config` as before."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from index.settings import IndexSettings
from qa.settings import Settings

QA_FIELDS = ["k", "llm", "llm_url", "llm_model", "llm_threads", "llm_context"]


def test_index_settings_do_not_own_qa_s_knobs():
    assert not set(QA_FIELDS) & set(IndexSettings.model_fields)
    assert set(QA_FIELDS) <= set(Settings.model_fields) and issubclass(Settings, IndexSettings)


def test_qa_knobs_still_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDESK_K", "9")
    monkeypatch.setenv("NEWSDESK_LLM", "openai")
    monkeypatch.setenv("NEWSDESK_LLM_URL", "http://127.0.0.1:8080/v1")
    monkeypatch.setenv("NEWSDESK_CHUNK_TOKENS", "128")
    settings = Settings(home=tmp_path)
    assert (settings.k, settings.llm, settings.llm_url, settings.chunk_tokens) == (9, "openai", "http://127.0.0.1:8080/v1",
                                                                                   128)
    assert Settings(home=tmp_path, k=3).k == 3  # flags win over the environment
    monkeypatch.setenv("NEWSDESK_K", "0")
    with pytest.raises(ValidationError):
        Settings(home=tmp_path)


def test_config_lists_the_settings_in_the_order_it_always_has(tmp_path):
    assert list(Settings(home=tmp_path).effective()) == [
        "home", "store_dir", "models_dir", "chunk_tokens", "chunk_overlap", "max_file_mb", "k", "llm", "llm_url",
        "llm_model", "llm_threads", "llm_context", "ingest_roots", "chroma_url", "chroma_token", "embed_url",
        "embed_model", "embed_batch_size", "embedder_path",
        "llm_path"]
