"""The index's settings: where Newsdesk keeps things and how it chunks.

Defaults, overridden by `NEWSDESK_*` environment variables, overridden by
command-line flags (the CLI passes them in). The one object users load is
`qa.settings.Settings`, which adds the answering knobs to these: index code
takes an `IndexSettings` and never sees qa's."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import platformdirs
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def default_home() -> Path:
    """`newsdesk` under the user's data directory (e.g. ~/.local/share/newsdesk)."""
    return Path(platformdirs.user_data_dir("newsdesk", appauthor=False))


class IndexSettings(BaseSettings):
    """Where Newsdesk keeps things and how it chunks and reads files.

    Every field can be set as `NEWSDESK_<FIELD>` in the environment;
    `home` is `NEWSDESK_HOME`. `store_dir` and `models_dir` default to
    `home/store` and `home/models`. `ingest_roots` (`NEWSDESK_INGEST_ROOTS`,
    separated like PATH) are the only server folders the chat app may read.
    `chroma_url` (`NEWSDESK_CHROMA_URL`) moves the vectors to a Chroma server.
    `embed_url` (`NEWSDESK_EMBED_URL`) sends encoding to an OpenAI-compatible
    embeddings server serving `embed_model` (index/remote_embedding.py).
    """

    model_config = SettingsConfigDict(env_prefix="NEWSDESK_", extra="ignore")

    home: Path = Field(default_factory=default_home)
    store_dir: Path | None = None
    models_dir: Path | None = None
    chunk_tokens: int = Field(200, ge=32, le=256, description="tokens per chunk (MiniLM reads 256)")
    chunk_overlap: int = Field(24, ge=0, le=128)
    max_file_mb: int = Field(50, ge=1, description="files larger than this are refused")
    chroma_url: str | None = Field(
        None, description="Chroma server holding the vectors (http[s]://host:port); none: embedded in the store")
    chroma_token: str | None = Field(None, description="sent as x-chroma-token to a Chroma server that needs one")
    embed_url: str | None = Field(
        None, description="OpenAI-compatible embeddings server (http[s]://host:port[/v1]); none: MiniLM in-process")
    embed_model: str = Field("all-MiniLM-L6-v2", min_length=1,
                             description="the model the embeddings server must serve (checked at start)")
    # 32 texts of <= 256 tokens per request: small enough for any server's default request limit
    embed_batch_size: int = Field(32, ge=1, le=2048, description="texts per request to the embeddings server")
    ingest_roots: Annotated[list[Path], NoDecode] = Field(
        default_factory=list, description="server folders the chat app's folder box may read (none: see README)")

    @field_validator("home", "store_dir", "models_dir", mode="after")
    @classmethod
    def _expand(cls, value: Path | None) -> Path | None:
        return value.expanduser().resolve() if value is not None else None

    @field_validator("ingest_roots", mode="before")
    @classmethod
    def _split_roots(cls, value: object) -> object:
        if isinstance(value, str):  # NEWSDESK_INGEST_ROOTS=/srv/news:/srv/wires
            return [part for part in value.split(os.pathsep) if part.strip()]
        return value

    @field_validator("ingest_roots", mode="after")
    @classmethod
    def _resolve_roots(cls, value: list[Path]) -> list[Path]:
        # Resolved once here, so the containment check compares real paths with real paths.
        return [root.expanduser().resolve() for root in value]

    @property
    def store(self) -> Path:
        """Folder holding the Chroma store, keyword index and manifest."""
        return self.store_dir or self.home / "store"

    @property
    def models(self) -> Path:
        """Folder holding the verified model files."""
        return self.models_dir or self.home / "models"

    @property
    def embedder_path(self) -> Path:
        """The MiniLM sentence-transformers folder."""
        return self.models / "all-MiniLM-L6-v2"

    @property
    def llm_path(self) -> Path:
        """The Qwen2.5-Coder-1.5B-Instruct Q4_K_M GGUF file (a file of the models folder, which index fetches)."""
        return self.models / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"

    def effective(self) -> dict[str, object]:
        """Every setting with derived paths filled in, for `newsdesk config`."""
        data = self.model_dump(mode="json")
        # Listed after any fields a subclass adds (qa's answering knobs), where `newsdesk config` has always shown it.
        data["ingest_roots"] = data.pop("ingest_roots")
        data["chroma_url"] = data.pop("chroma_url")  # new settings go last, after the order users know
        token = data.pop("chroma_token")
        data["chroma_token"] = "(set)" if token else None  # `newsdesk config` output is pasted into issues
        for key in ("embed_url", "embed_model", "embed_batch_size"):
            data[key] = data.pop(key)
        data.update(store_dir=str(self.store), models_dir=str(self.models),
                    embedder_path=str(self.embedder_path), llm_path=str(self.llm_path))
        return data
