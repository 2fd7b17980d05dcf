"""Keyword search's head kept in the fused top 10 with the real MiniLM over a small store on
disk (the fixture of test_ranking_heads.py). MiniLM ranks the winner's notice first itself, but
keyword search's picks 2 and 3 (the long article's opening chunks) fall outside MiniLM's top 30,
so plain fusion votes them out of its top 10; `+kw-head=3` keeps them and changes nothing else."""

from __future__ import annotations

from datetime import date

import pytest

from qa.query import understand
from qa.retrieval import HybridRetriever
from qa.retrieval_config import parse_retriever
from tests.qa.test_ranking_heads import QUESTION, build


@pytest.mark.slow
def test_real_minilm_keyword_head_kept_in_the_top_10(tmp_path, real_embedder):
    store = build(tmp_path, real_embedder)
    query = understand(QUESTION, outlets=list(store.outlets()), as_of=date(2022, 7, 1), k=10)
    plain = HybridRetriever(store, real_embedder, config=parse_retriever("newsdesk")).retrieve(query)
    kept = HybridRetriever(store, real_embedder, config=parse_retriever("newsdesk+kw-head=3")).retrieve(query)
    keyword = HybridRetriever(store, real_embedder, config=parse_retriever("keyword")).retrieve(query)

    head = [p.chunk_id for p in keyword[:3]]
    voted_out = [c for c in head if c not in {p.chunk_id for p in plain}]
    assert voted_out, [(p.title, p.keyword_rank, p.dense_rank) for p in plain]  # the dense half's veto, real
    assert set(head) <= {p.chunk_id for p in kept}, [(p.title, p.keyword_rank, p.dense_rank) for p in kept]
    n = len(kept) - len(voted_out)
    assert [p.chunk_id for p in kept[:n]] == [p.chunk_id for p in plain[:n]]  # the fused order otherwise kept
    assert [p.chunk_id for p in kept[n:]] == voted_out
