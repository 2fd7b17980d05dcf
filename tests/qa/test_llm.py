"""Answer models: ChatML, the OpenAI-compatible client (mock SSE transport,
connection errors), `build_llm`, and the embedded model (slow: real GGUF)."""

from __future__ import annotations

import json
import socket

import httpx
import pytest

from qa.settings import Settings
from qa.backends import build_llm
from qa.llm import CHATML_STOP, EmbeddedLLM, LLMError, OpenAICompatibleLLM, chatml

MESSAGES = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Say hi."}]


def test_chatml_prompt_ends_where_the_assistant_speaks():
    assert chatml(MESSAGES) == ("<|im_start|>system\nBe brief.<|im_end|>\n"
                                "<|im_start|>user\nSay hi.<|im_end|>\n<|im_start|>assistant\n")
    assert "<|im_end|>" in CHATML_STOP


# -- OpenAI-compatible ----------------------------------------------------------------
def sse(*chunks: str, done: bool = True) -> bytes:
    events = [{"choices": [{"delta": {"role": "assistant"}}]}]
    events += [{"choices": [{"delta": {"content": c}}]} for c in chunks]
    lines = [f"data: {json.dumps(e)}\n\n" for e in events] + [": keep-alive\n\n"]
    return ("".join(lines) + ("data: [DONE]\n\n" if done else "")).encode()


def mock_client(handler) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler))


def test_openai_streams_deltas_and_sends_the_request():
    seen = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen["url"] = str(request.url)
        seen["body"] = json.loads(request.content)
        return httpx.Response(200, content=sse("Hel", "lo", " [1]."),
                              headers={"content-type": "text/event-stream"})

    llm = OpenAICompatibleLLM("http://127.0.0.1:9/", "qwen", client=mock_client(handler))
    assert list(llm.stream(MESSAGES, max_tokens=20)) == ["Hel", "lo", " [1]."]
    assert seen["url"] == "http://127.0.0.1:9/v1/chat/completions"
    assert seen["body"]["stream"] is True and seen["body"]["model"] == "qwen"
    assert seen["body"]["messages"] == MESSAGES and seen["body"]["max_tokens"] == 20
    assert llm.complete(MESSAGES) == "Hello [1]."


def test_openai_http_error_is_an_llm_error_naming_the_url():
    llm = OpenAICompatibleLLM("http://127.0.0.1:9/v1", client=mock_client(
        lambda r: httpx.Response(404, text="model not found")))
    with pytest.raises(LLMError, match=r"http://127.0.0.1:9/v1/chat/completions.*404.*model not found"):
        llm.complete(MESSAGES)


def test_openai_error_event_and_garbage_are_llm_errors():
    error = b'data: {"error": {"message": "context length exceeded"}}\n\n'
    llm = OpenAICompatibleLLM("http://h:1", client=mock_client(lambda r: httpx.Response(200, content=error)))
    with pytest.raises(LLMError, match="context length exceeded"):
        llm.complete(MESSAGES)
    llm = OpenAICompatibleLLM("http://h:1", client=mock_client(lambda r: httpx.Response(200, content=b"data: {oops\n")))
    with pytest.raises(LLMError, match="not JSON"):
        llm.complete(MESSAGES)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_openai_connection_refused_names_the_url():
    url = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens there
    with pytest.raises(LLMError, match=rf"cannot reach the answer server at {url}/chat/completions"):
        OpenAICompatibleLLM(url).complete(MESSAGES)


@pytest.mark.parametrize("url", ["", "localhost:8080", "ftp://x"])
def test_openai_url_must_be_http(url):
    with pytest.raises(LLMError, match="--llm-url"):
        OpenAICompatibleLLM(url)


# -- build_llm --------------------------------------------------------------------------
def test_build_llm_none_means_extractive(tmp_path):
    assert build_llm(Settings(home=tmp_path, llm="none")) is None


def test_build_llm_openai_needs_a_url(tmp_path):
    with pytest.raises(LLMError, match="--llm-url"):
        build_llm(Settings(home=tmp_path, llm="openai"))
    llm = build_llm(Settings(home=tmp_path, llm="openai", llm_url="http://127.0.0.1:8080", llm_model="m"))
    assert isinstance(llm, OpenAICompatibleLLM) and llm.base == "http://127.0.0.1:8080/v1"


