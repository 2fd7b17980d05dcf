"""Evidence recall: is an answer inside the sentences the model is shown (not just somewhere in the top k)?"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from eval import metrics as m
from eval.questions import Question
from eval.runner import RunOptions, run_eval
from eval.shown import shown_sentences
from index.chunking import Chunker
from index.pipeline import Indexer
from qa.settings import Settings
from index.store import ArchiveStore
from qa.answer import NewsQA

FILLER = " ".join(f"The committee met again on day {i} to discuss the timetable." for i in range(12))


def test_evidence_recall_metric():
    assert m.evidence_recall(["The mayor is Ana Lopez … she won."], ["Ana López", "Ana Lopez"]) == 1.0
    assert m.evidence_recall(["The mayor won."], ["Ana Lopez"]) == 0.0
    assert m.evidence_recall([], ["Ana Lopez"]) == 0.0


def build(tmp_path: Path, embedder) -> ArchiveStore:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "mayor.txt").write_text("Portvale elects a mayor\nDate: 2022-05-02\n\nPortvale elected a new mayor. "
                                    "The new mayor of Portvale is Ana Lopez.\n", encoding="utf-8")
    (docs / "budget.txt").write_text("Portvale budget talks\nDate: 2022-05-03\n\nThe Portvale council discussed the "
                                     f"mayor budget. {FILLER} Council member Ben Ode said the mayor budget "
                                     "was agreed.\n", encoding="utf-8")
    store = ArchiveStore(tmp_path / "store")
    s = Settings()
    Indexer(store, embedder, Chunker(embedder.tokenize, s.chunk_tokens, s.chunk_overlap), quiet=True).ingest([docs])
    return store


def test_only_the_passages_the_prompt_sees_count(tmp_path, fake_embedder):
    store = build(tmp_path, fake_embedder)
    wide = NewsQA(store, fake_embedder, None, k=6)
    query = wide.understand("Who is the new mayor of Portvale?", as_of=date(2022, 6, 1), k=10)
    passages = wide.retrieve(query)
    assert any("Ana Lopez" in p.text for p in passages)
    assert m.evidence_recall(shown_sentences(wide, query.text, passages), ["Ana Lopez"]) == 1.0
    # the same ranking, but the prompt sees only the first passage: is it the mayor's?
    narrow = NewsQA(store, fake_embedder, None, k=1)
    first_has_it = "Ana Lopez" in passages[0].text
    assert m.evidence_recall(shown_sentences(narrow, query.text, passages), ["Ana Lopez"]) == float(first_has_it)
    assert shown_sentences(object(), query.text, passages) is None


def test_runner_records_evidence_recall(tmp_path, fake_embedder):
    store = build(tmp_path, fake_embedder)
    qa = NewsQA(store, fake_embedder, None, k=6)
    q = Question(id="q1", question="Who is the new mayor of Portvale?", answers=("Ana Lopez",), type="factoid",
                 gold_articles=(), as_of=date(2022, 6, 1))
    outcome = run_eval(qa, [q], tmp_path / "run", RunOptions(retrieval_only=True, quiet=True))
    assert outcome.records[0]["metrics"]["evidence_recall"] == 1.0
    assert outcome.records[0]["metrics"]["answer_recall@10"] == 1.0
