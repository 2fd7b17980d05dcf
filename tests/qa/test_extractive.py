"""Quoted answers: which article sentence is quoted when the model gives no answer."""

from __future__ import annotations

from index.article import ArticleRef
from qa.evidence import Evidence
from qa.extractive import best_sentence, quoted_answer
from qa.retrieval import Passage

LEAD = ("Russia continued air strikes for a third day on Oct. 2, prompting Turkey and its partners to demand "
        "that Moscow cease its attacks on the Syrian opposition.")
STATEMENT = ("We express our deep concern with regard to the attacks by the Russian Air Force on Hama, Homs and "
             "Idlib since yesterday, they said.")


def evidence(text: str, score: float, article: str) -> Evidence:
    passage = Passage(f"{article}#0", ArticleRef(article, "Coalition slams Russia", None, None, None),
                      text, 0, len(text), 0.5)
    return Evidence(passage, text, ((0, len(text)),), score, (0, len(text)))


def test_the_quote_is_the_sentence_holding_the_question_names_not_the_best_cosine():
    found = [evidence(LEAD, 0.60, "a"), evidence(STATEMENT, 0.56, "b")]
    question = "What cities does the joint statement say the Russian Air Force attacked?"
    assert best_sentence(found, question) == (1, STATEMENT)
    assert quoted_answer(found, question) == f"“{STATEMENT}” [2]"
    # without a question (or names in it) the evidence score decides
    assert best_sentence(found) == (0, LEAD)
    assert best_sentence(found, "what happened then?") == (0, LEAD)
