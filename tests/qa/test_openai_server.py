"""`--llm openai` against a real OpenAI-compatible server: llama-cpp-python's
own (`python -m llama_cpp.server`) serving the same Qwen GGUF on a free
loopback port, started by the test. Checks the streamed, cited answer through
`NewsQA` and through `newsdesk ask --json`."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from datetime import date

import httpx
import pytest

from qa.settings import Settings
from qa.answer import NewsQA
from qa.llm import OpenAICompatibleLLM
from tests.ui.test_cli_ask import ARTICLES, build_store
from ui.cli import main

pytestmark = pytest.mark.slow

MODEL_NAME = "qwen-newsdesk-test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server_url(tmp_path_factory):
    """Base URL (…/v1) of a llama.cpp OpenAI-compatible server on loopback, stopped after the module."""
    gguf = Settings().llm_path
    if not gguf.is_file():
        pytest.fail(f"the GGUF is missing at {gguf}: run `make models` first")
    port = free_port()
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(gguf),
                                 "--model_alias", MODEL_NAME, "--host", "127.0.0.1", "--port", str(port),
                                 "--n_ctx", "4096", "--verbose", "False"], stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 180
        while True:
            if proc.poll() is not None:
                pytest.fail(f"llama_cpp.server exited with {proc.returncode}:\n{log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{url}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama_cpp.server did not come up in 180 s:\n{log.read_text()[-2000:]}")
            time.sleep(1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_newsqa_answers_through_the_server_with_verified_citations(server_url, tmp_path, real_embedder):
    from index.store import ArchiveStore

    home = tmp_path / "home"
    build_store(home, real_embedder)
    llm = OpenAICompatibleLLM(server_url, MODEL_NAME)
    qa = NewsQA(ArchiveStore(Settings(home=home).store), real_embedder, llm)
    events = list(qa.ask_stream("When did the Bus Éireann strike end?", as_of=date(2017, 5, 1)))
    deltas = [e for e in events if type(e).__name__ == "TextDelta"]
    answer = events[-1].answer
    assert len(deltas) > 1, "the server's reply should arrive as a stream of pieces"
    assert not answer.abstained, answer.text
    assert "Sunday" in answer.text or "April 9" in answer.text or "2017-04-09" in answer.text
    rte = [c for c in answer.citations if "rte.ie" in c.article_id]
    assert rte and ARTICLES[1]["text"][rte[0].quote_start:rte[0].quote_end] == rte[0].quote


def test_cli_ask_json_with_llm_openai(server_url, tmp_path, monkeypatch, capsys, real_embedder):
    home, models = tmp_path / "home", Settings().models
    monkeypatch.setenv("NEWSDESK_HOME", str(home))
    monkeypatch.setenv("NEWSDESK_MODELS_DIR", str(models))
    build_store(home, real_embedder)
    code = main(["ask", "How strong were the winds of Storm Doris?", "--json", "--llm", "openai",
                 "--llm-url", server_url, "--llm-model", MODEL_NAME, "--as-of", "2017-03-01"])
    out = capsys.readouterr()
    assert code == 0, out.err
    data = json.loads(out.out)
    assert not data["abstained"], data["answer"]
    assert "94" in data["answer"]
    assert data["citations"] and "bbc.co.uk" in data["citations"][0]["article_id"]