def test_build_llm_embedded_without_the_model_says_where_it_looked(tmp_path):
    with pytest.raises(LLMError, match=r"not at .*qwen2.5-coder-1.5b-instruct-q4_k_m.gguf.*--llm none"):
        build_llm(Settings(home=tmp_path, llm="embedded"))


def test_first_token_recorder_keeps_the_likeliest_opening_of_the_watched_phrase_and_changes_nothing():
    import numpy as np

    from qa.llm import _FirstTokenRecorder

    recorder = _FirstTokenRecorder(watched_ids=[2, 3], steps=3)
    first = np.log(np.array([0.1, 0.6, 0.2, 0.1], dtype=np.float32)) + 7.0  # logits: any shift
    assert recorder.result() is None
    out = recorder(np.array([5, 6]), first.copy())
    assert np.array_equal(out, first)
    assert recorder.result().watched_probability == pytest.approx(0.3, abs=1e-5)  # both ids count
    recorder(np.array([5, 6, 1]), np.log(np.array([0.05, 0.05, 0.8, 0.1], dtype=np.float32)))  # "Short answer: NOT"
    recorder(np.array([5, 6, 1, 2]), np.log(np.array([0.97, 0.01, 0.01, 0.01], dtype=np.float32)))
    recorder(np.array([5, 6, 1, 2, 0]), np.log(np.array([0.0, 0.0, 1.0, 0.0], dtype=np.float32) + 1e-9))  # too late
    result = recorder.result()
    assert result.top == pytest.approx(np.log(0.6), abs=1e-5)  # the first step's likeliest token
    assert result.watched_probability == pytest.approx(0.9, abs=1e-5)


def test_a_banning_recorder_reads_the_watched_phrase_first_then_makes_it_impossible_at_the_watched_steps():
    import numpy as np

    from qa.llm import _FirstTokenRecorder

    recorder = _FirstTokenRecorder(watched_ids=[2], steps=2, ban=True)
    likely_abstain = np.log(np.array([0.1, 0.2, 0.7], dtype=np.float32))
    out = recorder(np.array([5]), likely_abstain.copy())
    assert out[2] == -np.inf and np.argmax(out) == 1  # the model writes its next choice
    assert recorder.result().watched_probability == pytest.approx(0.7, abs=1e-5)  # read before the ban
    out = recorder(np.array([5, 1]), likely_abstain.copy())
    assert out[2] == -np.inf
    out = recorder(np.array([5, 1, 0]), likely_abstain.copy())  # past the watched steps: untouched
    assert np.array_equal(out, likely_abstain)


def test_recorder_keeps_each_written_tokens_log_probability_even_when_it_was_not_the_likeliest():
    import numpy as np

    from qa.llm import _FirstTokenRecorder

    texts = {0: "Short", 1: " answer", 2: ":", 3: " Nor"}
    recorder = _FirstTokenRecorder(watched_ids=[3], steps=1, token_text=texts.get)
    step = np.log(np.array([0.7, 0.1, 0.1, 0.1], dtype=np.float32))
    recorder(np.array([9, 9]), step.copy())
    recorder(np.array([9, 9, 0]), np.log(np.array([0.1, 0.2, 0.3, 0.4], dtype=np.float32)))
    recorder(np.array([9, 9, 0, 1]), step.copy())  # token 1 written though 3 was likelier (repeat penalty)
    opening = recorder.result().opening
    assert [t for t, _ in opening] == ["Short", " answer"]
    assert [round(float(np.exp(p)), 3) for _, p in opening] == [0.7, 0.2]


def test_recorder_without_token_text_keeps_no_opening():
    import numpy as np

    from qa.llm import _FirstTokenRecorder

    recorder = _FirstTokenRecorder(watched_ids=[0], steps=1)
    for n in range(3):
        recorder(np.arange(n + 1), np.zeros(4, dtype=np.float32))
    assert recorder.result().opening == ()


# -- the real embedded model --------------------------------------------------------------
@pytest.fixture(scope="module")
def embedded() -> EmbeddedLLM:
    path = Settings().llm_path
    if not path.is_file():
        pytest.fail(f"the GGUF is missing at {path}: run `make models` first")
    return EmbeddedLLM(path, n_ctx=2048)


