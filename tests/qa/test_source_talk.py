"""Talk about the passages ("as stated in the first passage") is cut from replies; claims are kept."""

from __future__ import annotations

from datetime import date

import pytest

from qa.source_talk import points_only, running_numbers, strip_pointing, without_asked_date, without_source_talk


@pytest.mark.parametrize("reply, cleaned", [
    ("Farid al-Deeb is Hosni Mubarak's lawyer, as stated in the first passage [1].",
     "Farid al-Deeb is Hosni Mubarak's lawyer [1]."),
    ("$2.4 billion would be eliminated [1]. This is stated in the first passage [1] and the second passage [2].",
     "$2.4 billion would be eliminated [1]."),
    ('Jeff Sessions recused himself from the investigations, as reported in <passage n="1">[1].',
     "Jeff Sessions recused himself from the investigations [1]."),
    ("Ana's interview was held on March 28, 2017, according to the passage [1].",
     "Ana's interview was held on March 28, 2017 [1]."),
    ("According to the first passage, the dam held [1].", "The dam held [1]."),
    ('The passage states that "the talks were held in Astana" [2].', '"the talks were held in Astana" [2].'),
    ("Paris is the capital, as stated in passage 2 [2][3]. Rome is not.", "Paris is the capital [2][3]. Rome is not."),
    # demo-044 (2026-12-03 run): "Which Russian diplomat figures in both stories?"
    ("Sergey Kislyak was mentioned in both stories. [1][2]", "Sergey Kislyak. [1][2]"),
    ("Kislyak figures in both articles [1][2].", "Kislyak [1][2]."),
    ("Kislyak appears in the first passage [1].", "Kislyak [1]."),
])
def test_pointing_is_cut(reply, cleaned):
    assert without_source_talk(reply) == cleaned


@pytest.mark.parametrize("reply", [
    "According to TASS, the talks were held in Astana [2].",  # an outlet is a source of the claim, kept
    "It was reported in the first passage [1] that he left.",  # the phrase is inside the claim: left whole
    "The article by Smith says the dam held [1].",
    "The passage of the bill was delayed until March [1].",  # "passage" as a word of the news
    "The story appeared in the New York Times [1].",  # a newspaper is no passage
    "The figures in the story show a rise of 5% [1].",
    "This is stated in the first passage [1].",  # only pointing: nothing else to keep, the checks decide
])
def test_claims_and_lone_pointing_are_kept(reply):
    assert without_source_talk(reply) == reply


def test_points_only_needs_words_and_only_pointing_words():
    assert points_only("This is stated in the first passage [1] and the second passage [2].")
    assert not points_only("The passage of the bill was delayed [1].")
    assert not points_only("[1]")


def test_pointing_dated_with_the_prompts_day_or_numbered_as_a_list_is_still_pointing():
    assert points_only("3. This information is directly supported by the passage on Tuesday, December 2, 2026.")
    assert points_only("This is stated in the passage dated 2017-03-20 [1].")
    assert not points_only("This was reported on Tuesday, December 2, 2026 [1].")  # no passage named: a claim
    assert not points_only("3. The passage of the bill was delayed on March 3, 2017.")


def test_strip_pointing_keeps_markers():
    assert strip_pointing("He won, as mentioned in the article [3].") == "He won [3]."


def test_a_passage_tag_without_a_marker_becomes_the_marker_it_meant():
    # The real model's reply to demo-106 (2026-12-02): the tag, no marker.
    reply = 'The separatists reported casualties in the February clashes, as stated in <passage n="2">.'
    assert without_source_talk(reply) == "The separatists reported casualties in the February clashes [2]."
    assert without_source_talk('He resigned, as stated in <passage n="3"> [3].') == "He resigned [3]."


