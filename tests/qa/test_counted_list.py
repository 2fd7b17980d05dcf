"""A counting question answered with the list a shown sentence gives (qa/counted_list.py)."""

from __future__ import annotations

import pytest

from qa.counted_list import asked_count, counted_list

CLERKED = ("He clerked for Judge David B. Sentelle on the United States Court of Appeals for the D.C. Circuit and then "
           "for Justices Byron White and Anthony Kennedy on the Supreme Court.")
CONTENDERS = ("It's being viewed as highly significant that the two leading contenders to replace Mr Kenny,-Simon "
              "Coveney and Mr Varadkar, both addressed the meeting with an almost identical message.")
ATTACKS = "We are concerned by the attacks by the Russian Air Force on Hama, Homs and Idlib since yesterday."
DAILIES = "Davutoğlu was quoted as saying in several Turkish dailies, including Hurriyet and Milliyet."
PRESIDENTS = "They will take the proposals back to their presidents, Barack Obama and Vladimir Putin."
JUSTICES = "Which two Supreme Court justices did Neil Gorsuch clerk for?"
LEADERS = "Who were seen as the two leading contenders to succeed Enda Kenny as Fine Gael leader?"


def test_a_question_counts_what_it_asks_for():
    assert asked_count(JUSTICES) == ("two", "Supreme Court justices did Neil Gorsuch clerk for")
    assert asked_count("Which three places did the statement name?")[0] == "three"
    assert asked_count("Who was the second man to speak?") is None


def test_the_named_list_of_as_many_items_replaces_the_models_list():
    # demo-002: three names, one a judge, over the sentence's two justices (the title that is the
    # counted noun left out)
    assert counted_list(JUSTICES, "Justice David B. Sentelle, Justice Byron White, Justice Anthony Kennedy",
                        [ATTACKS, CLERKED]) == (1, "Byron White and Anthony Kennedy")


def test_one_name_not_the_sentences_is_replaced_when_the_sentence_says_the_count():
    # demo-021: Heydon came from another sentence; this one says "the two leading contenders"
    assert counted_list(LEADERS, "Simon Coveney and Martin Heydon", [CONTENDERS]) == (
        0, "Simon Coveney and Mr Varadkar")


def test_one_shared_name_is_not_enough_when_the_sentence_does_not_say_what_it_lists():
    # s29-09's "Syria, Hama, Homs": the statement's sentence says neither "three" nor "places"
    assert counted_list("Which three places did the statement say were attacked?", "Syria, Hama, Homs",
                        [ATTACKS]) is None
    assert counted_list("Which two cities did they visit?", "Obama and Merkel", [PRESIDENTS]) is None


@pytest.mark.parametrize("question, short", [
    ("Which two Turkish newspapers carried the remarks?", "Hurriyet and Milliyet"),  # already as written
    (JUSTICES, "Byron White"),  # one name: not a list
    ("Which court did he clerk for?", "Byron White, Anthony Kennedy"),  # the question counts nothing
    ("Which two Supreme Court justices?", "Lewis Powell and Sandra Day O'Connor"),  # no name shared
])
def test_nothing_is_replaced(question, short):
    assert counted_list(question, short, [CLERKED, DAILIES]) is None


def test_a_list_of_a_different_size_is_not_taken():
    assert counted_list("Which two places were attacked?", "Hama and Homs", [ATTACKS]) is None


def test_the_longer_names_of_the_same_people_are_the_sentences():
    # the model's surnames: the span differs, and the reply review keeps the model's answer when the
    # span supports it (qa/reply_review._read_off_shown)
    assert counted_list("Which two presidents will get the proposals?", "Obama and Putin", [PRESIDENTS]) == (
        0, "Barack Obama and Vladimir Putin")


QUALITIES = "What three qualities did Lavrov say everyone wants a future Syria to have?"
SECULAR = "“We all want Syria to be democratic, united and secular,” Lavrov said."


@pytest.mark.parametrize("short", ["democracy, unity, secular", "Democracy, unity and secularism"])
def test_a_list_of_words_in_other_forms_is_the_sentences_list(short):
    # blind s31-11, flagged: the model's nouns for the sentence's adjectives
    assert counted_list(QUALITIES, short, [CLERKED, SECULAR]) == (1, "democratic, united and secular")


@pytest.mark.parametrize("question, short", [
    (QUALITIES, "democratic, united and secular"),  # already as written
    (QUALITIES, "peace, unity, secular"),  # a word the sentence's list lacks
    (QUALITIES, "democracy and unity"),  # fewer words than counted
    ("What two qualities did Lavrov name?", "democracy, unity"),  # the sentence lists three
    ("What qualities did Lavrov name?", "democracy, unity, secular"),  # the question counts nothing
])
def test_a_list_of_words_not_all_the_sentences_or_not_as_many_is_left(question, short):
    assert counted_list(question, short, [SECULAR]) is None
