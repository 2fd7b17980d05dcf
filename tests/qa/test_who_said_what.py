"""The "Who said what" form over a real on-disk store of the fixture story (tests/fixtures/timeline)."""

from __future__ import annotations

import pytest

from index.article import ArticleRef
from qa.intent import speech_question
from qa.quotes import QuotedStatement
from qa.who_said_what import MAX_STATEMENTS, _about_topic, _by_speaker, who_said_what
from tests.qa.test_timeline import build_store


@pytest.fixture
def store(tmp_path, fake_embedder):
    return build_store(tmp_path / "store", fake_embedder)


def test_a_speakers_statements_with_their_citations(store):
    form = who_said_what(store, "What did Keane say?")
    assert form is not None and [side.speaker for side in form.sides] == ["Maria Keane"]
    texts = [s.text for s in form.statements]
    assert any("cracks were wider than anything" in t for t in texts), texts
    for s in form.statements:
        assert s.ref.source == "Valley Times" and s.ref.title.startswith("Engineers found cracks")
        body = store.article(s.ref.article_id).body
        assert body[s.quote_start:s.quote_end] == s.text  # the quote is where the reader will highlight it
    assert "Maria Keane:" in form.text() and "[1]" in form.text()


def test_a_topic_keeps_only_that_speakers_statements_on_it(store):
    form = who_said_what(store, "What did Keane say about the cracks?")
    assert form.statements and all("crack" in s.text.lower() for s in form.statements)
    assert who_said_what(store, "What did Keane say about the weather?").sides == ()


def test_who_said_groups_by_speaker(store):
    form = who_said_what(store, "Who said what about the bridge?")
    assert form is not None and len(form.sides) >= 2, form.text()
    speakers = [side.speaker for side in form.sides]
    assert len(speakers) == len(set(speakers))  # each speaker once
    assert all("bridge" in f"{s.text} {s.speaker_as_written}".lower() for s in form.statements)


def test_unknown_speaker_and_other_questions(store):
    assert who_said_what(store, "What did Angela Merkel say about the bridge?").sides == ()  # abstains
    assert who_said_what(store, "When did the Old Mill bridge close?") is None  # not a statements question


def test_filters_apply(store):
    assert who_said_what(store, "What did Keane say?", until="2017-03-01").sides == ()
    assert who_said_what(store, "What did Keane say?", sources=["Riverside Gazette"]).sides == ()


def test_long_lists_are_cut_and_counted(store):
    one = who_said_what(store, "What did Keane say?").statements[0]
    sides, left_out = _by_speaker([one] * (MAX_STATEMENTS + 3))
    assert sum(len(s.statements) for s in sides) == MAX_STATEMENTS and left_out == 3


def _said(text: str) -> QuotedStatement:
    return QuotedStatement("Ahmet Davutoğlu", "Davutoğlu", text, "quote", ArticleRef("a", "Coalition slams Russia", None,
                                                                                     None, None), 0, len(text))


def test_a_topic_puts_the_statement_about_its_head_word_first():
    # s6-04 in the chat: the statement about the outcome was listed second, after one about the strikes
    strikes = _said("Russia was targeting moderate Syrian rebels in its air strikes")
    outcome = _said("The outcome is very worrisome")
    weather = _said("It rained all week")
    asked = speech_question("What did Ahmet Davutoglu say about the outcome of Russia's air strikes?")
    assert _about_topic([strikes, weather, outcome], asked) == [outcome, strikes]
    # no head word in any: more of the topic's words first, ties in their order (oldest first)
    army = _said("The Free Syrian Army rebels should be part of a political solution")
    nusra = _said("Syrian radicals could be used to topple Assad")
    other = _said("Syrian talks are not welcome")
    asked = speech_question("What did Lavrov say about the Free Syrian Army?")
    assert _about_topic([nusra, army, other], asked) == [army, nusra, other]


def test_one_speaker_spelt_two_ways_is_one_side():
    tass = QuotedStatement("Sergey Lavrov", "Lavrov", "Radicals are encouraged", "reported",
                           ArticleRef("t", "Lavrov suspects", "TASS", "2017-03-29", None), 0, 10)
    sample = QuotedStatement("Sergei Lavrov", "Lavrov", "We all want Syria to be secular", "quote",
                             ArticleRef("s", "Coalition slams Russia", None, None, None), 0, 10)
    sides, _ = _by_speaker([tass, sample, _said("The outcome is very worrisome")])
    assert [(side.speaker, len(side.statements)) for side in sides] == [("Sergey Lavrov", 2), ("Ahmet Davutoğlu", 1)]