@pytest.mark.slow
def test_embedded_streams_and_stops_at_end_of_turn(embedded):
    pieces = list(embedded.stream([{"role": "system", "content": "Reply with one word."},
                                   {"role": "user", "content": "What colour is the sky on a clear day?"}],
                                  max_tokens=16))
    text = "".join(pieces)
    assert len(pieces) >= 1 and "blue" in text.lower()
    assert "<|im_end|>" not in text and "<|im_start|>" not in text
    assert embedded.last_prompt_tokens > 10


def count_evaluated(monkeypatch) -> list[int]:
    """Records how many tokens each llama.cpp `eval` call reads, in every context (made now or later)."""
    import llama_cpp

    evaluated: list[int] = []
    real_eval = llama_cpp.Llama.eval
    monkeypatch.setattr(llama_cpp.Llama, "eval",
                        lambda self, tokens: (evaluated.append(len(tokens)), real_eval(self, tokens))[1])
    return evaluated


@pytest.mark.slow
def test_embedded_reuses_the_system_prompt_prefix(embedded, monkeypatch):
    # Counted, not timed: the tokens llama.cpp evaluates for the prompt. With the system prompt's
    # prefix kept in the KV cache, the second question evaluates only its own turn.
    system = {"role": "system", "content": "You answer from the passages. " * 40}  # ~250 tokens
    evaluated = count_evaluated(monkeypatch)

    def prompt_tokens(question: str) -> int:
        evaluated.clear()
        list(embedded.stream([system, {"role": "user", "content": question}], max_tokens=1))
        return evaluated[0]

    cold = prompt_tokens("Question one?")
    warm = prompt_tokens("Question two?")  # only the user turn is new
    assert cold > 200 and warm < 30, (cold, warm)


@pytest.mark.slow
def test_a_request_with_another_system_prompt_does_not_evict_the_answer_prefix(embedded, monkeypatch):
    # A follow-up's rewrite between two answers runs in a second context (qa/llm_contexts.py):
    # in one context it evicted the answer's system prompt, which the next answer read again.
    system = {"role": "system", "content": "You answer from the news passages. " * 40}
    evaluated = count_evaluated(monkeypatch)
    list(embedded.stream([system, {"role": "user", "content": "Question one?"}], max_tokens=1))
    rewrite = embedded.complete([{"role": "system", "content": "Rewrite the follow-up as one question."},
                                 {"role": "user", "content": "Follow-up: How old is he?"}], max_tokens=8)
    assert rewrite.strip()
    evaluated.clear()
    list(embedded.stream([system, {"role": "user", "content": "Question two?"}], max_tokens=1))
    assert evaluated[0] < 30, evaluated
    assert len(embedded._contexts.contexts) == 2


@pytest.mark.slow
def test_embedded_reports_how_likely_the_watched_phrase_was(embedded):
    def ask(content: str) -> float:
        messages = [{"role": "system", "content": "If the question is about the sky, answer it in one word. "
                                                  "Otherwise reply with exactly: NOT_IN_ARCHIVE"},
                    {"role": "user", "content": content}]
        reply = "".join(embedded.stream(messages, max_tokens=8, watch="NOT_IN_ARCHIVE"))
        assert embedded.first_token is not None
        return reply, embedded.first_token.watched_probability

    sky_reply, sky_p = ask("What colour is the sky on a clear day?")
    tax_reply, tax_p = ask("What was the tax rate in Ruritania in 1904?")
    assert "NOT_IN_ARCHIVE" not in sky_reply and "NOT_IN_ARCHIVE" in tax_reply
    assert sky_p < 0.5 < tax_p


@pytest.mark.slow
def test_embedded_kept_from_the_watched_phrase_answers_and_still_says_how_likely_it_was(embedded):
    messages = [{"role": "system", "content": "If the question is about the sky, answer it in one word. "
                                              "Otherwise reply with exactly: NOT_IN_ARCHIVE"},
                {"role": "user", "content": "What was the tax rate in Ruritania in 1904?"}]
    reply = "".join(embedded.stream(messages, max_tokens=8, watch="NOT_IN_ARCHIVE", ban_watched=True))
    assert "NOT_IN_ARCHIVE" not in reply and reply.strip(), reply
    assert embedded.first_token.watched_probability > 0.5  # what it would have written, read before the ban


