"""Evidence selection (spans are exact offsets into the article body)."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.article import ArticleRef
from index.text import split_sentences
from qa.evidence import Evidence, select_evidence
from qa.retrieval import Passage


ARTICLE = ("Russia continued air strikes in Syria on Oct. 2. Turkey demanded that Moscow stop. "
           "The weather in Ankara was mild. Officials met in New York. Davutoğlu said the outcome was worrying. "
           "Markets were calm. A football match was postponed.")
OTHER = "Storm Doris hit Britain. Trains were cancelled. Winds reached 94 mph. Schools stayed open."


def make_passage(body: str, start: int, end: int, article: str = "A") -> Passage:
    return Passage(f"{article}#0", ArticleRef(article, "t", "X", "2017-01-01", None), body[start:end], start, end, 0.1)


class CountingEmbedder:
    """Wraps the fake embedder to count `encode` calls."""

    def __init__(self, inner) -> None:
        self.inner, self.calls = inner, 0

    def encode(self, texts):
        self.calls += 1
        return self.inner.encode(texts)


def test_spans_point_into_the_article_body(fake_embedder):
    body = "Intro paragraph here. " + ARTICLE
    start = len("Intro paragraph here. ")
    p = make_passage(body, start, len(body))
    [ev] = select_evidence("What did Davutoğlu say about the outcome?", [p], fake_embedder, max_sentences=1,
                           neighbours=1)
    assert isinstance(ev, Evidence) and ev.passage is p
    parts = ev.text.split(" … ")
    assert len(parts) == len(ev.spans)
    for part, (s, e) in zip(parts, ev.spans):
        assert body[s:e] == part
    assert "Davutoğlu said the outcome was worrying." in ev.text
    assert "Officials met in New York." in ev.text and "Markets were calm." in ev.text  # neighbours
    assert "football" not in ev.text
    assert body[ev.best_span[0]:ev.best_span[1]] == "Davutoğlu said the outcome was worrying."
    assert -1.0 <= ev.score <= 1.0


def test_non_adjacent_sentences_joined_with_ellipsis(fake_embedder):
    p = make_passage(ARTICLE, 0, len(ARTICLE))
    [ev] = select_evidence("Russia air strikes Syria; Davutoğlu outcome worrying", [p], fake_embedder,
                           max_sentences=2, neighbours=0)
    assert ev.text == "Russia continued air strikes in Syria on Oct. 2. … Davutoğlu said the outcome was worrying."
    assert len(ev.spans) == 2 and ev.spans[0][1] < ev.spans[1][0]


def test_adjacent_sentences_become_one_span(fake_embedder):
    p = make_passage(ARTICLE, 0, len(ARTICLE))
    [ev] = select_evidence("Russia air strikes Syria Turkey demanded Moscow stop", [p], fake_embedder,
                           max_sentences=2, neighbours=0)
    assert ev.spans == ((0, ARTICLE.index("The weather") - 1),)
    assert " … " not in ev.text


def test_every_passage_keeps_its_best_sentence_and_order(fake_embedder):
    a = make_passage(ARTICLE, 0, len(ARTICLE), "A")
    b = make_passage(OTHER, 0, len(OTHER), "B")
    counting = CountingEmbedder(fake_embedder)
    out = select_evidence("Davutoğlu outcome worrying Russia strikes", [b, a], counting, max_sentences=1,
                          neighbours=0)
    assert [e.passage.article_id for e in out] == ["B", "A"]
    assert all(e.text for e in out)
    assert counting.calls == 1  # one batched encode for the question and every sentence


def test_without_every_passage_weak_passages_drop_out(fake_embedder):
    a = make_passage(ARTICLE, 0, len(ARTICLE), "A")
    b = make_passage(OTHER, 0, len(OTHER), "B")
    out = select_evidence("Davutoğlu outcome worrying", [b, a], fake_embedder, max_sentences=1, neighbours=0,
                          every_passage=False)
    assert [e.passage.article_id for e in out] == ["A"]
    assert out[0].text == "Davutoğlu said the outcome was worrying."


def test_max_sentences_bounds_the_selection(fake_embedder):
    p = make_passage(ARTICLE, 0, len(ARTICLE))
    for n in (1, 3, 5):
        [ev] = select_evidence("Russia Syria Turkey Moscow", [p], fake_embedder, max_sentences=n, neighbours=0)
        assert sum(len(split_sentences(ev.passage.text[s - p.start:e - p.start])) for s, e in ev.spans) == n


def test_overlapping_chunks_do_not_pick_the_same_sentence_twice(fake_embedder):
    cut = ARTICLE.index("Officials")
    first = Passage("A#0", ArticleRef("A", "t", "X", None, None),
                    ARTICLE[:ARTICLE.index("Markets")], 0, ARTICLE.index("Markets"), 1)
    second = Passage("A#1", ArticleRef("A", "t", "X", None, None), ARTICLE[cut:], cut, len(ARTICLE), 1)
    out = select_evidence("Davutoğlu outcome worrying", [first, second], fake_embedder, max_sentences=3,
                          neighbours=0, every_passage=False)
    texts = [part for e in out for part in e.text.split(" … ")]
    assert texts.count("Davutoğlu said the outcome was worrying.") == 1


class SameVectorEmbedder:
    """Every text gets the same unit vector, so only the keyword and answer-kind bonuses rank sentences."""

    def encode(self, texts):
        import numpy as np

        return np.ones((len(texts), 4), dtype=np.float32) / 2


@pytest.mark.parametrize("question, answering", [
    ("How many passengers did the plane carry?", "The plane carried 59 passengers."),
    ("When did the plane carry its passengers?", "The plane carried passengers on Thursday."),
    ("Where did the plane carry passengers?", "The plane carried passengers to Amsterdam."),
])
def test_a_sentence_offering_the_kind_of_answer_asked_for_ranks_first(question, answering):
    body = f"The plane carried passengers, crew said. {answering} The plane carried passengers, it said."
    [ev] = select_evidence(question, [make_passage(body, 0, len(body))], SameVectorEmbedder(), max_sentences=1,
                           neighbours=0, every_passage=False)
    assert body[ev.best_span[0]:ev.best_span[1]] == answering


def test_no_passages():
    assert select_evidence("anything", [], embedder=None) == []


@pytest.mark.slow
@pytest.mark.parametrize("question, expected", [
    ("What did the joint statement call on the Russian Federation to do?", "We call on the Russian Federation"),
    ("How long could the Russian air strike campaign last?", "could last three to four months"),
    ("Who did Davutoglu accuse Russia of targeting?", "of targeting moderate Syrian rebels"),
])
def test_real_model_picks_the_supporting_sentence(real_embedder, shared_dir, question, expected):
    from index.readers.text import parse_text_article

    path = sorted((shared_dir / "samples").glob("*.txt"))[0]
    body = parse_text_article(path.read_text(encoding="utf-8"), str(path)).body
    thirds = [0, len(body) // 3, 2 * len(body) // 3, len(body)]
    passages = [make_passage(body, thirds[i], thirds[i + 1], "S") for i in range(3)]
    [best] = select_evidence(question, passages, real_embedder, max_sentences=1, neighbours=0, every_passage=False)
    assert expected in body[best.best_span[0]:best.best_span[1]]
    out = select_evidence(question, passages, real_embedder, max_sentences=4, neighbours=1)
    assert len(out) == 3
    for ev in out:
        for part, (s, e) in zip(ev.text.split(" … "), ev.spans):
            assert body[s:e] == part
    assert any(expected in ev.text for ev in out)
    assert sum(len(e.text) for e in out) < len(body) / 2  # the point: a much shorter prompt


def test_shared_dir_fixture_points_at_samples(shared_dir):
    assert isinstance(shared_dir, Path)


def test_a_country_in_the_question_meets_its_demonym_in_a_sentence():
    # blind s32-08: "Turkey's foreign minister" lost to "Turkey said on its Foreign Ministry's website"
    answering = "Turkish Foreign Minister Feridun Sinirlioğlu met with Kerry in New York on Oct. 1."
    body = f"Turkey said on its Foreign Ministry's website that the strikes were an escalation. {answering}"
    [ev] = select_evidence("Who is Turkey's foreign minister?", [make_passage(body, 0, len(body))],
                           SameVectorEmbedder(), max_sentences=1, neighbours=0, every_passage=False)
    assert body[ev.best_span[0]:ev.best_span[1]] == answering


@pytest.mark.parametrize("asked, answering", [
    # blind s43-06 and s43-20: the sentences listing as many things as the question counts were never shown
    ("Which three places did the statement say were attacked?",
     "The attacks by the Russian Air Force on Hama, Homs and Idlib were condemned."),
    ("What three qualities do all sides want for Syria?", "They want Syria to be democratic, united and secular."),
])
def test_a_sentence_listing_as_many_things_as_the_question_counts_ranks_first(asked, answering):
    body = f"The statement said the places were attacked by Russia. {answering} All sides want Syria whole, he said."
    searched = asked.replace(" three", "")  # the count is not searched (qa/answer_count.py)
    [ev] = select_evidence(searched, [make_passage(body, 0, len(body))], SameVectorEmbedder(), max_sentences=1,
                           neighbours=0, every_passage=False, asked=asked)
    assert body[ev.best_span[0]:ev.best_span[1]] == answering
    # counted otherwise, the list of three gets no bonus and the sentence holding most of the words stays first
    [ev] = select_evidence(searched, [make_passage(body, 0, len(body))], SameVectorEmbedder(), max_sentences=1,
                           neighbours=0, every_passage=False, asked=asked.replace("three", "two"))
    assert body[ev.best_span[0]:ev.best_span[1]] != answering


def test_a_sentence_listing_what_how_many_counts_ranks_with_the_sentences_holding_a_number():
    # blind s63-07: "How many governments put their names to the joint statement …?" was answered "2" over sentences
    # holding numbers; the statement's "We, the governments of France, Germany, …" was never shown (no number in it)
    listing = "We, the governments of France, Germany, Qatar and Turkey, state the following."
    body = f"Two governments signed the joint statement on Syria, officials said. {listing}"
    asked = "How many governments signed the joint statement on Syria?"
    [ev] = select_evidence(asked, [make_passage(body, 0, len(body))], SameVectorEmbedder(), max_sentences=1,
                           neighbours=0, every_passage=False)
    # the list now weighs as a number does; it wins only where the numbered sentence holds no more of the words
    tied = f"Two governments signed it. {listing}"
    [tie] = select_evidence("How many governments state the following?", [make_passage(tied, 0, len(tied))],
                            SameVectorEmbedder(), max_sentences=1, neighbours=0, every_passage=False)
    assert tied[tie.best_span[0]:tie.best_span[1]] == listing
    assert body[ev.best_span[0]:ev.best_span[1]] != listing
