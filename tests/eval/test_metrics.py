"""Every metric on small hand-computed cases."""

from __future__ import annotations

import pytest

from eval import metrics as m

R = m.Retrieved


def test_normalise_answer_follows_squad_and_unicode_punctuation():
    assert m.normalise_answer("The  “Squid Game”!") == "squid game"
    assert m.normalise_answer("An apple, a pear") == "apple pear"
    assert m.normalise_answer("U.S.") == "u s"


def test_exact_match_strips_citation_markers_and_takes_best_answer():
    assert m.exact_match("Squid Game [1]", ["Breaking Bad", "“Squid Game”"]) == 1.0
    assert m.exact_match("It was Squid Game [1].", ["Squid Game"]) == 0.0


def test_token_f1_by_hand():
    # prediction tokens: squid game season 2 ; gold: squid game -> P = 2/4, R = 2/2, F1 = 2*.5*1/1.5
    assert m.token_f1("Squid Game season 2 [1]", ["Squid Game"]) == pytest.approx(2 / 3)
    assert m.token_f1("nothing shared", ["Squid Game"]) == 0.0
    assert m.token_f1("anything", []) == 0.0


def test_contains_answer_needs_whole_words():
    assert m.contains_answer("Netflix renewed “Squid Game” [1].", ["Squid Game"]) == 1.0
    assert m.contains_answer("It cost 20 dollars", ["2"]) == 0.0
    assert m.contains_answer("It cost 2 dollars", ["2"]) == 1.0


def test_yes_no_reading():
    assert m.yes_no_label("Yes, TASS reported it [1].") == "yes"
    assert m.yes_no_label("No. The BBC did not [2].") == "no"
    assert m.yes_no_label("The talks did not take place in Geneva [1]. Later they did.") == "no"
    assert m.yes_no_label("The talks took place in Geneva [1].") == "yes"
    assert m.yes_no_label("   ") is None
    assert m.yes_no_correct("No, it didn't.", ["no"]) == 1.0
    assert m.yes_no_correct("Yes.", ["No"]) == 0.0
    assert m.is_yes_no(["Yes"]) and not m.is_yes_no(["Yes", "Paris"]) and not m.is_yes_no([])


def test_evidence_in_normalises_whitespace_only():
    text = "Putin said\n\nthe  talks   would resume."
    assert m.evidence_in(text, "said the talks would")
    assert not m.evidence_in(text, "Said the talks")  # case matters
    assert not m.evidence_in(text, "   ")


def test_matches_article_by_id_url_and_title():
    item = R("https://www.bbc.co.uk/news/world-1/", "https://www.bbc.co.uk/news/world-1/", "Talks resume in Geneva", "")
    assert m.matches_article("https://www.bbc.co.uk/news/world-1/", item)
    assert m.matches_article("http://bbc.co.uk/news/world-1", item)       # scheme, www, slash ignored
    assert m.matches_article("talks resume in  geneva", item)             # title, case and spacing ignored
    assert not m.matches_article("https://bbc.co.uk/news/world-2", item)
    sha = R("sha:abc", None, "Other", "")
    assert m.matches_article("sha:abc", sha) and not m.matches_article("sha:abd", sha)


def test_ranking_metrics_by_hand():
    # positions: gold A, miss, A again (duplicate: not relevant again), gold B
    matched = [{0}, set(), {0}, {1}]
    assert m.hits_at(matched, 1) == 1.0
    assert m.hits_at([set(), {0}], 1) == 0.0 and m.hits_at([set(), {0}], 4) == 1.0
    assert m.reciprocal_rank_at([set(), set(), {0}], 10) == pytest.approx(1 / 3)
    assert m.reciprocal_rank_at([set(), set(), {0}], 2) == 0.0
    # AP@10 = (P@1 + P@4) / min(2, 10) = (1/1 + 2/4) / 2
    assert m.average_precision_at(matched, 10, 2) == pytest.approx(0.75)
    # three gold, only one found at rank 2: (1/2) / 3
    assert m.average_precision_at([set(), {2}], 10, 3) == pytest.approx(1 / 6)
    assert m.average_precision_at([{0}], 10, 0) == 0.0
    scores = m.ranking_scores(matched, 2, "x_")
    assert scores == {"x_hits@1": 1.0, "x_hits@4": 1.0, "x_hits@10": 1.0, "x_mrr@10": 1.0,
                      "x_map@10": pytest.approx(0.75)}


def test_article_evidence_and_answer_matches():
    items = [R("a1", None, "Geneva talks", "Talks resume in Geneva on Monday."),
             R("a2", None, "Other", "Nothing here about 2017.")]
    assert m.article_matches(items, ["a2", "Geneva talks"]) == [{1}, {0}]
    assert m.evidence_matches(items, ["resume in  Geneva", "absent"]) == [{0}, set()]
    assert m.answer_matches(items, ["Geneva"]) == [{0}, set()]


def test_citation_precision_and_recall_by_hand():
    cited = [R("a1", None, "t1", "Talks resumed in Geneva."), R("x", None, "tx", "Weather news."),
             R("y", None, "ty", "The summit was in Geneva.")]
    precision, recall = m.citation_scores(cited, ["a1", "a2"], [], ["Geneva"])
    assert precision == pytest.approx(2 / 3)      # a1 is gold; y names the answer; x is neither
    assert recall == pytest.approx(1 / 2)         # a1 of {a1, a2} cited
    precision, recall = m.citation_scores(cited, [], ["Weather news"], ["yes"])
    assert precision == pytest.approx(1 / 3) and recall == 1.0   # yes/no answers are not looked for
    assert m.citation_scores([], ["a1"], [], ["x"]) == (None, 0.0)
    assert m.citation_scores(cited, [], [], ["x"])[1] is None


def test_percentile_and_mean_by_hand():
    assert m.percentile([4, 1, 3, 2], 50) == pytest.approx(2.5)
    assert m.percentile([1, 2, 3, 4], 95) == pytest.approx(3.85)
    assert m.percentile([7], 95) == 7 and m.percentile([None], 50) is None
    assert m.mean([1, None, 0, True]) == pytest.approx(2 / 3) and m.mean([None]) is None


def test_abstention_scores_by_hand():
    abstained = [True, True, False, True, False]
    answerable = [False, True, True, False, False]
    scores = m.abstention_scores(abstained, answerable)
    assert scores["abstain_precision"] == pytest.approx(2 / 3)   # 2 of 3 abstentions were on unanswerable
    assert scores["abstain_recall"] == pytest.approx(2 / 3)      # 2 of 3 unanswerable abstained
    assert scores["wrongful_abstention"] == pytest.approx(1 / 2)  # 1 of 2 answerable abstained
    assert m.abstention_scores([False], [True]) == {"abstain_precision": None, "abstain_recall": None,
                                                    "wrongful_abstention": 0.0}


def test_a_disputed_claim_is_right_as_disputed_or_with_the_denial_quoted():
    denial = ["denied seeking favours in return"]
    assert m.disputed_correct("Disputed", "“…” [1]", denial) == 1.0
    assert m.disputed_correct(None, "Samsung admitted the gifts but denied seeking favours in return [1].", denial) == 1.0
    assert m.disputed_correct("Yes", "Yes [1].", denial) == 0.0
    assert m.disputed_correct(None, "Samsung sought favours [1].", denial) == 0.0
    assert m.disputed_correct(None, "", denial) == 0.0
