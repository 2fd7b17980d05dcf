"""The rerank stage (qa/rerank.py): ordering by best sentence, depth, stability, the
sentence-vector cache, and that it is a llama-index node postprocessor."""

from __future__ import annotations

import pytest
from llama_index.core.postprocessor.types import BaseNodePostprocessor
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from qa.rerank import RRF_K, SentenceRerank, best_sentence_scores

QUESTION = "Which country banned rainbow toys"
ANSWER = ("Officials said on Tuesday they would seize toys and clothing from shops. "
          "Saudi Arabia banned rainbow toys this week.")
NOISE = ("Toys sold well this year across the region. Rainbow colours appear on many shops. "
         "The country saw record retail figures.")


def node(cid: str, text: str, score: float = 0.0) -> NodeWithScore:
    return NodeWithScore(node=TextNode(id_=cid, text=text), score=score)


def pool(n_noise: int = 5) -> list[NodeWithScore]:
    """Fused order: noise first, the passage with the answer sentence last."""
    return [node(f"noise{i}", f"{NOISE} Item {i}.") for i in range(n_noise)] + [node("answer", ANSWER)]


def test_is_a_llama_index_postprocessor(fake_embedder):
    rerank = SentenceRerank(fake_embedder)
    assert isinstance(rerank, BaseNodePostprocessor)
    out = rerank.postprocess_nodes(pool(), query_str=QUESTION)  # the llama-index call signature
    assert out and all(isinstance(n, NodeWithScore) for n in out)


def test_passage_with_the_answer_sentence_is_lifted(fake_embedder):
    out = SentenceRerank(fake_embedder, sentence_weight=2.0).postprocess_nodes(pool(), QueryBundle(QUESTION))
    ids = [n.node.node_id for n in out]
    assert ids.index("answer") < 5  # was last (6th) in the fused order
    assert ids.index("answer") <= 1  # with the sentence ranking weighing twice the fused order


def test_weights_zero_sentence_keeps_fused_order(fake_embedder):
    nodes = pool()
    out = SentenceRerank(fake_embedder, sentence_weight=0.0).postprocess_nodes(nodes, QueryBundle(QUESTION))
    assert [n.node.node_id for n in out] == [n.node.node_id for n in nodes]


def test_top_n_limits_depth_and_scores_are_fused_rrf(fake_embedder):
    out = SentenceRerank(fake_embedder, top_n=3).postprocess_nodes(pool(), QueryBundle(QUESTION))
    assert len(out) == 3
    assert all(n.score is not None and 0 < n.score <= 2.0 / (RRF_K + 1) for n in out)
    assert [n.score for n in out] == sorted((n.score for n in out), reverse=True)


def test_stable_and_cached(fake_embedder):
    rerank = SentenceRerank(fake_embedder)
    first = [n.node.node_id for n in rerank.postprocess_nodes(pool(), QueryBundle(QUESTION))]
    encoded = fake_embedder.texts_encoded
    second = [n.node.node_id for n in rerank.postprocess_nodes(pool(), QueryBundle(QUESTION))]
    assert first == second
    assert fake_embedder.texts_encoded == encoded + 1  # only the question again: sentences came from the cache


def test_identical_scores_keep_incoming_order(fake_embedder):
    nodes = [node(f"same{i}", NOISE) for i in range(4)]
    out = SentenceRerank(fake_embedder).postprocess_nodes(nodes, QueryBundle(QUESTION))
    assert [n.node.node_id for n in out] == [f"same{i}" for i in range(4)]


def test_empty_pool_and_missing_query(fake_embedder):
    rerank = SentenceRerank(fake_embedder)
    assert rerank.postprocess_nodes([], QueryBundle(QUESTION)) == []
    with pytest.raises(ValueError):
        rerank.postprocess_nodes(pool())
    with pytest.raises(ValueError):
        SentenceRerank(fake_embedder, top_n=0)


def test_best_sentence_scores_take_the_maximum(fake_embedder):
    sentences = [["Nothing here.", "Saudi Arabia banned rainbow toys."], ["Nothing here."], []]
    vectors = [fake_embedder.encode(s) if s else fake_embedder.encode(["x"])[:0] for s in sentences]
    q = fake_embedder.encode([QUESTION])[0]
    scores = best_sentence_scores(QUESTION, q, sentences, vectors)
    assert scores[0] > scores[1] and scores[2] == float("-inf")


def test_rerank_switch_runs_in_the_hybrid_retriever_over_a_real_store(tmp_path, fake_embedder):
    from datetime import date

    from qa.query import understand
    from qa.retrieval import HybridRetriever
    from qa.retrieval_config import parse_retriever
    from tests.qa.test_ranking_switches import build_store

    assert parse_retriever("newsdesk+rerank").rerank and not parse_retriever("newsdesk+rerank-rerank").rerank
    store = build_store(tmp_path, fake_embedder)
    query = understand("When did the harbour bridge in Portvale open?", outlets=list(store.outlets()),
                       as_of=date(2022, 12, 31), k=3, span=store.date_span())
    plain = HybridRetriever(store, fake_embedder, config=parse_retriever("newsdesk")).retrieve(query)
    retriever = HybridRetriever(store, fake_embedder, config=parse_retriever("newsdesk+rerank"))
    reranked = retriever.retrieve(query)
    assert retriever.reranker is not None and len(retriever.reranker._cache) == 3  # every passage's sentences
    assert sorted(p.chunk_id for p in reranked) == sorted(p.chunk_id for p in plain)
