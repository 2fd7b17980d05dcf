"""`newsdesk ingest/remove/rebuild/stats` on awkward input: a busy index refused before
any model loads, file and member names printed with their control characters escaped,
a closed output pipe, duplicates counted the same way by `ingest` and `stats`.

Fast tests run the real command in-process over a real on-disk store, with the
deterministic fake embedder in place of MiniLM; the subprocess tests run the real
`python -m ui.cli` (no model is needed for what they check)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import index.runtime
from ui.cli import main

REPO = Path(__file__).resolve().parents[2]
STORY = "Storm closes schools\n\nA winter storm closed schools along the coast of Maine on Tuesday."


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A private home whose models folder does not exist (loading a model there fails)."""
    home = tmp_path / "home"
    monkeypatch.setenv("NEWSDESK_HOME", str(home))
    monkeypatch.setenv("NEWSDESK_MODELS_DIR", str(tmp_path / "no-models"))
    return home


@pytest.fixture
def fake_model(monkeypatch, fake_embedder):
    """The fake embedder in place of MiniLM; `.loads` counts how often a model was asked for."""
    class Loader:
        loads = 0

        def __call__(self, settings):
            Loader.loads += 1
            return fake_embedder

    loader = Loader()
    monkeypatch.setattr(index.runtime, "load_embedder", loader)
    return loader


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def cli_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env.update(NEWSDESK_HOME=str(home), NEWSDESK_MODELS_DIR=str(home.parent / "no-models"),
               PYTHONPATH=str(REPO))
    return env


class LockHolder:
    """Another process holding the store's write lock, as a running ingest would."""

    def __init__(self, store: Path) -> None:
        lock = store.parent / (store.name + ".lock")
        lock.parent.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen([sys.executable, "-c", (
            "import fcntl, os, time\n"
            f"fd = os.open({str(lock)!r}, os.O_RDWR | os.O_CREAT)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX); os.write(fd, str(os.getpid()).encode()); print('locked', flush=True)\n"
            "time.sleep(60)\n")], stdout=subprocess.PIPE, text=True)
        assert self.process.stdout.readline().strip() == "locked"

    def __enter__(self) -> "LockHolder":
        return self

    def __exit__(self, *exc) -> None:
        self.process.kill()
        self.process.wait()


@pytest.mark.parametrize("command", [["ingest", "DOCS"], ["remove", "some-id"], ["remove", "--path", "DOCS"],
                                     ["rebuild"], ["demo"]])
def test_busy_index_is_refused_before_any_model_loads(home, tmp_path, fake_model, capsys, command):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "storm.txt").write_text(STORY, encoding="utf-8")
    argv = [str(docs) if a == "DOCS" else a for a in command]
    with LockHolder(home / "store") as holder:
        code, out, err = run(capsys, *argv)
    assert code == 2
    assert err.strip() == (f"newsdesk {command[0]}: index is busy (pid {holder.process.pid}): another newsdesk "
                           f"process is writing to {home / 'store'}")
    assert fake_model.loads == 0
    assert not (home / "demo").exists()  # `demo` did not start downloading either


def test_busy_index_real_cli_never_reaches_the_models(home, tmp_path):
    """With a models folder that does not exist, loading would fail with "models missing"."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "storm.txt").write_text(STORY, encoding="utf-8")
    with LockHolder(home / "store") as holder:
        done = subprocess.run([sys.executable, "-m", "ui.cli", "ingest", str(docs)], cwd=REPO, env=cli_env(home),
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert f"index is busy (pid {holder.process.pid})" in done.stderr
    assert "model" not in done.stderr.lower() and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_lock_is_released_after_a_refused_and_a_finished_run(home, tmp_path, fake_model, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "storm.txt").write_text(STORY, encoding="utf-8")
    code, out, err = run(capsys, "ingest", str(docs), "--quiet")
    assert code == 0, err
    assert "added 1" in out and fake_model.loads == 1
    assert run(capsys, "remove", "--path", str(docs / "storm.txt"))[0] == 0
    assert json.loads(run(capsys, "stats", "--json")[1])["articles"] == 0


def test_busy_index_is_refused_before_the_store_and_model_libraries_are_imported(home, tmp_path):
    """What made the refusal take seconds even after the lock came first: importing chromadb,
    llama-index, NLTK and the question modules. Checked by what was imported, not by a clock."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "storm.txt").write_text(STORY, encoding="utf-8")
    script = ("import sys\nfrom ui.cli import main\n"
              f"code = main(['ingest', {str(docs)!r}])\n"
              "heavy = [m for m in ('chromadb', 'llama_index.core', 'nltk', 'torch', 'sentence_transformers', "
              "'index.store', 'index.embedding', 'qa.answer') if m in sys.modules]\n"
              "print(code, heavy)\n")
    with LockHolder(home / "store"):
        done = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=cli_env(home), capture_output=True,
                              text=True, timeout=120)
    assert "index is busy" in done.stderr
    assert done.stdout.strip() == "2 []"


