"""`newsdesk stats`, `export`, `import` and `doctor` as a maintainer runs them (issue 12, item 5),
in-process against real stores, the real embedder and a real `chroma run` server."""

from __future__ import annotations

import json
import shutil

import pytest

from qa.settings import Settings
from ui.cli import main

pytestmark = pytest.mark.slow
ARTICLES = {
    "strike.txt": "Bus strike ends in Dublin\n\nDate: 2017-02-03\nSource: RTÉ\n\nThe bus strike in Dublin ended "
                  "after drivers accepted a pay offer of 11.75 percent over three years.",
    "vote.txt": "Parliament votes on budget\n\nDate: 2017-03-01\nSource: BBC\n\nParliament voted on Tuesday to "
                "pass the budget, with 84 members in favour and 40 against.",
    "quake.txt": "Earthquake shakes northern Chile\n\nDate: 2017-03-22\nSource: BBC\n\nA magnitude 6.1 earthquake "
                 "shook the mining region of Antofagasta in northern Chile, damaging two copper mines.",
}
QUESTIONS = ["How much was the pay offer that ended the Dublin bus strike?",
             "How many members voted for the budget?", "Which mines did the earthquake in Chile damage?"]


@pytest.fixture
def docs(tmp_path, monkeypatch):
    models = Settings().models  # before NEWSDESK_HOME moves the default
    monkeypatch.setenv("NEWSDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NEWSDESK_MODELS_DIR", str(models))
    monkeypatch.delenv("NEWSDESK_CHROMA_URL", raising=False)
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def asked(capsys, *where) -> list:
    """The cited passages and closest articles of every question (extractive answers)."""
    seen = []
    for question in QUESTIONS:
        code, out, err = run(capsys, "ask", question, "--llm", "none", "--json", *where)
        assert code == 0, err
        answer = json.loads(out)
        seen.append(([(c["title"], c["passage"], c["quote"]) for c in answer["citations"]],
                     [(a["title"], round(a["score"], 5)) for a in answer["closest"]], answer["answer"]))
    return seen


def test_export_import_into_a_chroma_server_answers_the_same(docs, tmp_path, capsys, chroma_server):
    code, _, err = run(capsys, "ingest", docs, "--quiet")
    assert code == 0, err
    code, out, _ = run(capsys, "stats", "--json")
    stats = json.loads(out)
    assert code == 0 and stats["embedder"] == {"name": "all-MiniLM-L6-v2", "dimensions": 384}
    assert stats["vectors"] == stats["chunks"] and stats["vectors_at"].startswith("embedded Chroma")
    embedded = asked(capsys)
    assert any("11.75" in answer for _, _, answer in embedded)

    code, out, _ = run(capsys, "export", "--out", tmp_path / "moved", "--json")
    exported = json.loads(out)
    assert code == 0 and (exported["articles"], exported["vectors"]) == (3, stats["chunks"])

    # Import needs no models (nothing is embedded again): point the models folder at an empty one.
    server_store = ["--store", tmp_path / "server-store", "--chroma-url", chroma_server.url]
    (tmp_path / "no-models").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSDESK_MODELS_DIR", str(tmp_path / "no-models"))
        code, out, err = run(capsys, "import", tmp_path / "moved", *server_store)
    assert code == 0, err
    assert out.startswith(f"imported 3 articles, {stats['chunks']} chunks, {stats['chunks']} vectors (384 dimensions")

    code, out, _ = run(capsys, "stats", *server_store)
    assert f"Chroma server {chroma_server.url}" in out and "all-MiniLM-L6-v2 (384 dimensions)" in out
    assert asked(capsys, *server_store) == embedded
    # The local folder holds the manifest only: no Chroma files.
    assert not (tmp_path / "server-store" / "chroma").exists()

    code, out, err = run(capsys, "import", tmp_path / "moved", *server_store)
    assert code == 2 and "already holds 3 articles" in err


def test_doctor_reports_each_finding_and_exits_1_on_what_it_cannot_repair(docs, tmp_path, capsys):
    assert run(capsys, "ingest", docs, "--quiet")[0] == 0
    code, out, _ = run(capsys, "doctor")
    assert code == 0 and "healthy" in out.splitlines()[0] and len(out.splitlines()) == 1

    # A model folder with one altered file and no answer model: each is one PROBLEM line.
    models = tmp_path / "models"
    shutil.copytree(Settings().embedder_path, models / "all-MiniLM-L6-v2")  # NEWSDESK_MODELS_DIR: the real ones
    (models / "all-MiniLM-L6-v2" / "vocab.txt").write_text("altered\n", encoding="utf-8")
    code, out, _ = run(capsys, "doctor", "--rehash")
    assert code == 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSDESK_MODELS_DIR", str(models))
        code, out, _ = run(capsys, "doctor")
    problems = [line for line in out.splitlines() if line.strip().startswith("PROBLEM")]
    assert code == 1 and len(problems) == 2, out
    assert "vocab.txt does not match its pinned sha256" in problems[0]
    assert "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf is missing" in problems[1]

    # Orphan vectors are repaired (one line), and the store is healthy again.
    from index.store import ArchiveStore

    store = ArchiveStore(tmp_path / "home" / "store")
    store.collection.add(ids=["orphan-1", "orphan-2"], embeddings=[[0.1] * 384] * 2,
                         metadatas=[{"article_id": "gone"}] * 2, documents=["x", "y"])
    store.close()
    code, out, _ = run(capsys, "doctor")
    assert code == 0, out
    assert "repaired: 2 orphan vector(s) (left by an interrupted write) removed" in out
