"""The answer-model backends: one table from which everything that names them derives.

`BACKENDS` maps a name (`--llm NAME`, `NEWSDESK_LLM`) to how the model is built
from the settings, a one-line summary (the `--llm` help) and how a run report
describes it. The settings hold the name as a plain string, checked here by
`backend()` when a model is built: `index/` (where `Settings` lives) cannot
import `qa/`. To add a backend, write `qa/llm_<name>.py` with a class that has
`stream()`/`complete()` (`qa.llm.LLM`) plus `from_settings()` and `describe()`,
and add one line to the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

from qa.settings import Settings
from qa.llm import LLM, EmbeddedLLM, LLMError, OpenAICompatibleLLM


@dataclass(frozen=True)
class Backend:
    """One answer-model backend: how to build it, and how --help and reports name it.

    `needs` lists the settings besides `llm` it reads (the `--llm-url` help names
    the backends that need it).
    """

    name: str
    summary: str
    build: Callable[[Settings], LLM | None]
    describe: Callable[[Settings], str]
    needs: tuple[str, ...] = ()


def _extractive(settings: Settings) -> None:
    """No model: answers quote the best evidence sentences."""
    return None


def _describe_extractive(settings: Settings) -> str:
    return "none (extractive answers: the best evidence sentences)"


BACKENDS: dict[str, Backend] = {b.name: b for b in (
    Backend("embedded", "the embedded Qwen 1.5B (default)", EmbeddedLLM.from_settings, EmbeddedLLM.describe,
            needs=("llm_threads", "llm_context")),
    Backend("openai", "an OpenAI-compatible server", OpenAICompatibleLLM.from_settings, OpenAICompatibleLLM.describe,
            needs=("llm_url", "llm_model")),
    Backend("none", "none (extractive: quotes the best sentences)", _extractive, _describe_extractive),
)}


def backend(name: str, backends: Mapping[str, Backend] = BACKENDS) -> Backend:
    """The backend called `name` (the settings check): an `LLMError` naming the choices otherwise."""
    if name not in backends:
        raise LLMError(f"unknown answer model {name!r} (--llm or NEWSDESK_LLM): choose one of {', '.join(backends)}")
    return backends[name]


def build_llm(settings: Settings, backends: Mapping[str, Backend] = BACKENDS) -> LLM | None:
    """The answer model the settings ask for (None means extractive answers)."""
    return backend(settings.llm, backends).build(settings)


def choices_help(backends: Mapping[str, Backend] = BACKENDS) -> str:
    """'answer model: A, B, or C' from the backends' summaries (the `--llm` help)."""
    summaries = [b.summary for b in backends.values()]
    listed = ", ".join(summaries[:-1]) + ", or " + summaries[-1] if len(summaries) > 1 else "".join(summaries)
    return f"answer model: {listed}"


def needing(setting: str, backends: Mapping[str, Backend] = BACKENDS) -> list[str]:
    """The names of the backends that read `setting` (e.g. `llm_url`)."""
    return [b.name for b in backends.values() if setting in b.needs]
