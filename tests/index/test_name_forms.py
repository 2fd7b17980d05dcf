"""Names in the forms news copy prints them (index/name_forms.py, used by index/speakers.py).

Sentences written for these tests, not taken from the labelled articles.
"""

from __future__ import annotations

from index.attribution import attributed_statements
from index.name_forms import misspelt_name, one_letter_apart, without_post_nominals


def names(text: str) -> list[str]:
    return [s.name for s in attributed_statements(text)]


def test_a_word_opening_the_sentence_is_no_first_name():
    text = ("President Obama praised the crew. During Obama's first call, aides listened in. "
            "\"This was planned long ago,\" Obama said. \"We owe them a great deal,\" Obama added.")
    assert names(text) == ["Obama", "Obama"]  # never "During Obama"


def test_a_person_opening_a_sentence_after_a_preposition_is_still_found():
    text = "Angela Merkel met the envoy on Monday. Across town, protesters gathered. She said the talks went well."
    assert names(text) == ["Angela Merkel"]


def test_post_nominal_letters_are_not_part_of_the_name():
    assert without_post_nominals("Patricia McLaughlin BL") == "Patricia McLaughlin"
    assert without_post_nominals("a Fine Gael TD") == "a Fine Gael TD"  # a described member keeps them
    text = ("Counsel for the council, Mary Doyle SC, said the permit had lapsed in 2014. "
            "She said no inspection had taken place since then.")
    assert names(text) == ["Mary Doyle", "Mary Doyle"]


def test_an_appositive_name_with_letters_is_the_speaker_and_what_he_means_next():
    text = ("The owner denied the charge. Defence barrister, Tom Hayes BL, said his client had acted in good faith. "
            "He said there was no gain for the firm.")
    assert names(text) == ["Tom Hayes", "Tom Hayes"]


def test_one_letter_apart():
    assert one_letter_apart("tobias", "tobis") and one_letter_apart("kaschk", "kaschke")
    assert one_letter_apart("smyth", "smith")
    assert not one_letter_apart("khan", "kahn")  # too short to tell a typo from another name
    assert not one_letter_apart("tobias", "tobias") and not one_letter_apart("jones", "james")


def test_a_surname_misspelt_once_is_the_person_named_in_full():
    body = "Legal expert Carl Tobis said the hearing will be long. Tobias added that it would be fair."
    assert misspelt_name("Tobias", ["Carl Tobis"], body) == "Carl Tobis"
    assert names(body) == ["Carl Tobis", "Carl Tobis"]


def test_a_name_given_twice_is_a_person_of_its_own():
    body = ("Carl Tobis said the hearing will be long. Carla Tobias said it would be short. "
            "Tobias added that the judge agreed.")
    assert misspelt_name("Tobias", ["Carl Tobis"], body) is None
    assert names(body)[-1] == "Carla Tobias"


def test_a_first_and_last_name_misspelt_once():
    body = ("Michael Kaschke says the firm is growing fast in China. Michael Kaschk says he is a true "
            "believer in openness. Kaschke says the market is changing.")
    assert names(body) == ["Michael Kaschke"] * 3


def test_a_family_name_first_is_the_person_named_in_full():
    text = ("Sun Haibing, owner of an outdoor club, says attitudes have changed a lot in ten years. "
            "Li Ming, a tour guide, said that trips sold out early. \"The market is booming,\" says Sun.")
    assert names(text) == ["Sun Haibing", "Li Ming", "Sun Haibing"]  # "Sun" is no Sunday here


def test_two_namesakes_are_not_guessed_between():
    text = ("Lee Jae-yong runs the group his father Lee Kun-hee built. "
            "Mr Lee told the court that he had not sought any favours.")
    assert names(text) == ["Lee"]


def test_an_organisation_possessive_before_a_surname_is_no_title():
    text = ("Wang Guoqiang heads the TCM administration. "
            "\"The law will help bring more doctors to patients,\" said the TCM administration's Wang.")
    assert names(text) == ["Wang Guoqiang"]


def test_an_age_and_a_name_particle_belong_to_the_speaker_phrase():
    text = ("Prosecutor Remi Crosson du Cormier said that the evidence points to him. "
            "67-year-old Carlos argued that he should not be required to testify against himself.")
    assert names(text) == ["Remi Crosson du Cormier", "Carlos"]


def test_one_name_transliterated_two_ways_is_one_person():
    from index.name_forms import same_person
    assert same_person("Sergey Lavrov", "Sergei Lavrov")  # TASS and the sample article
    assert same_person("Ahmet Davutoglu", "Ahmet Davutoğlu")
    assert not same_person("Mark Smith", "Mary Smith")  # four letters: another name, not a spelling
    assert not same_person("Sergei Lavrov", "Sergei Ryabkov")
    assert not same_person("Lavrov", "Lavrov")  # a surname alone says too little
    assert not same_person("Sergei Viktorovich Lavrov", "Sergei Lavrov")
