"""The runner calls the answering stages once per question: understand, retrieve, answer.

A full run retrieves once, at max(depth, k), scores the first `depth` passages
and answers from the first `k`. That cut is exact only because the hybrid
retriever's top k at a deeper depth is what it returns at k: pinned here on a
real store, outlets searched one by one and syndicated copies included, and
checked end to end (the run's answers are `ask`'s).
"""

from __future__ import annotations

import json

import pytest

from eval.questions import Question, parse_lines
from eval.runner import RunOptions, run_eval
from eval_fakes import QUESTIONS, FakeQA
from qa.answer import NewsQA
from qa.retrieval import HybridRetriever
from qa.retrieval_config import PRESETS
from tests.qa.test_retrieval import AS_OF, ask, build_store

# A wire story carried word for word by TASS and the BBC, each with its own last line (so both are
# kept as articles): each outlet's search keeps its copy of the shared first chunk, the merged list
# keeps one (the case where a cut of the deeper list could differ).
WIRE_TITLE = "Syria ceasefire talks resume in Astana"
WIRE = " ".join(f"Monitors from Russia, Turkey and Iran met in Astana for the {n} time to review the Syria "
                f"ceasefire, which they said was largely holding near Aleppo despite {n} violations."
                for n in ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                          "tenth", "eleventh", "twelfth"))

def questions():
    return parse_lines([json.dumps(q) for q in QUESTIONS], "fake.jsonl")


@pytest.mark.parametrize("retrieval_only", [True, False])
def test_each_question_is_understood_and_retrieved_once(tmp_path, retrieval_only):
    qa = FakeQA()
    options = RunOptions(retrieval_only=retrieval_only, depth=10, quiet=True)
    outcome = run_eval(qa, questions(), tmp_path / "run", options)
    asked = [q["question"] for q in QUESTIONS]
    assert outcome.complete and qa.understood == asked
    assert qa.retrieved == [(q, 10) for q in asked]  # once, at the eval depth (≥ k)
    assert qa.asked == ([] if retrieval_only else asked)


def test_a_full_run_answers_from_the_first_k_of_the_one_retrieval(tmp_path):
    answered: list[int] = []

    class Counting(FakeQA):
        def answer(self, query, passages, **timing):
            answered.append(len(passages))
            return super().answer(query, passages, **timing)

    qa = Counting()
    qa.k = 2
    run_eval(qa, questions(), tmp_path / "deep", RunOptions(depth=3, quiet=True))
    assert answered == [2] * len(QUESTIONS) and {d for _, d in qa.retrieved} == {3}
    answered.clear()
    qa = Counting()  # depth below k: retrieved at k, scored at depth
    run_eval(qa, questions(), tmp_path / "shallow", RunOptions(depth=1, quiet=True))
    assert answered == [3] * len(QUESTIONS) and {d for _, d in qa.retrieved} == {6}


def wire_store(tmp_path, embedder):
    docs = tmp_path / "wire"
    docs.mkdir()
    for outlet, url in (("TASS", "https://tass.example/wire"), ("BBC", "https://bbc.example/wire")):
        (docs / f"{outlet}.txt").write_text(f"{WIRE_TITLE}\nDate: 2017-02-15\nSource: {outlet}\nURL: {url}\n\n"
                                            f"{WIRE}\n\nThis report is from {outlet}.\n", encoding="utf-8")
    store = build_store(tmp_path, embedder, extra=[docs / "TASS.txt", docs / "BBC.txt"])
    retriever = HybridRetriever(store, embedder)

    def shared(*sources):
        return [p.text for p in retriever.retrieve(ask(store, "Astana monitors first time", k=20, sources=sources))
                if "for the first time" in p.text]
    assert shared("TASS") == shared("BBC") and len(shared("TASS", "BBC")) == 1  # each outlet's copy; merged: one
    return store


@pytest.mark.parametrize("preset", ["newsdesk", "dense", "keyword", "rrf"])
def test_the_top_k_of_a_deeper_retrieval_is_the_retrieval_at_k(tmp_path, fake_embedder, preset):
    store = wire_store(tmp_path, fake_embedder)
    for per_article in (None, 1):
        retriever = HybridRetriever(store, fake_embedder, config=PRESETS[preset], per_article=per_article)
        for question, sources in [("Is the Syria ceasefire holding near Aleppo?", ()),
                                  ("Syria ceasefire Astana storm election", ("TASS", "BBC")),
                                  ("ceasefire Astana Russia", ("TASS", "BBC", "Al Jazeera")),
                                  ("What happened?", ("BBC",))]:
            deepest = retriever.retrieve(ask(store, question, k=20, sources=sources))
            for k in range(1, 11):
                at_k = retriever.retrieve(ask(store, question, k=k, sources=sources))
                assert deepest[:k] == at_k, (preset, per_article, question, sources, k)


def test_a_full_run_gives_the_answers_ask_gives(tmp_path, fake_embedder):
    qa = NewsQA(wire_store(tmp_path, fake_embedder), fake_embedder, None, k=3)
    asks = ["Is the Syria ceasefire holding?", "What did TASS and the BBC report about the ceasefire?",
            "Where did the Super Bowl go to overtime?", "Who won the cricket world cup?"]
    qs = [Question(id=f"q{i}", question=text, answers=(), type="factoid", gold_articles=(), as_of=AS_OF)
          for i, text in enumerate(asks)]
    outcome = run_eval(qa, qs, tmp_path / "run", RunOptions(depth=10, quiet=True))
    for record, text in zip(outcome.records, asks):
        answer = qa.ask(text, as_of=AS_OF)
        assert record["answer"] == answer.text and record["abstained"] == answer.abstained, text
        assert [c["article_id"] for c in record["citations"]] == [c.article_id for c in answer.citations]
