"""Answer models: the embedded Qwen GGUF and any OpenAI-compatible server (the
table of backends, with `none`, is `qa/backends.py`).

The embedded model runs through llama-cpp-python directly rather than
llama-index's `LlamaCPP` wrapper, because we need three things that wrapper
hides: token streaming as plain strings, control over llama.cpp's prompt
cache (the static system prompt must stay the evaluated prefix between
questions), and a hand-built ChatML prompt with Qwen's stop token and nothing
in between that could reformat it.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Protocol, Sequence

import httpx
import numpy as np

from index.errors import NewsdeskError
from qa.llm_contexts import ContextSlots
from qa.settings import Settings

CHATML_STOP = ["<|im_end|>", "<|endoftext|>"]
# Room for the optional prompt cache's saved states (see EmbeddedLLM).
PROMPT_CACHE_BYTES = 512 * 2**20


# How many of the reply's first tokens are watched: the phrase may open the reply or follow a
# label the prompt asks for ("Short answer: NOT_IN_ARCHIVE" is 3-4 tokens in).
WATCH_STEPS = 8
# How many of the reply's opening tokens keep the log-probability they were written with: enough for
# "Short answer: " and a short answer of a dozen tokens (what `qa.short_answer.short_answer_logprobs` reads).
OPENING_STEPS = 32


@dataclass(frozen=True)
class FirstToken:
    """The model's confidence at the opening of its last reply, as log-probabilities.

    `watched` is the highest log-probability the first token of a phrase the
    caller asked about (the abstain phrase, with or without a leading space)
    had at any of the reply's first `WATCH_STEPS` tokens; `top` is that of the
    most likely first token, the one greedy decoding writes.
    """

    top: float
    watched: float
    # The reply's opening tokens as written (text, log-probability it had), at most OPENING_STEPS.
    opening: tuple[tuple[str, float], ...] = ()

    @property
    def watched_probability(self) -> float:
        """How likely the watched phrase was at its likeliest opening position (0..1)."""
        return float(np.exp(self.watched))


class _FirstTokenRecorder:
    """A llama.cpp logits processor that reads the first steps' distributions and changes nothing
    (unless asked to `ban` the watched tokens at those steps, after reading them).

    llama-cpp-python gives `logprobs` only to models loaded with `logits_all=True`,
    which keeps the logits of every prompt token (≈2.5 GB at 4096 tokens for
    Qwen's 152k vocabulary); the processor sees the few distributions we need for free.
    """

    def __init__(self, watched_ids: Sequence[int], steps: int = WATCH_STEPS,
                 token_text: Callable[[int], str] | None = None, ban: bool = False) -> None:
        self.watched_ids = list(dict.fromkeys(watched_ids))
        self.steps = steps
        self.ban = ban  # after reading each watched step, make the watched tokens impossible
        self.token_text = token_text
        self.reads = max(steps, OPENING_STEPS if token_text else 0)  # steps whose distribution is read
        self.top: float | None = None
        self.watched: float | None = None
        self.seen = 0
        self.previous: np.ndarray | None = None  # last step's log-probabilities, until its token is known
        self.opening: list[tuple[str, float]] = []

    def __call__(self, input_ids: np.ndarray, scores: np.ndarray) -> np.ndarray:
        if self.previous is not None and len(input_ids):
            # The token written at the last step is the newest input now (after repeat penalty, so
            # not always that step's argmax); keep the log-probability the model gave it.
            token = int(input_ids[-1])
            self.opening.append((self.token_text(token) if self.token_text else "", float(self.previous[token])))
            self.previous = None
        if self.seen < self.reads:
            shifted = scores.astype(np.float64) - float(np.max(scores))
            logprobs = shifted - np.log(np.exp(shifted).sum())
            if self.seen < self.steps:
                watched = float(np.logaddexp.reduce(logprobs[self.watched_ids]))
                if self.seen == 0:
                    self.top = float(logprobs.max())
                self.watched = watched if self.watched is None else max(self.watched, watched)
                if self.ban:
                    scores[self.watched_ids] = -np.inf
            if self.token_text:
                self.previous = logprobs
            self.seen += 1
        return scores

    def result(self) -> FirstToken | None:
        if self.top is None or self.watched is None:
            return None
        return FirstToken(self.top, self.watched, tuple(self.opening))


def _before_prefix(recorder: _FirstTokenRecorder, probe: _FirstTokenRecorder | None) -> FirstToken | None:
    """The recorder's reading, with the `probe`'s first step (the reply's start before a prefix written for
    the model) as the first token, and the watched phrase at its likeliest of both."""
    read, first = recorder.result(), probe.result() if probe else None
    if read is None or first is None:
        return read
    return FirstToken(first.top, max(read.watched, first.watched), read.opening)


class LLMError(NewsdeskError, RuntimeError):
    """The answer model could not be loaded or reached (message says which and where)."""


class LLM(Protocol):
    """What Newsdesk needs from an answer model."""

    name: str

    def stream(self, messages: list[dict], *, max_tokens: int = 384, temperature: float = 0.0,
               watch: str | None = None, openings: Sequence[str] = (), ban_watched: bool = False,
               prefix: str = "") -> Iterator[str]:
        """Yield the reply to ChatML-style messages piece by piece.

        With `watch`, a model that can tells afterwards (`first_token`) how
        likely that phrase was as the reply's start; others leave it None.
        With `ban_watched` too, such a model is then kept from writing it there,
        so it answers even where it would have written the phrase. With `prefix`,
        a model that can starts its reply with that text, written for it (and
        yielded first); others ignore it.
        With `openings`, a model that can is held to begin with one of them
        (a grammar); others read the instruction in the prompt only.
        """
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

    Consecutive answers share the system prompt, which llama.cpp keeps as the
    evaluated prefix of its context and does not read again. `prompt_cache`
    adds llama-cpp's `LlamaRAMCache`, which could also restore that prefix
    after a follow-up rewrite (another system prompt) — but it is off by
    default: each saved state holds the logits of every evaluated token
    (≈0.6 MB per token for Qwen's 152k vocabulary, ≈400 MB per answer),
    and copying that after every answer cost more than the ≈3 s it saves.
    Instead a request with another system prompt (a follow-up's rewrite) runs
    in a second context over the same weights (`qa/llm_contexts.py`), so the
    answer prompt's prefix stays evaluated in the first.
    llama.cpp is not thread-safe, so calls are serialised with a lock.
    """

    def __init__(self, model_path: Path, *, n_ctx: int = 4096, threads: int | None = None,
                 prompt_cache: bool = False) -> None:
        model_path = Path(model_path)
        if not model_path.is_file():
            raise LLMError(f"the answer model is not at {model_path}: run `newsdesk models` first "
                           "(or use --llm none for extractive answers)")
        try:
            import llama_cpp
        except ImportError as exc:
            raise LLMError(f"llama-cpp-python is not installed ({exc}); install it or use --llm none") from None

        self.name = "embedded:" + model_path.name
        self.last_prompt_tokens = 0
        self.first_token: FirstToken | None = None
        self._lock = threading.Lock()

        def load() -> llama_cpp.Llama:
            try:
                context = llama_cpp.Llama(model_path=str(model_path), n_ctx=n_ctx,
                                          n_threads=threads or max(1, os.cpu_count() or 1), verbose=False)
            except (ValueError, RuntimeError) as exc:
                raise LLMError(f"cannot load the answer model {model_path}: {exc}") from None
            if prompt_cache:
                context.set_cache(llama_cpp.LlamaRAMCache(capacity_bytes=PROMPT_CACHE_BYTES))
            return context

        self._llm = load()  # the first context: tokenizing, and the answer prompt
        self._contexts = ContextSlots(self._llm, load)

    @classmethod
    def from_settings(cls, settings: Settings) -> EmbeddedLLM:
        """The GGUF in the models folder, with the settings' context size and threads."""
        return cls(settings.llm_path, n_ctx=settings.llm_context, threads=settings.llm_threads)

    @staticmethod
    def describe(settings: Settings) -> str:
        """The model as a run report states it."""
        return f"{settings.llm_path.name} (embedded llama.cpp, {settings.llm_threads or 'auto'} threads)"

    def stream(self, messages: list[dict], *, max_tokens: int = 384, temperature: float = 0.0,
               watch: str | None = None, openings: Sequence[str] = (), ban_watched: bool = False,
               prefix: str = "") -> Iterator[str]:
        """Stream the reply; stops at ChatML's end-of-turn.

        With `watch`, `first_token` holds (from the first piece on, updated
        with each) how likely the phrase was at the reply's opening tokens,
        read from the same forward passes (no second model call). With
        `ban_watched`, the phrase's first token is then made impossible at those
        tokens: the reply is what the model would have written instead. A
        `prefix` is the reply's opening written for the model (it continues
        from it; the prefix is yielded first, and counts as written with
        certainty in `first_token.opening`).
        With `openings`, the reply begins with one of them, chosen by the
        model under a grammar; the rest is then written freely, continuing
        from the evaluated prompt (llama.cpp keeps it), since a grammar over
        free text costs about half again per token.
        """
        import llama_cpp

        prompt = chatml(messages) + prefix
        with self._lock:
            self.first_token = None
            recorder = None
            if watch:
                ids = [self._llm.tokenize(w.encode("utf-8"), add_bos=False)[0] for w in (watch, " " + watch)]
                recorder = _FirstTokenRecorder(ids, token_text=self._token_text, ban=ban_watched)
                if prefix:
                    recorder.opening.append((prefix, 0.0))
            tokens = self._llm.tokenize(prompt.encode("utf-8"), add_bos=False, special=True)
            self.last_prompt_tokens = len(tokens)
            if self.last_prompt_tokens + max_tokens > self._llm.n_ctx():
                raise LLMError(f"the prompt is {self.last_prompt_tokens} tokens; with {max_tokens} for the answer "
                               f"it exceeds the model context of {self._llm.n_ctx()} (raise llm_context or lower k)")
            processors = llama_cpp.LogitsProcessorList([recorder]) if recorder else None
            context = self._contexts.pick(tokens)
            probe = None
            if recorder and prefix:
                # How likely the phrase was where the reply begins, before the prefix is written for the
                # model: one step over the prompt, which the prefixed prompt then reuses (llama.cpp keeps
                # the evaluated tokens), so it costs one token. After "Short answer:" the 1.5B model
                # almost never considers the phrase (p < 0.002 in 4 of 4 sample questions, 2026-12-05).
                probe = _FirstTokenRecorder(recorder.watched_ids, steps=1)
                for _ in context.create_completion(chatml(messages), max_tokens=1, stream=True, temperature=temperature,
                                                   logits_processor=llama_cpp.LogitsProcessorList([probe])):
                    pass
            lead = prefix  # yielded with the first piece the model writes, so a first piece still times the model
            opened = ""
            if openings:
                budget = min(max_tokens, max(self.count_tokens(o) for o in openings) + 4)
                for piece in context.create_completion(prompt, max_tokens=budget, stream=True,
                                                       temperature=temperature, stop=CHATML_STOP,
                                                       grammar=llama_cpp.LlamaGrammar.from_string(
                                                           openings_grammar(openings), verbose=False),
                                                       logits_processor=processors):
                    if recorder:
                        self.first_token = _before_prefix(recorder, probe)
                    text = piece["choices"][0]["text"]
                    opened += text
                    if text:
                        yield lead + text
                        lead = ""
                if not opened.endswith("\n"):  # the abstain phrase (or the budget ran out): the reply is over
                    if lead:
                        yield lead
                    return
                max_tokens -= self.count_tokens(opened)
                processors = None
            for piece in context.create_completion(prompt + opened, max_tokens=max_tokens, stream=True,
                                                   temperature=temperature, stop=CHATML_STOP,
                                                   repeat_penalty=1.05, logits_processor=processors):
                if recorder and processors:
                    self.first_token = _before_prefix(recorder, probe)
                text = piece["choices"][0]["text"]
                if text:
                    yield lead + text
                    lead = ""
            if lead:
                yield lead

    def complete(self, messages: list[dict], *, max_tokens: int = 384, temperature: float = 0.0) -> str:
        """The whole reply as one string."""
        return "".join(self.stream(messages, max_tokens=max_tokens, temperature=temperature))

    def _token_text(self, token: int) -> str:
        """One token's text (a character split across tokens reads as U+FFFD)."""
        return self._llm.detokenize([token]).decode("utf-8", errors="replace")

    def count_tokens(self, text: str) -> int:
        """Tokens the model reads for `text` (ChatML control tokens count as one each)."""
        return len(self._llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))


