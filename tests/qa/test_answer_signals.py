"""The abstention signals measured of the evidence: names are looked up where a quote would come from."""

from __future__ import annotations

from index.article import ArticleRef
from qa.abstain import Signals
from qa.answer_signals import with_evidence
from qa.evidence import Evidence
from qa.retrieval import Passage


def evidence(text: str, score: float, article: str, start: int = 0) -> Evidence:
    passage = Passage(f"{article}#{start}", ArticleRef(article, "Headline", "Al Jazeera", None, None),
                      text, start, start + len(text), 0.5)
    return Evidence(passage, text, ((start, start + len(text)),), score, (start, start + len(text)))


def test_names_are_counted_in_the_quoted_sentences_article_not_the_best_scoring_passage():
    question = "When did Jeff Sessions meet the Russian ambassador?"
    other = evidence("The Russian envoy spoke to several officials.", 0.70, "other")
    quoted = evidence("Sessions met the Russian envoy in July and September.", 0.65, "post", start=400)
    lead = Passage("post#0", quoted.passage.ref, "Attorney General Jeff Sessions faces questions.", 0, 47, 0.5)
    start = Signals(0.6, True, 0.0, 0.0)

    signals = with_evidence(start, question, [other, quoted], [other.passage, lead, quoted.passage])
    assert signals.evidence == 0.70  # the best score is still the best-scoring sentence's
    assert signals.names_share == 1.0  # Jeff in the article's lead, Sessions and Russian in the quote
    # Without the article's other passage, "Jeff" is missing; the best-scoring passage alone had 1 of 3.
    assert with_evidence(start, question, [other, quoted]).names_share < 1.0
    assert with_evidence(start, question, [other]).names_share == 1 / 3


def test_a_statement_about_the_asked_topic_is_read_with_its_neighbours_for_the_relation_share():
    # blind held-out s6-04: the quote holds "outcome", the sentence before it "air strikes"
    before = "Davutoğlu rejected Moscow's insistence that its campaign of air strikes targeted only militants."
    said = "“The outcome is very worrisome,” Davutoğlu was quoted as saying in several Turkish dailies."
    text = before + " " + said
    passage = Passage("a#0", ArticleRef("a", "Coalition slams Russia", None, None, None), text, 0, len(text), 0.5)
    found = [Evidence(passage, text, ((0, len(text)),), 0.62, (len(before) + 1, len(text)))]
    start = Signals(0.6, True, 0.0, 0.0)
    about = with_evidence(start, "What did Ahmet Davutoglu say about the outcome of Russia's air strikes?", found)
    assert about.relation_share == 1.0  # outcome in the quote, air strikes beside it
    # any other question reads the quoted sentence alone
    other = with_evidence(start, "Why was the outcome of Russia's air strikes worrisome?", found)
    assert other.relation_share < 1.0
