"""Quoted sentences nest their own quotation marks instead of doubling them."""

from __future__ import annotations

from index.article import ArticleRef
from qa.evidence import Evidence
from qa.extractive import cited_quote, quotable_sentence
from qa.quote_marks import in_quotes, nested_quotes
from qa.retrieval import Passage

LAVROV = '"We all want Syria to be democratic, united and secular," Lavrov said.'


def test_a_sentence_opening_with_a_straight_quotation_is_nested_not_doubled():
    assert in_quotes(LAVROV) == "“‘We all want Syria to be democratic, united and secular,’ Lavrov said.”"


def test_curly_and_mid_sentence_quotations_are_nested_and_apostrophes_kept():
    assert nested_quotes("He called it “a witch hunt” on Monday.") == "He called it ‘a witch hunt’ on Monday."
    assert nested_quotes('The minister said: "It\'s over" (again).') == "The minister said: ‘It's over’ (again)."
    assert nested_quotes('A "disaster" — "worse".') == "A ‘disaster’ — ‘worse’."


def test_a_sentence_without_quotations_is_only_wrapped():
    assert in_quotes("Russia continued air strikes.") == "“Russia continued air strikes.”"


def test_the_quoted_answer_nests_the_sentence_s_own_quotation():
    passage = Passage("a#0", ArticleRef("a", "Lavrov on Syria", None, None, None), LAVROV, 0, len(LAVROV), 0.5)
    found = [Evidence(passage, LAVROV, ((0, len(LAVROV)),), 0.7, (0, len(LAVROV)))]
    answer = cited_quote(quotable_sentence(found, "What did Lavrov say all sides want Syria to be?"))
    assert answer == "“‘We all want Syria to be democratic, united and secular,’ Lavrov said.” [1]"
    assert "“\"" not in answer