def test_file_names_with_escapes_and_newlines_are_printed_escaped(home, tmp_path, fake_model, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "storm.txt").write_text(STORY, encoding="utf-8")
    (docs / "red\x1b[31m.txt").write_text("", encoding="utf-8")  # empty: reported by name
    (docs / "two\nfailed: forged.txt").write_text("", encoding="utf-8")
    (docs / "café \u202etxt.md").write_text("", encoding="utf-8")
    code, out, err = run(capsys, "ingest", str(docs), "--quiet")
    assert code == 1
    failures = [line for line in out.splitlines() if line.startswith("  failed: ")]
    assert len(failures) == 3, out  # the newline did not forge a fourth line
    assert "\x1b" not in out and "\u202e" not in out
    assert f"  failed: {docs}/red\\x1b[31m.txt: empty file" in failures
    assert f"  failed: {docs}/two\\nfailed: forged.txt: empty file" in failures
    assert f"  failed: {docs}/café \\u202etxt.md: empty file" in failures  # readable letters stay as they are
    code, out, _ = run(capsys, "ingest", str(docs), "--json", "--quiet")
    paths = {Path(f["path"]).name for f in json.loads(out)["failed"]}
    assert "two\nfailed: forged.txt" in paths  # JSON keeps the exact name (escaped by JSON itself)


def test_zip_members_outside_the_archive_are_named_and_not_indexed(home, tmp_path, fake_model, capsys):
    import zipfile

    docs = tmp_path / "docs"
    docs.mkdir()
    archive = docs / "feed.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("ok/storm.txt", STORY)
        zf.writestr("../../escape.txt", "Escaped\n\nA member that climbs out of the archive folder.")
        zf.writestr("/etc/absolute.txt", "Absolute\n\nA member with an absolute path.")
    code, out, _ = run(capsys, "ingest", str(docs), "--quiet")
    assert code == 1
    assert f"  failed: {archive}::../../escape.txt: unsafe member name (absolute path or '..'); not read" in out
    assert f"  failed: {archive}::/etc/absolute.txt: unsafe member name (absolute path or '..'); not read" in out
    assert "added 1," in out
    code, out, _ = run(capsys, "articles", "--json")
    assert [a["title"] for a in json.loads(out)] == ["Storm closes schools"]
    written = {p.name for p in tmp_path.parent.rglob("*")}
    assert "escape.txt" not in written and "absolute.txt" not in written
    assert not Path("/etc/absolute.txt").exists()


def test_stats_closed_pipe_exits_quietly(home):
    """`newsdesk stats | head -3`: the reader is gone; no traceback, SIGPIPE's exit status."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before anything is written: every write fails
    try:
        done = subprocess.run([sys.executable, "-m", "ui.cli", "stats"], cwd=REPO, env=cli_env(home),
                              stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    assert "BrokenPipe" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert done.stderr == ""
    assert done.returncode == 141


def test_stats_counts_the_duplicates_ingest_reported(home, tmp_path, fake_model, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(STORY, encoding="utf-8")
    assert run(capsys, "ingest", str(docs), "--quiet")[0] == 0
    (docs / "copy.txt").write_text(STORY, encoding="utf-8")  # the same article saved again under another name
    code, out, _ = run(capsys, "ingest", str(docs), "--json", "--quiet")
    report = json.loads(out)
    assert code == 0 and report["duplicates"] == 1 and report["articles"] == 1
    code, out, _ = run(capsys, "stats")
    assert "articles   1  (+1 duplicates not indexed twice)" in out
    code, out, _ = run(capsys, "ingest", str(docs), "--json", "--quiet")
    again = json.loads(out)
    assert (again["unchanged"], again["duplicates"]) == (2, 0)  # nothing new the second time
    assert "(+1 duplicates" in run(capsys, "stats")[1]
