"""The answering stages: understand → retrieve → answer, each once per ask.

`NewsQA.ask_stream` is `understand` (the `Query`, built once), `retrieve`
(once) and `answer_stream`; calling the stages one by one gives the same
answer. A follow-up is checked (`check_question`, tests/qa/test_query_check.py)
before the model rewrites it, and understood once, from the rewrite.
Real on-disk store with the fake embedder; no model (extractive answers) or a
counting fake rewriter.
"""

from __future__ import annotations

import pytest

import qa.query as query_module
from qa.answer import Done, NewsQA, SourcesFound
from qa.query import QuestionError, understand
from tests.qa.test_retrieval import AS_OF, build_store


class CountingRetriever:
    """The product's retriever, counting its calls."""

    def __init__(self, inner) -> None:
        self.inner, self.queries = inner, []

    def retrieve(self, query):
        self.queries.append(query)
        return self.inner.retrieve(query)


class Rewriter:
    """A fake model that rewrites every follow-up the same way, counting its calls."""

    def __init__(self, reply: str) -> None:
        self.reply, self.calls = reply, 0

    def complete(self, messages, **kw) -> str:
        self.calls += 1
        return self.reply


@pytest.fixture()
def counted(tmp_path, fake_embedder, monkeypatch):
    """A NewsQA over a real store whose `understand` calls and retrievals are counted."""
    store = build_store(tmp_path, fake_embedder)
    qa = NewsQA(store, fake_embedder, None)
    qa.retriever = CountingRetriever(qa.retriever)
    calls: list[tuple[str, str | None]] = []

    def counting(question, **kw):
        calls.append((question, kw.get("standalone")))
        return understand(question, **kw)

    monkeypatch.setattr(query_module, "understand", counting)
    return qa, calls


def test_an_ask_understands_and_retrieves_once(counted):
    qa, calls = counted
    answer = qa.ask("Is the Syria ceasefire holding?", as_of=AS_OF)
    assert not answer.abstained and answer.citations
    assert calls == [("Is the Syria ceasefire holding?", None)]
    assert len(qa.retriever.queries) == 1 and qa.retriever.queries[0].k == qa.k


def test_a_followup_is_checked_then_understood_once_from_one_rewrite(counted):
    qa, calls = counted
    qa.llm = Rewriter("What did TASS say about the Syria ceasefire?")
    history = [{"role": "user", "content": "Is the Syria ceasefire holding?"},
               {"role": "assistant", "content": "Russia said it was largely holding [1]."}]
    answer = qa.ask("What did they say next?", history, as_of=AS_OF)
    assert qa.llm.calls == 1
    assert calls == [("What did they say next?", "What did TASS say about the Syria ceasefire?")]
    assert answer.standalone_question == "What did TASS say about the Syria ceasefire?"
    assert len(qa.retriever.queries) == 1 and qa.retriever.queries[0].sources == ("TASS",)


def test_a_followup_with_a_bad_filter_fails_before_the_model_is_asked(counted):
    qa, calls = counted
    qa.llm = Rewriter("What did the BBC say about the storm?")
    history = [{"role": "user", "content": "What did Storm Doris do?"}]
    with pytest.raises(QuestionError, match="unknown outlet 'Nobody'"):
        qa.ask("And what did they say next?", history, sources=["Nobody"], as_of=AS_OF)
    assert qa.llm.calls == 0 and calls == [] and qa.retriever.queries == []


def test_the_stages_called_one_by_one_give_the_answer_ask_gives(tmp_path, fake_embedder):
    qa = NewsQA(build_store(tmp_path, fake_embedder), fake_embedder, None)
    for question in ("Is the Syria ceasefire holding?", "What did TASS and the BBC report?",
                     "Who won the cricket world cup?"):
        events = list(qa.ask_stream(question, as_of=AS_OF))
        asked = events[-1].answer
        query = qa.understand(question, as_of=AS_OF)
        passages = qa.retrieve(query)
        staged = qa.answer(query, passages, retrieve_ms=1.0)
        assert isinstance(events[0], SourcesFound) and events[0].passages == passages
        assert [type(e) for e in events[1:-1]] == [type(e) for e in qa.answer_stream(query, passages)][:-1]
        assert isinstance(events[-1], Done)
        assert (staged.text, staged.abstained, staged.citations, staged.passages, staged.signals) == \
               (asked.text, asked.abstained, asked.citations, asked.passages, asked.signals)
        assert staged.timings_ms["retrieve"] == 1.0 and set(staged.timings_ms) == set(asked.timings_ms)


def test_retrieve_takes_another_depth_without_understanding_again(tmp_path, fake_embedder):
    qa = NewsQA(build_store(tmp_path, fake_embedder), fake_embedder, None, k=3)
    query = qa.understand("Russia Syria ceasefire Arctic storm election", as_of=AS_OF)
    assert query.k == 3 and len(qa.retrieve(query)) == 3
    assert qa.retrieve(query, k=6)[:3] == qa.retrieve(query)
