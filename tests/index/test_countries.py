"""A country met in any of the forms news writes it (index/countries.py)."""

from __future__ import annotations

from index.countries import countries_named, words_met
from index.text import content_words


def test_a_country_its_demonym_and_other_spellings_are_one_place():
    assert countries_named(content_words("Turkish")) == countries_named(content_words("Turkey")) == {"turkey"}
    assert countries_named(content_words("Turkiye")) == {"turkey"}
    assert countries_named(content_words("Dutch")) == countries_named(content_words("Holland")) == {"netherlands"}
    assert "united kingdom" in countries_named(content_words("British"))


def test_codes_and_plain_words_name_no_country():
    # "US", "IT", "IN" are codes and words; "foreign" and "minister" name nothing
    assert countries_named(content_words("us it in foreign minister")) == set()


def test_words_met_counts_a_country_in_another_form_once():
    asked = content_words("Who is Turkey's foreign minister?")
    assert words_met(asked, content_words("Turkish Foreign Minister Feridun Sinirlioğlu")) == 3
    assert words_met(asked, content_words("Turkey said on its Foreign Ministry's website")) == 2
    assert words_met(asked, content_words("The Russian foreign minister said")) == 2
