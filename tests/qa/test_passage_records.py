"""Passages, citations and closest articles embed the article's `ArticleRef`; their JSON
keeps the keys and order `newsdesk ask --json` has always printed."""

from __future__ import annotations

import dataclasses
import json

from index.article import ArticleRef, RefersToArticle
from qa.answer import ClosestArticle, closest_articles
from qa.citations import Citation, verify_answer
from qa.retrieval import Passage

BODY = "The ferry line to the islands reopened on Tuesday. The pier at Valdora was repaired."
REF = ArticleRef("https://port.example/ferry", "Ferry line reopens", "Port News", "2024-03-12",
                 "https://port.example/ferry")
COPY = ArticleRef("https://wire.example/ferry", "Ferry back", "Northwind Wire", "2024-03-13", None)


def passage(ref: ArticleRef = REF, dense: float = 0.61234) -> Passage:
    return Passage(f"{ref.article_id}#0", ref, BODY, 0, len(BODY), 0.03, dense_score=dense, keyword_rank=1,
                   also_in=(COPY,))


def test_records_reuse_the_one_reference():
    for record in (Passage, Citation, ClosestArticle):
        names = [f.name for f in dataclasses.fields(record)]
        assert "ref" in names and not {"article_id", "title", "source", "published", "url"} & set(names)
        assert issubclass(record, RefersToArticle)
    p = passage()
    assert (p.article_id, p.title, p.source, p.published, p.url) == tuple(REF.to_json().values())


def test_a_citation_carries_its_passage_s_reference_and_json(fake_embedder):
    p = passage()
    _, _, citations = verify_answer("The ferry line reopened on Tuesday [1].", [p], fake_embedder)
    cite, = citations
    assert cite.ref is p.ref and cite.also_in == (COPY,)
    data = cite.to_json()
    assert list(data) == ["n", "article_id", "title", "source", "published", "url", "passage", "quote",
                          "quote_start", "quote_end", "supported", "also_in"]
    assert data["quote"] == "The ferry line to the islands reopened on Tuesday."
    assert (data["quote_start"], data["quote_end"]) == (0, len(data["quote"]))
    assert data["also_in"] == [COPY.to_json()] and data["article_id"] == REF.article_id
    json.dumps(data)


def test_closest_articles_json_is_the_reference_and_a_rounded_score():
    other = ArticleRef("sha:2", "Pier repairs", None, None, None)
    closest = closest_articles([passage(other, 0.2), passage(), passage(dense=0.1)])
    assert [c.ref for c in closest] == [REF, other]
    assert closest[0].to_json() == {**REF.to_json(), "score": 0.612}
    assert list(closest[1].to_json()) == ["article_id", "title", "source", "published", "url", "score"]


def test_passage_json_names_the_article_like_every_other_record():
    data = passage().to_json()
    assert list(data) == ["chunk_id", "article_id", "title", "source", "published", "url", "text", "start", "end",
                          "score", "dense_score", "keyword_rank", "dense_rank", "also_in"]
    assert data["also_in"] == [COPY.to_json()] and data["text"] == BODY
    json.dumps(data)
