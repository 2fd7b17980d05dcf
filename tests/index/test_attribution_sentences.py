"""The sentences attribution reads (index/attribution_sentences.py): an embedded tweet's signature ends one."""

from __future__ import annotations

import pytest

from index.attribution import attributed_statements
from index.attribution_sentences import attribution_sentences

GLUED = ("Minister Ann Byrne said the review would take a year. Ann Byrne - the review is a farce' @rtenews — "
         "Jo Bloggs (@JoBloggs) March 2, 2017 Independent Senator Gerard Craughwell has also criticised the review. "
         "Speaking in the Seanad, he said the review was a waste of public money.")


def test_a_tweet_signature_ends_the_sentence_it_is_glued_to():
    texts = [GLUED[a:b] for a, b in attribution_sentences(GLUED)]
    assert texts[1].endswith("(@JoBloggs) March 2, 2017")
    assert texts[2].startswith("Independent Senator Gerard Craughwell has also criticised")
    assert len(texts) == 4


def test_text_without_a_tweet_is_split_as_before():
    text = "Mr. Smith said it. The U.S. agreed on Oct. 2 (@ home) and left."
    assert attribution_sentences(text) == [(0, 18), (19, len(text))]


def test_he_after_a_glued_tweet_is_the_person_opening_the_sentence_after_the_signature():
    last = attributed_statements(GLUED)[-1]
    assert (last.name, last.text) == ("Gerard Craughwell", "the review was a waste of public money.")


@pytest.mark.parametrize("text", [
    "Travellers fight for recognition\n\nAvila Park, Dublin, Ireland --In a shed, Joe Ward sits at a bench.",
    "WASHINGTON — In a shed, Joe Ward sits at a bench.",
    "BIRMINGHAM, England (CNN) — In a shed, Joe Ward sits at a bench.",  # the agency's stamp too (one detector)
    "MOSCOW, March 29. /TASS/. In a shed, Joe Ward sits at a bench.",
])
def test_a_dateline_opening_a_paragraph_is_no_part_of_its_sentence(text):
    sentences = [text[a:b] for a, b in attribution_sentences(text)]
    assert sentences[-1] == "In a shed, Joe Ward sits at a bench."


@pytest.mark.parametrize("text", [
    "Adam Schiff — the ranking member — said no.",  # a name and an aside, no places
    "Kerry, Lavrov — and others — met in Geneva.",   # the dash does not open a story
    "He went to Avila Park, Dublin, Ireland -- In June.",  # not at a paragraph's start
])
def test_what_only_looks_like_a_dateline_stays(text):
    assert [text[a:b] for a, b in attribution_sentences(text)][0].startswith(text[:10])


def test_he_after_a_dateline_is_the_person_the_story_opens_with_not_the_place():
    text = ("Travellers fight for recognition\n\nAvila Park, Dublin, Ireland --In a wooden shed, Joe Ward sits on "
            "a stool. \"It's more difficult to work with,\" he says.")
    assert [(s.name, s.text) for s in attributed_statements(text)] == [("Joe Ward", "It's more difficult to work with")]
