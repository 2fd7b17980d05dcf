"""The number of answers a question asks for, left out of what is searched (qa/answer_count.py)."""

from __future__ import annotations

from datetime import date

import pytest

from qa.answer_count import answer_count, without_answer_count
from qa.query import understand


@pytest.mark.parametrize("question, count, searched", [
    ("Which three Syrian areas did the joint statement say were hit by the Russian Air Force?", 3,
     "Which Syrian areas did the joint statement say were hit by the Russian Air Force?"),
    ("What two concerns did Kerry raise?", 2, "What concerns did Kerry raise?"),
    ("Name the four countries that signed.", 4, "Name the countries that signed."),
    ("Which 3 cities were hit?", 3, "Which cities were hit?"),
])
def test_the_count_of_answers_is_read_and_left_out(question, count, searched):
    assert answer_count(question) == count
    assert without_answer_count(question) == searched


@pytest.mark.parametrize("question", [
    "How many people died in the three-day storm?",
    "What three-year plan did the council adopt?",  # a compound, not a count
    "Which two-thirds majority was needed?",
    "What 10 percent tariff did Trump propose?",
    "Why did three Turkish soldiers die in al-Bab?",  # the number belongs to the subject
])
def test_other_numbers_stay(question):
    assert answer_count(question) is None and without_answer_count(question) == question


def test_retrieval_searches_the_question_without_its_count_and_the_model_reads_it_whole():
    query = understand("Which three Syrian areas were hit?", outlets=["DW"], as_of=date(2017, 4, 1))
    assert query.text == "Which three Syrian areas were hit?"
    assert query.search_text == "Which Syrian areas were hit?"
