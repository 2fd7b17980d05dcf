"""The abstention decision: question names, retrieval signals and the policy's three steps."""

from __future__ import annotations

import math

import pytest

from index.article import ArticleRef
from qa.abstain import ABSTAIN, ANSWER, QUOTE, AbstainPolicy, Signals, names_share, question_names, retrieval_signals
from qa.retrieval import Passage


def passage(text: str, dense: float, keyword_rank: int | None = None, title: str = "Headline") -> Passage:
    return Passage("c", ArticleRef("a", title, "BBC", "2017-03-01", None),
                   text, 0, len(text), 0.1, dense_score=dense, keyword_rank=keyword_rank)


def test_question_names_skip_the_opening_word_and_months_and_keep_numbers():
    assert question_names("Which court does Neil Gorsuch sit on?") == {"neil", "gorsuch"}
    assert question_names("Did Erdoğan call the Dutch government Nazi remnants in March 2017?") == \
        {"erdogan", "dutch", "nazi", "2017"}
    assert question_names("what happened?") == set()


def test_names_share_counts_the_headline_and_folds_accents():
    p = passage("Turkish minister Davutoğlu spoke.", 0.5, title="Ankara")
    assert names_share("What did Davutoglu say in Ankara?", p) == 1.0
    assert names_share("What did Davutoglu say in Izmir?", p) == 0.5


def test_keyword_names_needs_a_keyword_hit_holding_every_name():
    text = "Khalid Masood was born Adrian Elms."
    assert retrieval_signals("What was Khalid Masood's birth name?", [passage(text, 0.2, 3)]).keyword_names
    assert not retrieval_signals("What was Khalid Masood's birth name?", [passage(text, 0.2, None)]).keyword_names
    assert not retrieval_signals("Who is Khalid Smith?", [passage(text, 0.2, 1)]).keyword_names
    assert not retrieval_signals("what happened next?", [passage(text, 0.2, 1)]).keyword_names  # no names


def signals(dense=0.7, keyword=False, share=1.0, evidence=0.7, abstained=None, p=None) -> Signals:
    return Signals(dense, keyword, share, evidence, abstained, None if p is None else math.log(p),
                   None if p is None else math.log(max(p, 1 - p)))


def test_gate_before_the_model():
    policy = AbstainPolicy()
    assert policy.before_model(signals(dense=policy.min_dense - 0.01)) == ABSTAIN
    assert policy.before_model(signals(dense=policy.min_dense - 0.01, keyword=True)) == ANSWER
    assert policy.before_model(signals(dense=policy.min_dense)) == ANSWER


@pytest.mark.parametrize("s, decision", [
    (signals(abstained=True, evidence=0.9, p=0.5), QUOTE),          # strong evidence, model unsure
    (signals(abstained=True, evidence=0.9, p=None), QUOTE),         # no log-probabilities: retrieval alone
    (signals(abstained=True, evidence=0.9, p=0.999), ABSTAIN),      # the model is sure
    (signals(abstained=True, evidence=0.2, p=0.5), ABSTAIN),        # weak evidence
    (signals(abstained=True, evidence=0.9, share=0.5, p=0.5), ABSTAIN),  # a name of the question is missing
    (signals(abstained=False, evidence=0.9, p=0.01), ANSWER),
    (signals(abstained=False, evidence=0.1, p=0.6), ABSTAIN),       # weak evidence and nearly abstained
    (signals(abstained=False, evidence=0.1, p=None), ANSWER),       # without log-probabilities the model's word
])
def test_after_the_model(s, decision):
    assert AbstainPolicy().after_model(s) == decision


def test_not_overruling_leaves_the_model_its_word():
    policy = AbstainPolicy(overrule_model=False)
    assert policy.after_model(signals(abstained=True, evidence=0.9, p=0.5)) == ABSTAIN
    assert policy.after_model(signals(abstained=False, evidence=0.1, p=0.6)) == ANSWER


def test_signals_json_has_the_probability():
    data = signals(abstained=True, p=0.25).to_json()
    assert data["abstain_probability"] == 0.25 and data["model_abstained"] is True
