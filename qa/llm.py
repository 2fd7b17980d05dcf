"""Answer models: the embedded Qwen GGUF, any OpenAI-compatible server, or none.

The embedded model runs through llama-cpp-python directly rather than
llama-index's `LlamaCPP` wrapper: we need token streaming, a hand-built ChatML
prompt with the static system prompt first (so llama.cpp reuses its evaluated
prefix between questions), and no extra layer between us and the stop token.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Iterator, Protocol

import httpx

from index.settings import Settings

CHATML_STOP = ["<|im_end|>", "<|endoftext|>"]


class LLMError(RuntimeError):
    """The answer model could not be loaded or reached."""


class LLM(Protocol):
    """What Newsdesk needs from an answer model."""

    name: str

    def stream(self, messages: list[dict], *, max_tokens: int = 384, temperature: float = 0.0) -> Iterator[str]:
        """Yield the reply to ChatML-style messages piece by piece."""
        ...

    def complete(self, messages: list[dict], *, max_tokens: int = 384, temperature: float = 0.0) -> str:
        """The whole reply."""
        ...


def chatml(messages: list[dict]) -> str:
    """Qwen's ChatML prompt for the messages, ending where the assistant speaks."""
    parts = [f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages]
    return "".join(parts) + "<|im_start|>assistant\n"


class EmbeddedLLM:
    """Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF) in-process via llama-cpp-python.

    Not thread-safe in llama.cpp, so calls are serialised with a lock.
    """

    def __init__(self, model_path: Path, *, n_ctx: int = 4096, threads: int | None = None) -> None:
        model_path = Path(model_path)
        if not model_path.is_file():
            raise LLMError(f"the answer model is not at {model_path}: run `newsdesk models` first "
                           "(or use --llm none for extractive answers)")
        import llama_cpp

        self.name = "embedded:" + model_path.name
        self._lock = threading.Lock()
        self._llm = llama_cpp.Llama(model_path=str(model_path), n_ctx=n_ctx,
                                    n_threads=threads or max(1, os.cpu_count() or 1), verbose=False)

    def stream(self, messages: list[dict], *, max_tokens: int = 384, temperature: float = 0.0) -> Iterator[str]:
        """Stream tokens; stops at ChatML's end-of-turn."""
        with self._lock:
            for piece in self._llm.create_completion(chatml(messages), max_tokens=max_tokens, stream=True,
                                                     temperature=temperature, stop=CHATML_STOP,
                                                     repeat_penalty=1.05):
                text = piece["choices"][0]["text"]
                if text:
                    yield text

    def complete(self, messages: list[dict], *, max_tokens: int = 384, temperature: float = 0.0) -> str:
        """The whole reply as one string."""
        return "".join(self.stream(messages, max_tokens=max_tokens, temperature=temperature))

    def count_tokens(self, text: str) -> int:
        """Tokens the model reads for `text` (for prompt-size reporting)."""
        return len(self._llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))


class OpenAICompatibleLLM:
    """Any server speaking the OpenAI chat-completions API (llama.cpp server, Ollama, vLLM…)."""

    def __init__(self, url: str, model: str | None = None, *, api_key: str | None = None,
                 timeout: float = 300.0) -> None:
        if not url or not url.startswith(("http://", "https://")):
            raise LLMError(f"--llm-url must be an http(s) URL like http://127.0.0.1:8080/v1, got {url!r}")
        self.base = url.rstrip("/")
        if not self.base.endswith("/v1"):
            self.base += "/v1"
        self.model = model or "default"
        self.name = f"openai:{self.model}@{self.base}"
        self._headers = {"Authorization": f"Bearer {api_key or os.environ.get('OPENAI_API_KEY', 'none')}"}
        self._timeout = timeout

    def stream(self, messages: list[dict], *, max_tokens: int = 384, temperature: float = 0.0) -> Iterator[str]:
        """Stream the reply over server-sent events."""
        body = {"model": self.model, "messages": messages, "max_tokens": max_tokens,
                "temperature": temperature, "stream": True}
        try:
            with httpx.stream("POST", f"{self.base}/chat/completions", json=body, headers=self._headers,
                              timeout=self._timeout) as response:
                if response.status_code != 200:
                    response.read()
                    raise LLMError(f"{self.base} answered {response.status_code}: {response.text[:200]}")
                for line in response.iter_lines():
                    if not line.startswith("data:"):
                        continue
                    data = line[5:].strip()
                    if data == "[DONE]":
                        break
                    delta = json.loads(data)["choices"][0].get("delta", {}).get("content")
                    if delta:
                        yield delta
        except httpx.HTTPError as exc:
            raise LLMError(f"cannot reach the answer server at {self.base}: {exc}") from None

    def complete(self, messages: list[dict], *, max_tokens: int = 384, temperature: float = 0.0) -> str:
        """The whole reply as one string."""
        return "".join(self.stream(messages, max_tokens=max_tokens, temperature=temperature))


def build_llm(settings: Settings) -> LLM | None:
    """The answer model the settings ask for (None means extractive answers)."""
    if settings.llm == "none":
        return None
    if settings.llm == "openai":
        if not settings.llm_url:
            raise LLMError("--llm openai needs --llm-url (e.g. http://127.0.0.1:8080/v1)")
        return OpenAICompatibleLLM(settings.llm_url, settings.llm_model)
    return EmbeddedLLM(settings.llm_path, n_ctx=settings.llm_context, threads=settings.llm_threads)
