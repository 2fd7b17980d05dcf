"""A short answer copied from a shown sentence or headline with a word changed, snapped to the text
(qa/near_copy.py), alone and through `NewsQA.ask`."""

from __future__ import annotations

from index.article import ArticleRef
from qa.answer import NewsQA
from qa.near_copy import copied_span, headline_copy, near_copy
from qa.retrieval import Passage

from sample_sentences import CALL_ON, CLERKED, DEMAND, PLANE
from test_answer import AS_OF, FakeLLM, FakeRetriever, FakeStore, make_passage, make_qa

PALMYRA = "Syrian army gaining ground in effort to re-take Palmyra"


def test_the_span_a_rewritten_clause_copies_is_taken_as_the_article_writes_it():
    # blind s30-10: "stop" for the article's "cease", withheld as a clause of the model's own
    short = "stop its attacks on the Syrian opposition and focus on fighting Islamic militants"
    assert copied_span(short, DEMAND) == "cease its attacks on the Syrian opposition and focus on fighting Islamic militants"
    assert near_copy(short, [PLANE, CALL_ON, DEMAND]).index == 2
    # the README's question: "Russian" for the headline's "Syrian", "gained" for "gaining"
    assert copied_span("Russian army gained ground in effort to re-take Palmyra", PALMYRA) == PALMYRA


def test_a_loose_paraphrase_a_list_or_a_name_is_no_near_copy():
    # the joint statement says it otherwise: too many of the model's words are not the sentence's
    assert copied_span("stop its attacks on the Syrian opposition and focus on fighting Islamic militants",
                       CALL_ON) is None
    # demo-002: the three names are the sentence's, but most of the span between them is not the model's
    assert copied_span("Justice David B. Sentelle, Justice Byron White, Justice Anthony Kennedy", CLERKED) is None
    # the question's own words around an answer the sentence does not hold (blind s28-03)
    assert copied_span("Turkey's premier flying back from when he spoke to reporters about the Russian strikes",
                       PLANE) is None
    assert copied_span("Byron White", CLERKED) is None  # a name: the spelling rules' business
    assert near_copy("Kerry and Lavrov developed ideas to push forward the political process", [PLANE]) is None


PENTAGON = "The Pentagon held talks with officials in Moscow on Oct. 1 in a bid to avoid mishaps."
DUMA = ("Russia estimates its air strike campaign in Syria could last three to four months, the head of the foreign "
        "affairs committee at the State Duma, said Oct. 1.")


def test_a_name_of_the_question_grafted_onto_another_sentences_span_is_no_copy():
    # held-out s66-19, unanswerable: "Pentagon" from the question put before the Duma sentence's role
    question = "Which Pentagon official led the Oct. 1 talks with officials in Moscow aimed at avoiding military mishaps?"
    short = "Pentagon head of the foreign affairs committee at the State Duma"
    assert near_copy(short, [PENTAGON, DUMA]).span == "the head of the foreign affairs committee at the State Duma"
    assert near_copy(short, [PENTAGON, DUMA], question) is None
    # a name the sentence writes in another form is no graft ("Turkish" for the question's "Turkey")
    turkish = "Turkish officials said the statement was posted on the Foreign Ministry website."
    assert near_copy("Turkey's statement was posted on the Foreign Ministry website", [turkish],
                     "Where did Turkey post its statement?").span == "the statement was posted on the Foreign Ministry website"
    # a rewritten word the question does not hold stands as before
    short = "stop its attacks on the Syrian opposition and focus on fighting Islamic militants"
    assert near_copy(short, [DEMAND], "What did the joint statement urge the Russian Federation to do?").index == 0


