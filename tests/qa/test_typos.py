"""A question's misspelt words read as the passages found for it spell them (qa/typos.py)."""

from __future__ import annotations

from datetime import date

from qa.query import Query
from qa.typos import mended_query, mended_spelling

PASSAGES = ["“We agreed on the imperative of a de-confliction discussion,” Kerry told reporters at a joint appearance "
            "with Lavrov. Turkey accused Russia of hitting moderate rebels, the prime minister said.",
            "The Turkish Prime Minister Ahmet Davutoğlu spoke on the plane."]


def test_a_word_no_dictionary_knows_is_read_as_the_passages_nearly_write_it():
    # held-out s65-07: "apperance" kept the rule that reads "with whom" off "… a joint appearance with Lavrov" from it
    assert mended_spelling("what is the name of the russian foreign minister kerry had a joint apperance with?",
                           PASSAGES) == ("what is the name of the russian foreign minister kerry had a joint appearance "
                                         "with?", [("apperance", "appearance")])
    assert mended_spelling("who acused russia of hitting rebels?", PASSAGES)[0] == "who accused russia of hitting rebels?"
    # the case typed is kept
    assert mended_spelling("Apperance with whom?", PASSAGES)[0] == "Appearance with whom?"


def test_words_of_the_dictionary_names_the_passages_write_and_far_words_are_left_as_typed():
    for question in ("Did the prime minister hit the rebels?",  # English words, even when a passage word is close
                     "Did the russian side agree?",  # a people of a place the passages write
                     "What did Davutoglu say?",  # the passages' name without its diacritics
                     "Who said so, govts or rebels?",  # an abbreviation no passage word is close to
                     "Was Kerry at an appearances with Lavrov?",  # another form of a passage word
                     "Did the Raqa strikes go on?"):  # short: a name's other spelling, not a typo
        assert mended_spelling(question, PASSAGES) == (question, [])


def test_a_word_two_passage_words_are_equally_close_to_is_left_as_typed():
    assert mended_spelling("Who bommed it?", ["They bombed it. It boomed."]) == ("Who bommed it?", [])


def test_the_mended_query_keeps_the_question_as_typed_and_says_what_it_read():
    query = Query("who acused russia?", "who acused russia?", None, None, (), 6, date(2017, 3, 1))
    mended = mended_query(query, PASSAGES)
    assert mended.text == mended.original == "who accused russia?" and mended.typed == "who acused russia?"
    assert mended.notes == ("spelling: read “acused” as “accused”",)
    assert mended_query(mended, PASSAGES) == mended  # nothing more to mend
