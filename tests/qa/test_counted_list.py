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
    ("What two qualities did Lavrov name?", "democracy, unity"),  # the sentence lists three
    ("What qualities did Lavrov name?", "democracy, unity, secular"),  # the question counts nothing
])
def test_a_list_of_words_not_all_the_sentences_or_not_as_many_is_left(question, short):
    assert counted_list(question, short, [SECULAR]) is None


STATEMENT = ("“We express our deep concern with regard to the Russian military build-up in Syria and especially the "
             "attacks by the Russian Air Force on Hama, Homs and Idlib since yesterday,” said France, Germany, Qatar, "
             "Saudi Arabia, Turkey, the United Kingdom and the United States.")
PLACES = "Which three places did the coalition's joint statement say the Russian Air Force had attacked?"


@pytest.mark.parametrize("question, short, sentences, found", [
    # blind s43-06, withheld: none of the model's places is in the list after "attacks by the Russian Air Force on"
    (PLACES, "Syria, Turkey, and the U.S", [CLERKED, STATEMENT], (1, "Hama, Homs and Idlib")),
    # blind s43-20, withheld: the model's own qualities; the list after "want Syria to be"
    ("What three qualities did Russia's foreign minister say all sides want a future Syria to have?",
     "respect, cooperation, and stability", [STATEMENT, SECULAR], (1, "democratic, united and secular")),
    (QUALITIES, "peace, unity, secular", [SECULAR], (0, "democratic, united and secular")),  # a word it lacks
    (QUALITIES, "democracy and unity", [SECULAR], (0, "democratic, united and secular")),  # fewer than counted
    ("Which two presidents will Kerry and Lavrov take the proposals back to?", "Biden and Medvedev",
     [PRESIDENTS], (0, "Barack Obama and Vladimir Putin")),
])
def test_a_list_of_none_of_the_models_items_is_the_one_written_after_the_questions_words(
        question, short, sentences, found):
    assert counted_list(question, short, sentences) == found


@pytest.mark.parametrize("question, short, sentences", [
    # the model's list is written in a shown sentence: it stands
    ("Which two Turkish newspapers carried the remarks?", "Hurriyet and Milliyet", [DAILIES, PRESIDENTS]),
    # too few of the question's words before the list
    ("Which three cities did the Pentagon name?", "Aleppo, Raqqa and Deir ez-Zor", [STATEMENT]),
    # two lists of as many items after the question's words: which one is meant is unclear
    (PLACES, "Syria, Turkey, and the U.S",
     [STATEMENT, "The Russian Air Force attacked Latakia, Tartus and Aleppo, the statement said."]),
    # two lower-case words are how news writes one thing ("trade and investment"): never a counted list
    ("What two things did the Russian Air Force attack in Syria?", "bases and depots",
     ["The Russian Air Force attacked in Syria trade and investment, officials said."]),
])
def test_no_list_is_read_off_when_the_models_stands_or_none_or_two_follow_the_questions_words(
        question, short, sentences):
    assert counted_list(question, short, sentences) is None
