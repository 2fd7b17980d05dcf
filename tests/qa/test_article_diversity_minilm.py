"""Per-article diversity with the real MiniLM over a small store on disk: one long article
whose every chunk matches the question fills plain fusion's top 10; with `+diverse` the
two short articles on the same event come in near the top."""

from __future__ import annotations

from datetime import date

import pytest

from qa.query import understand
from qa.retrieval import HybridRetriever
from qa.retrieval_config import parse_retriever
from tests.qa.test_article_diversity import LONG_TITLE, OTHER_TITLES, build


@pytest.mark.slow
def test_real_minilm_diverse_brings_other_articles_up(tmp_path, real_embedder):
    store = build(tmp_path, real_embedder)
    query = understand("Kelvale river festival regatta", outlets=list(store.outlets()), as_of=date(2022, 7, 1), k=10)
    plain = HybridRetriever(store, real_embedder, config=parse_retriever("newsdesk-diverse")).retrieve(query)
    diverse = HybridRetriever(store, real_embedder, config=parse_retriever("newsdesk+diverse")).retrieve(query)

    def first_other(passages) -> int:
        return next((i for i, p in enumerate(passages) if p.title != LONG_TITLE), len(passages))

    assert first_other(diverse) < first_other(plain), ([p.title for p in plain], [p.title for p in diverse])
    assert set(OTHER_TITLES) <= {p.title for p in diverse[:6]}, [p.title for p in diverse]
    assert diverse[0] == plain[0]
