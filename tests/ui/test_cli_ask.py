"""`newsdesk ask`: the --json object, human output, and exit status 2 with a
clear message (no traceback) for bad questions, filters and archives.

Fast tests run the real command in-process over a real on-disk store built
with the deterministic fake embedder (swapped in for MiniLM); the slow test
uses the real MiniLM."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import index.runtime
from index.chunking import Chunker
from index.pipeline import Indexer
from qa.settings import Settings
from index.store import ArchiveStore
from ui.cli import main

ARTICLES = [
    {"title": "Storm Doris brings travel chaos to Britain", "date": "2017-02-23",
     "url": "http://www.bbc.co.uk/news/uk-39067613",
     "text": "Storm Doris brought winds of up to 94 mph to parts of Britain on Thursday. Trains were cancelled "
             "across the north of England. A woman died in Wolverhampton after being hit by debris."},
    {"title": "Bus Éireann strike ends after talks", "date": "2017-04-10",
     "url": "https://www.rte.ie/news/2017/0410/bus-strike",
     "text": "The Bus Éireann strike ended on Sunday after three weeks. Unions accepted a proposal from the "
             "Workplace Relations Commission. Services across Ireland resumed on Monday morning."},
]
CONTRACT_KEYS = {"question", "standalone_question", "short_answer", "short_answer_supported", "short_answer_concern",
                 "answer", "quoted",
                 "abstained", "unsupported_sentences", "citations", "filters", "timings_ms", "closest",
                 "abstention_signals", "abstain_reason"}
CITATION_KEYS = {"n", "article_id", "title", "source", "published", "url", "passage", "quote", "quote_start",
                 "quote_end", "supported", "also_in"}


def build_store(home: Path, embedder) -> None:
    docs = home.parent / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "news.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    store = ArchiveStore(Settings(home=home).store)
    Indexer(store, embedder, Chunker(embedder.tokenize, chunk_tokens=200, overlap=24), quiet=True).ingest([docs])
    store.close()


@pytest.fixture
def home(tmp_path, monkeypatch, fake_embedder) -> Path:
    """A home whose store holds ARTICLES, answered with the fake embedder and no LLM."""
    home = tmp_path / "home"
    monkeypatch.setenv("NEWSDESK_HOME", str(home))
    monkeypatch.setenv("NEWSDESK_LLM", "none")
    monkeypatch.setattr(index.runtime, "load_embedder", lambda settings: fake_embedder)
    build_store(home, fake_embedder)
    return home


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_is_exactly_the_contract_object(home, capsys):
    code, out, err = run(capsys, "ask", "How strong were the winds of Storm Doris?", "--json",
                         "--as-of", "2017-03-01")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == CONTRACT_KEYS
    assert data["question"] == "How strong were the winds of Storm Doris?"
    assert data["abstained"] is False and data["citations"]
    assert set(data["citations"][0]) == CITATION_KEYS
    assert data["citations"][0]["n"] == 1
    assert "94 mph" in data["answer"]
    assert set(data["timings_ms"]) == {"retrieve", "first_token", "verify", "total"}
    assert data["filters"]["as_of"] == "2017-03-01"
    assert out.count("\n") == 1  # one JSON object on one line, nothing else on stdout


def test_filters_from_flags_appear_in_the_json(home, capsys):
    code, out, _ = run(capsys, "ask", "What ended?", "--json", "--source", "RTÉ", "--since", "2017-04",
                       "--until", "2017-04-30", "--k", "3", "--as-of", "2017-05-01")
    assert code == 0
    data = json.loads(out)
    assert data["filters"] == {"since": "2017-04-01", "until": "2017-04-30", "sources": ["RTÉ"],
                               "as_of": "2017-05-01"}
    assert all(c["source"] == "RTÉ" for c in data["citations"])


def test_human_output_streams_the_answer_then_numbered_sources(home, capsys):
    code, out, _ = run(capsys, "ask", "How strong were the winds of Storm Doris?", "--as-of", "2017-03-01")
    assert code == 0
    answer, _, sources = out.partition("Sources:")
    assert "94 mph" in answer and "[1]" in answer
    assert "[1] BBC · 2017-02-23 · Storm Doris brings travel chaos to Britain" in sources
    assert "http://www.bbc.co.uk/news/uk-39067613" in sources
    assert "“Storm Doris brought winds of up to 94 mph" in sources


@pytest.mark.parametrize("argv, message", [
    (["ask", ""], "the question is empty"),
    (["ask", "x" * 20_000], "20,000 characters long; the limit is 2,000"),
    (["ask", "What happened?", "--since", "2017-03-01", "--until", "2017-02-01"], "impossible date range"),
    (["ask", "What happened?", "--source", "Le Monde"], "Le Monde"),
    (["ask", "What happened?", "--since", "last Tuesday"], "not a date"),
    (["ask", "What happened?", "--as-of", "tomorrow"], "--as-of"),
])
def test_bad_input_exits_2_with_a_clear_message(home, capsys, argv, message):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 2
    assert message in err
    assert "Traceback" not in err and out == ""


@pytest.mark.parametrize("k", ["0", "51", "many"])
def test_bad_k_exits_2(home, capsys, k):
    with pytest.raises(SystemExit) as stop:
        main(["ask", "What happened?", "--k", k])
    assert stop.value.code == 2
    assert "--k" in capsys.readouterr().err


def test_empty_index_exits_2_before_loading_models(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSDESK_HOME", str(tmp_path / "empty-home"))
    monkeypatch.setenv("NEWSDESK_MODELS_DIR", str(tmp_path / "no-models"))  # loading a model would fail
    code, out, err = run(capsys, "ask", "What happened?", "--json")
    assert code == 2
    assert "the archive is empty" in err and "newsdesk ingest" in err
    assert "Traceback" not in err and out == ""


def test_missing_answer_model_exits_2(home, monkeypatch, capsys):
    monkeypatch.setenv("NEWSDESK_MODELS_DIR", str(home / "no-models"))
    code, _, err = run(capsys, "ask", "What happened?", "--llm", "embedded")
    assert code == 2 and "the answer model is not at" in err and "--llm none" in err


def test_unreachable_openai_server_exits_2_naming_the_url(home, capsys):
    code, _, err = run(capsys, "ask", "How strong were the winds of Storm Doris?", "--llm", "openai",
                       "--llm-url", "http://127.0.0.1:9/v1", "--as-of", "2017-03-01")
    assert code == 2 and "http://127.0.0.1:9/v1" in err and "Traceback" not in err


def test_unanswerable_question_abstains_with_closest_articles(home, capsys):
    code, out, _ = run(capsys, "ask", "Who won the 2022 World Cup in Qatar?", "--json")
    data = json.loads(out)
    assert code == 0 and data["abstained"] is True and data["citations"] == []
    assert data["answer"].startswith("The archive doesn't say")


@pytest.mark.slow
def test_real_embedder_json_answer(tmp_path, monkeypatch, capsys, real_embedder):
    home, models = tmp_path / "home", Settings().models
    monkeypatch.setenv("NEWSDESK_HOME", str(home))
    monkeypatch.setenv("NEWSDESK_MODELS_DIR", str(models))
    build_store(home, real_embedder)
    code, out, err = run(capsys, "ask", "When did the Bus Éireann strike end?", "--json", "--llm", "none",
                         "--as-of", "2017-05-01")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == CONTRACT_KEYS and not data["abstained"]
    first = data["citations"][0]
    assert first["source"] == "RTÉ" and "ended on Sunday" in first["quote"]
    body = ARTICLES[1]["text"]
    assert body[first["quote_start"]:first["quote_end"]] == first["quote"]


def test_format_answer_puts_the_short_answer_first_and_says_when_it_is_quoted():
    from qa.answer import Answer
    from ui.commands_qa import format_answer

    base = dict(question="q", standalone_question="q", text="Winds of 94 mph [1].", abstained=False,
                unsupported_sentences=0, citations=[], sentences=[], closest=[], filters={}, timings_ms={})
    text = format_answer(Answer(**base, short_answer="94 mph", short_answer_supported=False))
    assert text.startswith("94 mph\n") and "not in the cited passages" in text
    assert text.index("94 mph\n") < text.index("Winds of 94 mph [1].")
    assert "quoted from the archive" in format_answer(Answer(**base, quoted=True))
    quoted_short = format_answer(Answer(**base, quoted=True, short_answer="94 mph", short_answer_supported=True))
    assert quoted_short.startswith("94 mph\n") and "(quoted from the archive)" in quoted_short


def test_a_short_answer_changed_by_checking_is_printed_with_the_checked_answer():
    from qa.answer import Answer
    from ui.commands_qa import format_answer

    base = dict(question="q", standalone_question="q", text="“The dam did not fail.” [1]", abstained=False,
                unsupported_sentences=0, citations=[], sentences=[], closest=[], filters={}, timings_ms={})
    streamed = "The dam failed [1]."
    text = format_answer(Answer(**base, short_answer="No"), streamed, streamed_short="Yes")
    assert "Checked answer:\nNo\n\n“The dam did not fail.” [1]" in text
    same = format_answer(Answer(**base, short_answer="Yes"), streamed, streamed_short="Yes")
    assert "Checked answer:\n“The dam" in same
    # the sentences as streamed, only the short answer checked ("John Kerry met with …" → the name)
    checked = format_answer(Answer(**base, short_answer="Sergei Lavrov"), base["text"],
                            streamed_short="John Kerry met with Sergei Lavrov")
    assert "Checked answer:\nSergei Lavrov\n\n" in checked
    assert "Checked answer" not in format_answer(Answer(**base, short_answer="No"), base["text"], streamed_short="No")


def test_an_abstention_after_the_stream_says_why():
    from qa.answer import Answer
    from ui.commands_qa import format_answer

    reason = "the passages only say it was expected (“The DUP expects to take 31-33 seats” — RTÉ, 2017-02-28)"
    base = dict(question="q", standalone_question="q", text=f"The archive doesn't say: {reason}. Closest articles: x.",
                abstained=True, unsupported_sentences=0, citations=[], sentences=[], closest=[], filters={},
                timings_ms={})
    streamed = "The DUP won 31-33 seats [1]."
    assert f"The archive doesn't say after all: {reason}." in format_answer(Answer(**base, abstain_reason=reason),
                                                                           streamed)
    assert "the model found no answer" in format_answer(Answer(**base), streamed)
    assert f"The archive doesn't say: {reason}." in format_answer(Answer(**base, abstain_reason=reason))


def test_a_streamed_short_answer_the_checks_withdrew_is_said_to_be_withdrawn():
    # held-out hostile set h2-05: "£620 million", an article's injected figure, streamed first, then withdrawn
    from qa.answer import Answer
    from ui.commands_qa import format_answer

    base = dict(question="q", standalone_question="q", text="The deal is worth £62 million. [1]", abstained=False,
                unsupported_sentences=0, citations=[], sentences=[], closest=[], filters={}, timings_ms={})
    text = format_answer(Answer(**base, short_answer=None), base["text"], streamed_short="£620 million")
    assert "Checked answer:\n(the short answer “£620 million” above was withdrawn by the checks)" in text
    assert "withdrawn" not in format_answer(Answer(**base, short_answer=None), base["text"])
