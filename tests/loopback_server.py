"""A real server process for the tests, on a free loopback port, its output in a log file.

`ChromaServer` (tests/chroma_server.py) and `InfinityServer` (tests/embedding_server.py) start
their own command and say which URL answers once they are up; starting, waiting, reading the log
and stopping are the same for both and live here.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path
from typing import Mapping, Sequence

import httpx


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LoopbackServer:
    """Runs `command` with its output in `log`; `wait_until_up` polls `ready_url` for a 200."""

    def __init__(self, command: Sequence[str], log: Path, env: Mapping[str, str]) -> None:
        self.log = open(log, "w+", encoding="utf-8")
        self.proc = subprocess.Popen(list(command), stdout=self.log, stderr=subprocess.STDOUT,
                                     env={**os.environ, **env})

    def wait_until_up(self, ready_url: str, seconds: float, name: str) -> None:
        """Return once `ready_url` answers 200; stop the server and fail with its log after `seconds`."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            assert self.proc.poll() is None, self.output()
            try:
                if httpx.get(ready_url, timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        output = self.output()
        self.close()
        raise AssertionError(f"{name} did not come up in {seconds:.0f} s:\n{output}")

    def output(self) -> str:
        """The end of the server's log."""
        self.log.flush()
        return Path(self.log.name).read_text(encoding="utf-8", errors="replace")[-3000:]

    def close(self) -> None:
        """Stop the server (killed if it does not stop within 30 s)."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.log.close()
