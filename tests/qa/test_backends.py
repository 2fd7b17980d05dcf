"""The backends table is the one list of answer models: the settings check, the
`--llm` choices and help of every command, and the run reports derive from it."""

from __future__ import annotations

import argparse
from typing import Iterator

import pytest

from eval.run import llm_description
from qa.settings import Settings
from qa import backends
from qa.backends import BACKENDS, Backend, build_llm
from qa.llm import LLMError
from ui.cli import build_parser


class EchoLLM:
    """A backend as a new `qa/llm_<name>.py` would add it: replies with the question."""

    name = "echo"

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    @classmethod
    def from_settings(cls, settings: Settings) -> "EchoLLM":
        return cls(settings.llm_model or "echo")

    @staticmethod
    def describe(settings: Settings) -> str:
        return f"echo of the question ({settings.llm_model})"

    def stream(self, messages: list[dict], **options: object) -> Iterator[str]:
        yield f"{self.prefix}: {messages[-1]['content']}"

    def complete(self, messages: list[dict], **options: object) -> str:
        return "".join(self.stream(messages))


@pytest.fixture
def echo_registered(monkeypatch):
    """The one registry line a new backend adds."""
    monkeypatch.setitem(BACKENDS, "echo", Backend("echo", "echo (repeats the question; for tests)",
                                                  EchoLLM.from_settings, EchoLLM.describe, needs=("llm_model",)))


def llm_option(parser, *command: str):
    """The --llm action of a subcommand's parser."""
    sub = parser
    for word in command:
        sub = next(a for a in sub._actions if isinstance(a, argparse._SubParsersAction))._name_parser_map[word]
    return next(a for a in sub._actions if "--llm" in a.option_strings)


@pytest.mark.parametrize("command", [("ask",), ("chat",), ("eval", "run"), ("eval", "realtimeqa"), ("bench", "query")])
def test_every_llm_option_offers_the_tables_backends(command):
    action = llm_option(build_parser(), *command)
    assert list(action.choices) == list(BACKENDS) == ["embedded", "openai", "none"]
    assert all(b.summary in action.help for b in BACKENDS.values())


def test_a_registered_backend_reaches_choices_help_settings_and_reports(echo_registered, tmp_path, capsys):
    parser = build_parser()
    assert parser.parse_args(["ask", "Who won?", "--llm", "echo"]).llm == "echo"
    assert parser.parse_args(["eval", "demo", "--llm", "echo"]).llm == "echo"
    assert "echo (repeats the question; for tests)" in llm_option(parser, "chat").help
    assert "with --llm openai/echo: model name" in next(
        a for a in llm_option(parser, "ask").container._actions if "--llm-model" in a.option_strings).help
    settings = Settings(home=tmp_path, llm="echo", llm_model="parrot")
    model = build_llm(settings)
    assert isinstance(model, EchoLLM) and model.complete([{"role": "user", "content": "hi"}]) == "parrot: hi"
    assert llm_description(settings, retrieval_only=False) == "echo of the question (parrot)"


def test_an_unknown_backend_is_one_line_naming_the_choices(echo_registered, tmp_path):
    with pytest.raises(LLMError, match=r"unknown answer model 'ollama' .*: choose one of embedded, openai, none, echo$"):
        build_llm(Settings(home=tmp_path, llm="ollama"))
    with pytest.raises(LLMError):
        llm_description(Settings(home=tmp_path, llm="ollama"), retrieval_only=False)
    assert llm_description(Settings(home=tmp_path, llm="ollama"), retrieval_only=True) == "none (retrieval only)"


def test_the_setting_is_a_plain_name_checked_when_the_model_is_built(tmp_path, monkeypatch, capsys):
    from ui.cli import main

    monkeypatch.setenv("NEWSDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NEWSDESK_LLM", "ollama")
    assert Settings().llm == "ollama"
    assert main(["config"]) == 0 and "ollama" in capsys.readouterr().out
    with pytest.raises(LLMError, match="unknown answer model 'ollama'"):
        build_llm(Settings())


def test_the_reports_keep_their_wording_for_the_bundled_backends(tmp_path):
    s = Settings(home=tmp_path, llm_threads=2)
    assert llm_description(s, False) == "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf (embedded llama.cpp, 2 threads)"
    s = Settings(home=tmp_path, llm="openai", llm_url="http://h:1/v1", llm_model="m")
    assert llm_description(s, False) == "m via OpenAI-compatible server http://h:1/v1"
    assert llm_description(Settings(home=tmp_path, llm="none"), False) == \
        "none (extractive answers: the best evidence sentences)"
    assert backends.choices_help() == ("answer model: the embedded Qwen 1.5B (default), an OpenAI-compatible "
                                       "server, or none (extractive: quotes the best sentences)")
