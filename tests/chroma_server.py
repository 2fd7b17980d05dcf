"""A real Chroma server for the tests: `chroma run` (installed with the chromadb
package, beside this interpreter) on a free loopback port and a temp folder."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ChromaServer:
    """`chroma run --path DATA --host 127.0.0.1 --port PORT`; `url` once it answers its heartbeat."""

    def __init__(self, data: Path) -> None:
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        data.mkdir(parents=True, exist_ok=True)
        self.log = open(data.parent / f"chroma-{port}.log", "w+", encoding="utf-8")
        chroma = Path(sys.executable).parent / "chroma"
        self.proc = subprocess.Popen(
            [str(chroma), "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
            stdout=self.log, stderr=subprocess.STDOUT, env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
        deadline = time.time() + 60
        while time.time() < deadline:
            assert self.proc.poll() is None, self.output()
            try:
                if httpx.get(f"{self.url}/api/v2/heartbeat", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        self.close()
        raise AssertionError(f"chroma run did not come up:\n{self.output()}")

    def output(self) -> str:
        """The end of the server's log."""
        self.log.flush()
        return Path(self.log.name).read_text(encoding="utf-8", errors="replace")[-3000:]

    def close(self) -> None:
        """Stop the server."""
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)
        self.log.close()
