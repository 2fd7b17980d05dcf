"""The sentences attribution reads (index/attribution_sentences.py): an embedded tweet's signature ends one."""

from __future__ import annotations

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