def test_a_lists_bare_running_numbers_are_dropped_and_one_bare_number_is_kept():
    reply = ("1 [1]. China Daily reported that there were 1,835 pandas in the wild in 2014 [2].\n"
             "2 [1]. The census listed 1,600 wild pandas in 2004 [2].\n3.")
    cleaned = without_source_talk(reply)
    assert cleaned == ("China Daily reported that there were 1,835 pandas in the wild in 2014 [2]. "
                       "The census listed 1,600 wild pandas in 2004 [2].")
    assert running_numbers(["1 [1].", "Pandas live in China [2].", "2."]) == [True, False, True]
    assert without_source_talk("19 [1].") == "19 [1]."  # alone, a number may be the answer


@pytest.mark.parametrize("pointing", ["This information is found in passage [1].",
                                      "The answer can be found in the first passage [1].",
                                      "This is contained in the passage [1]."])
def test_saying_where_the_answer_is_found_is_pointing(pointing):
    assert points_only(pointing)
    assert without_source_talk(f"The fire killed 10 people [1]. {pointing}") == "The fire killed 10 people [1]."


def test_things_found_somewhere_are_claims():
    assert not points_only("The bodies were found in the river [1].")
    assert without_source_talk("Letters were found in the documents [1].") == "Letters were found in the documents [1]."


@pytest.mark.parametrize("reply, cleaned", [
    ("38,000 combat flights were flown, according to TASS on 2026-12-02 [1].",
     "38,000 combat flights were flown, according to TASS [1]."),
    ("The strike ended, as reported by RTÉ on Wednesday, December 2, 2026 [1].", "The strike ended, as reported by RTÉ [1]."),
    ("According to TASS on 2017-03-25, NATO flew 38,000 flights [1].",  # the article's own date stays
     "According to TASS on 2017-03-25, NATO flew 38,000 flights [1]."),
    ("The vote is on 2026-12-02 [1].", "The vote is on 2026-12-02 [1]."),  # a claim: left to the checker
])
def test_the_day_asked_is_cut_from_an_attribution(reply, cleaned):
    assert without_asked_date(reply, date(2026, 12, 2)) == cleaned
    assert without_asked_date(reply, None) == reply


def test_an_empty_list_item_on_its_own_line_is_dropped():
    reply = 'China Daily reported 1,835 wild pandas [1].\n"The 2014 census showed 1,835 pandas living in the wild."\n3.'
    assert without_source_talk(reply) == ('China Daily reported 1,835 wild pandas [1].\n'
                                          '"The 2014 census showed 1,835 pandas living in the wild."')



def test_a_list_number_whose_item_was_only_pointing_goes_with_it():
    # demo-008 (2026-12-04): the number stayed, and the copied sentence before it lost its support
    reply = ('China Daily reported 1,835 wild pandas [1].\n"The 2014 census showed 1,835 pandas living in the wild."'
             '\n3. This information is found in passage [1].')
    assert without_source_talk(reply) == ('China Daily reported 1,835 wild pandas [1].\n'
                                          '"The 2014 census showed 1,835 pandas living in the wild."')


def test_pointing_at_two_passage_tags_joined_by_both_and_is_cut():
    # The real model's reply on the demo archive (chat, 2026-12-02): the tags reached the reader.
    reply = ('Norfish Ltd was convicted over a tampered weighing scale, as reported in both <passage n="1"> '
             'and <passage n="2"> [1].')
    assert without_source_talk(reply) == "Norfish Ltd was convicted over a tampered weighing scale [1]."
    reply = 'Prices rose 5%, as stated in <passage n="1"> and <passage n="3">.'
    assert without_source_talk(reply) == "Prices rose 5% [1] [3]."


def test_according_to_the_prompts_passage_tag_is_cut_and_its_marker_kept():
    # blind held-out s8-06: "…, according to <passage n="2"> [1]." was shown to the reader
    reply = ("The Secretary of State told reporters that they had agreed on de-confliction talks, "
             'according to <passage n="2"> [1].')
    assert without_source_talk(reply) == ("The Secretary of State told reporters that they had agreed on "
                                          "de-confliction talks [1].")
    assert without_source_talk('Lavrov met Kerry, according to <passage n="2">.') == "Lavrov met Kerry [2]."
    assert without_source_talk("According to TASS, Lavrov met Kerry [1].") == "According to TASS, Lavrov met Kerry [1]."
