"""A real Chroma server for the tests: `chroma run` (installed with the chromadb
package, beside this interpreter) on a free loopback port and a temp folder."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.loopback_server import LoopbackServer, free_port

__all__ = ["ChromaServer", "free_port"]


class ChromaServer(LoopbackServer):
    """`chroma run --path DATA --host 127.0.0.1 --port PORT`; `url` once it answers its heartbeat."""

    def __init__(self, data: Path) -> None:
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        data.mkdir(parents=True, exist_ok=True)
        chroma = Path(sys.executable).parent / "chroma"
        super().__init__([str(chroma), "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
                         data.parent / f"chroma-{port}.log", {"ANONYMIZED_TELEMETRY": "False"})
        self.wait_until_up(f"{self.url}/api/v2/heartbeat", 60, "chroma run")
