"""A real OpenAI-compatible embeddings server for the tests: Infinity (`infinity_emb v2`)
serving the packaged MiniLM folder, offline, on a free loopback port.

Infinity lives in a venv of its own (`make embed-server` builds it; its pins clash
with ours); `NEWSDESK_TEST_INFINITY` names another `infinity_emb` executable.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.loopback_server import LoopbackServer, free_port

# Seen: 35-50 s to load torch and MiniLM on 2 cores at load ~5; more than 180 s at load 18.
STARTUP_SECONDS = 420
# Where `make embed-server` installs it (Makefile: INFINITY_VENV).
DEFAULT_INFINITY = Path.home() / ".cache/newsdesk/infinity-0.0.78/bin/infinity_emb"


def infinity_executable() -> Path | None:
    """The `infinity_emb` to run, or None when it is not installed."""
    if os.environ.get("NEWSDESK_TEST_INFINITY"):
        path = Path(os.environ["NEWSDESK_TEST_INFINITY"])
    elif (DEFAULT_INFINITY.parents[1] / ".installed").is_file():  # not a half-finished `make embed-server`
        path = DEFAULT_INFINITY
    else:
        return None
    return path if path.is_file() and os.access(path, os.X_OK) else None


class InfinityServer(LoopbackServer):
    """`infinity_emb v2 --model-id FOLDER --served-model-name NAME`; `url` once it lists its model."""

    def __init__(self, executable: Path, model_folder: Path, served_name: str, logs: Path) -> None:
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        logs.mkdir(parents=True, exist_ok=True)
        super().__init__(
            [str(executable), "v2", "--model-id", str(model_folder), "--served-model-name", served_name,
             "--host", "127.0.0.1", "--port", str(port), "--url-prefix", "/v1", "--no-model-warmup",
             "--engine", "torch", "--device", "cpu"],
            logs / f"infinity-{port}.log",
            {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "DO_NOT_TRACK": "1",
             "INFINITY_ANONYMOUS_USAGE_STATS": "0"})
        self.wait_until_up(f"{self.url}/v1/models", STARTUP_SECONDS, "infinity_emb")
