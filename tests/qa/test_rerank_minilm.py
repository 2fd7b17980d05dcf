"""The rerank stage with the real MiniLM over a small store on disk: a passage whose
one sentence answers the question, but which has fewer keyword hits and a diluted
chunk vector, is lifted into the top 4 by `+rerank`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from index.chunking import Chunker
from index.pipeline import Indexer
from index.store import ArchiveStore
from qa.query import understand
from qa.retrieval import HybridRetriever
from qa.retrieval_config import parse_retriever
from qa.settings import Settings

# Plain fusion against the same with the rerank, its sentence ranking weighted 2x so the test does not hang
# on the flatness of RRF near the top.
PLAIN, RERANKED = parse_retriever("rrf"), replace(parse_retriever("rrf+rerank"), rerank_weight=2.0)

QUESTION = "Which country banned rainbow-coloured toys this week?"
ANSWER_TITLE = "Riyadh round-up"
ANSWER_BODY = (  # one answering sentence among city news: few question words, a diluted chunk vector
    "Traffic on the King Fahd Road was slow on Monday because of roadworks near the financial district. "
    "The municipality opened two new parks in the north of the city. "
    "Temperatures are expected to reach 45 degrees by the weekend. "
    "Saudi Arabia's commerce ministry said it would confiscate rainbow-coloured toys from shops. "
    "A new metro line is due to open next year after long delays. "
    "The city's book fair drew record crowds, organisers said. "
    "Hospitals reported fewer heat-stroke cases than last summer. "
    "The airport added flights to Cairo and Amman for the holidays. "
    "A football derby in the capital ended goalless on Friday night.")
DISTRACTORS = [  # every question word, scattered over sentences about other things; distinct texts, so no
    # two are grouped as syndicated copies (index/syndication.py)
    ("Ohio county fair", "Country music filled the Ohio fairground on Saturday. Organisers banned glass bottles "
     "near the stage. A rainbow of coloured lanterns lit the midway, and toys were raffled for charity this week."),
    ("Lisbon football notes", "The league banned a Lisbon striker for three matches after a brawl. Fans in the "
     "country's capital waved coloured scarves. Children swapped toys outside the stadium as a rainbow formed."),
    ("Manila weather", "A rainbow appeared over Manila Bay after this week's storm. The country's weather agency "
     "banned small boats from sailing. Shops selling coloured umbrellas and toys stayed open late."),
    ("Oslo market day", "Brightly coloured toys and wooden puzzles sold out at the Oslo market by noon. The city "
     "banned cars from the square for the day. Musicians played country songs under a rainbow banner this week."),
    ("Lagos festival", "Drummers from across the country gathered in Lagos this week. Police banned fireworks near "
     "the lagoon. Stalls offered coloured beads, toys and rainbow-striped fabrics to visitors."),
    ("Perth school holidays", "Parents in Perth queued for coloured kites and toys this week. The council banned "
     "barbecues in dry parks. The country's longest rainbow sighting was recorded near the coast."),
    ("Quebec summer camps", "Camps across Quebec banned phones for campers this summer. Counsellors painted a "
     "rainbow mural and handed out coloured pencils. Donated toys came from across the country this week."),
    ("Dublin toy museum", "A Dublin museum opened a gallery of antique toys this week. Visitors from across the "
     "country admired coloured tin soldiers. Flash photography was banned after a rainbow-lit display was damaged."),
]


def build(tmp_path: Path, embedder) -> ArchiveStore:
    docs = tmp_path / "docs"
    docs.mkdir()
    for n, (title, body) in enumerate([(ANSWER_TITLE, ANSWER_BODY), *DISTRACTORS]):
        (docs / f"a{n}.txt").write_text(f"{title}\nDate: 2022-06-20\n\n{body}\n", encoding="utf-8")
    store = ArchiveStore(tmp_path / "store")
    settings = Settings()
    report = Indexer(store, embedder, Chunker(embedder.tokenize, settings.chunk_tokens, settings.chunk_overlap),
                     quiet=True).ingest([docs])
    assert report.failed == [] and report.added == 1 + len(DISTRACTORS)
    return store


@pytest.mark.slow
def test_answer_sentence_passage_is_lifted_into_the_top_4(tmp_path, real_embedder):
    store = build(tmp_path, real_embedder)
    query = understand(QUESTION, outlets=list(store.outlets()), as_of=date(2022, 6, 23), k=10,
                       span=store.date_span())
    plain = [p.title for p in HybridRetriever(store, real_embedder, config=PLAIN).retrieve(query)]
    reranked = [p.title for p in HybridRetriever(store, real_embedder, config=RERANKED).retrieve(query)]
    assert plain.index(ANSWER_TITLE) >= 4, plain  # the fixture's point: fusion alone leaves it below the top 4
    assert reranked.index(ANSWER_TITLE) < 4, reranked