def test_a_headline_is_read_only_when_it_says_all_the_question_asks():
    short = "Russian army gained ground in effort to re-take Palmyra"
    assert headline_copy("What did TASS report about Palmyra?", short, ["Press review", PALMYRA], ["TASS"]).span \
        == PALMYRA
    # the headline does not say what event anyone flew back from (blind s27-03 copied another article's headline)
    headline = "Russian airstrike against IS kills three Turkish soldiers in Syria"
    assert headline_copy("What event was the Turkish prime minister flying back from when he spoke to reporters?",
                         headline, [headline], []) is None
    assert headline_copy("What did TASS report?", short, [PALMYRA], ["TASS"]) is None  # nothing asked but the outlet


def test_a_rewritten_sentence_is_answered_with_the_sentence_quoted(fake_embedder):
    # withheld as restated on the old code: ten words, in no cited passage
    llm = FakeLLM("Short answer: A woman was killed in Wolverhampton after being hit by debris\n"
                  "Storm Doris hit Britain on Thursday [1].")
    qa, _ = make_qa(fake_embedder, llm, [make_passage("storm"), make_passage("gale")])
    answer = qa.ask("What happened to a woman when Storm Doris hit Britain?", as_of=AS_OF)
    assert not answer.abstained and answer.quoted and answer.short_answer_supported
    assert answer.short_answer == "A woman died in Wolverhampton after being hit by debris"
    assert "“A woman died in Wolverhampton after being hit by debris.” [1]" in answer.text


def test_a_rewritten_headline_of_a_cited_article_is_answered_as_the_outlet_wrote_it(fake_embedder):
    body = ("The Syrian army has regained the communities of Tias and El Beida and made a larger part of the way "
            "towards Palmyra, the chief of the Russian General Staff said.")
    ref = ArticleRef("palmyra", PALMYRA, "TASS", "2017-02-07", "http://tass.com/world/929472")
    passages = [Passage("palmyra#0", ref, body, 0, len(body), 0.03, dense_score=0.6), make_passage("storm", 0.3)]
    llm = FakeLLM("Short answer: Russian army gained ground in effort to re-take Palmyra\n"
                  "The Syrian army has regained the communities of Tias and El Beida [1].")
    qa = NewsQA(FakeStore({"TASS": 1, "BBC": 1}), fake_embedder, llm,  # type: ignore[arg-type]
                retriever=FakeRetriever(passages))  # type: ignore[arg-type]
    answer = qa.ask("What did TASS report about Palmyra?", as_of=AS_OF)
    assert not answer.abstained and answer.short_answer == PALMYRA
    assert answer.text.startswith("The Syrian army has regained the communities of Tias and El Beida [1]")
    assert [c.article_id for c in answer.citations] == ["palmyra"]
    # a headline no cited sentence is about gives no answer: still a clause of the model's own
    llm.reply = ("Short answer: Russian army gained ground in effort to re-take Palmyra\n"
                 "Storm Doris hit Britain on Thursday [2].")
    answer = qa.ask("What did TASS report about Palmyra?", as_of=AS_OF)
    assert answer.abstained or answer.short_answer != PALMYRA


def test_a_headline_copied_for_another_question_is_not_read_off_its_article(fake_embedder):
    # blind s27-03: the model gave the headline of a story on Turkish soldiers, whose body nearly says it too
    body = "A Russian airstrike in Syria killed three Turkish soldiers and injured eleven, the army said."
    headline = "Russian airstrike against IS kills three Turkish soldiers in Syria"
    ref = ArticleRef("soldiers", headline, "DW", "2017-02-09", "http://dw.com/soldiers")
    passages = [Passage("soldiers#0", ref, body, 0, len(body), 0.03, dense_score=0.6)]
    llm = FakeLLM(f"Short answer: {headline}\nA Russian airstrike in Syria killed three Turkish soldiers [1].")
    qa = NewsQA(FakeStore(), fake_embedder, llm, retriever=FakeRetriever(passages))  # type: ignore[arg-type]
    answer = qa.ask("What event was the Turkish prime minister flying back from when he spoke to reporters?",
                    as_of=AS_OF)
    assert answer.abstained and answer.signals["abstained_by"] == "restated"