def openings_grammar(openings: Sequence[str]) -> str:
    """A GBNF grammar whose only sentences are `openings` (llama.cpp's grammar format)."""
    def literal(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    return "root ::= " + " | ".join(literal(o) for o in dict.fromkeys(openings)) + "\n"


class OpenAICompatibleLLM:
    """Any server speaking the OpenAI chat-completions API (llama.cpp server, Ollama, vLLM…).

    Replies are streamed as server-sent events from `{url}/chat/completions`.
    Pass `client` to reuse an `httpx.Client` (tests pass one with a mock transport).
    """

    def __init__(self, url: str, model: str | None = None, *, api_key: str | None = None,
                 timeout: float = 300.0, client: httpx.Client | None = None) -> None:
        if not url or not url.startswith(("http://", "https://")):
            raise LLMError(f"--llm-url must be an http(s) URL like http://127.0.0.1:8080/v1, got {url!r}")
        self.base = url.rstrip("/")
        if not self.base.endswith("/v1"):
            self.base += "/v1"
        self.model = model or "default"
        self.name = f"openai:{self.model}@{self.base}"
        self._headers = {"Authorization": f"Bearer {api_key or os.environ.get('OPENAI_API_KEY', 'none')}"}
        self._client = client or httpx.Client(timeout=httpx.Timeout(timeout, connect=10.0))
        self.first_token: FirstToken | None = None  # servers' log-probabilities differ; not read

    @classmethod
    def from_settings(cls, settings: Settings) -> OpenAICompatibleLLM:
        """The server at `llm_url`, asked for model `llm_model`."""
        if not settings.llm_url:
            raise LLMError("--llm openai needs --llm-url (e.g. http://127.0.0.1:8080/v1)")
        return cls(settings.llm_url, settings.llm_model)

    @staticmethod
    def describe(settings: Settings) -> str:
        """The model as a run report states it."""
        return f"{settings.llm_model} via OpenAI-compatible server {settings.llm_url}"

    def stream(self, messages: list[dict], *, max_tokens: int = 384, temperature: float = 0.0,
               watch: str | None = None, openings: Sequence[str] = (), ban_watched: bool = False,
               prefix: str = "") -> Iterator[str]:
        """Stream the reply over server-sent events (`watch`, `openings`, `ban_watched` and `prefix` are
        accepted and ignored: servers differ in grammar, logit and prefill support, and the prompt states
        the options)."""
        url = f"{self.base}/chat/completions"
        body = {"model": self.model, "messages": messages, "max_tokens": max_tokens,
                "temperature": temperature, "stream": True}
        try:
            with self._client.stream("POST", url, json=body, headers=self._headers) as response:
                if response.status_code != 200:
                    response.read()
                    raise LLMError(f"the answer server at {url} answered HTTP {response.status_code}: "
                                   f"{response.text[:200]}")
                for line in response.iter_lines():
                    delta = self._delta(line, url)
                    if delta is None:
                        break
                    if delta:
                        yield delta
        except httpx.HTTPError as exc:
            raise LLMError(f"cannot reach the answer server at {url}: {exc or type(exc).__name__} "
                           "(is it running? check --llm-url)") from None

    @staticmethod
    def _delta(line: str, url: str) -> str | None:
        """The text of one SSE line ("" for keep-alives and role-only chunks, None at the end)."""
        if not line.startswith("data:"):
            return ""
        data = line[5:].strip()
        if data == "[DONE]":
            return None
        try:
            event = json.loads(data)
        except json.JSONDecodeError:
            raise LLMError(f"the answer server at {url} sent something that is not JSON: {data[:120]!r}") from None
        if "error" in event:
            raise LLMError(f"the answer server at {url} reported an error: {str(event['error'])[:200]}")
        choices = event.get("choices") or [{}]
        return (choices[0].get("delta") or {}).get("content") or ""

    def complete(self, messages: list[dict], *, max_tokens: int = 384, temperature: float = 0.0) -> str:
        """The whole reply as one string."""
        return "".join(self.stream(messages, max_tokens=max_tokens, temperature=temperature))