@pytest.mark.slow
def test_embedded_continues_a_prefix_written_for_it_and_yields_it_with_its_first_piece(embedded, monkeypatch):
    messages = [{"role": "system", "content": "Reply 'Short answer: ' and one word if the question is about the "
                                              "sky. Otherwise reply with exactly: NOT_IN_ARCHIVE"},
                {"role": "user", "content": "What was the tax rate in Ruritania in 1904?"}]
    evaluated = count_evaluated(monkeypatch)
    pieces = list(embedded.stream(messages, max_tokens=8, watch="NOT_IN_ARCHIVE", ban_watched=True,
                                  prefix="Short answer:"))
    reply = "".join(pieces)
    # The reply's start is read once over the prompt; the prefixed prompt reuses it (only the prefix is new).
    assert len(evaluated) >= 2 and evaluated[1] < 8, evaluated
    assert pieces[0].startswith("Short answer:") and len(pieces[0]) > len("Short answer:"), pieces
    assert "NOT_IN_ARCHIVE" not in reply and reply[len("Short answer:"):].strip(), reply
    assert embedded.first_token.opening[0] == ("Short answer:", 0.0)
    # Read where the reply begins, before the prefix (after "Short answer:" it was 0.13 here, 2026-12-05):
    # the same reading as the reply written without a prefix.
    kept = embedded.first_token
    list(embedded.stream(messages, max_tokens=8, watch="NOT_IN_ARCHIVE"))
    free = embedded.first_token
    # Not bit-equal: the second request re-evaluates only the prompt's last token (a one-token batch), and
    # the quantised kernels round differently than over the whole prompt (0.05 apart here, 2026-12-05).
    assert kept.top == pytest.approx(free.top, abs=0.1)
    assert kept.watched == pytest.approx(free.watched, abs=0.1) and kept.watched_probability > 0.3, (kept, free)


@pytest.mark.slow
def test_embedded_opening_is_the_reply_it_wrote_with_how_sure_it_was_of_each_token(embedded):
    from qa.short_answer import short_answer_logprobs

    messages = [{"role": "system", "content": "Open your reply with 'Short answer: ' and the answer on its own line."},
                {"role": "user", "content": "What is the capital of France?"}]
    reply = "".join(embedded.stream(messages, max_tokens=12, watch="NOT_IN_ARCHIVE"))
    opening = embedded.first_token.opening
    assert "".join(t for t, _ in opening) == reply[:len("".join(t for t, _ in opening))]
    # Every token written, but perhaps the last (its log-probability is read at the next step).
    assert len(opening) >= len(embedded._llm.tokenize(reply.encode(), add_bos=False)) - 1
    sure = short_answer_logprobs(opening)
    assert reply.startswith("Short answer: Paris") and sure and min(sure) > -0.5, (reply, opening)


@pytest.mark.slow
def test_embedded_refuses_a_prompt_longer_than_its_context(embedded):
    with pytest.raises(LLMError, match="exceeds the model context"):
        embedded.complete([{"role": "user", "content": "word " * 3000}])


def test_openings_grammar_lists_each_opening_as_a_literal():
    from qa.llm import openings_grammar

    assert openings_grammar(['Short answer: "Big" Ben\n', "NOT_IN_ARCHIVE", "NOT_IN_ARCHIVE"]) == (
        'root ::= "Short answer: \\"Big\\" Ben\\n" | "NOT_IN_ARCHIVE"\n')


@pytest.mark.slow
def test_embedded_opens_with_one_of_the_openings_then_writes_freely(embedded):
    # Unconstrained, the model writes "Olaf Scholz"; held to the openings it must pick one in their
    # spelling — the right one — and then goes on past the opening's line.
    messages = [{"role": "system", "content": "Answer from the passage."},
                {"role": "user", "content": "Passage: Chancellor Olaf Scholz travelled to Kyiv on Monday with "
                                            "President Emmanuel Macron.\nQuestion: Who travelled to Kyiv with Macron? "
                                            "Open with 'Short answer: ' and the answer on its own line, then one sentence."}]
    openings = ("Short answer: Biden, Joe\n", "Short answer: Scholz, Olaf\n", "NOT_IN_ARCHIVE")
    reply = "".join(embedded.stream(messages, max_tokens=48, watch="NOT_IN_ARCHIVE", openings=openings))
    assert reply.startswith("Short answer: Scholz, Olaf\n") and len(reply) > len(openings[1]) + 10, reply
    assert embedded.first_token is not None and embedded.first_token.opening
