"""Documents that speak for their issuer (index/document_sources.py) and roles tied to one name
(index/role_names.py). Sentences written for these tests, not taken from the labelled articles."""

from __future__ import annotations

from index.attribution import attributed_statements
from index.document_sources import document_issuer
from index.role_names import RoleNames


def names(text: str) -> list[str]:
    return [s.name for s in attributed_statements(text)]


def test_the_issuer_a_document_phrase_names():
    assert document_issuer("a white paper on farming issued by the State Council Information Office this month") \
        == "the State Council Information Office"
    assert document_issuer("a report by Human Rights Watch") == "Human Rights Watch"
    assert document_issuer("A Kremlin statement") == "Kremlin"
    assert document_issuer("the inspection report") is None  # nobody named: the document speaks
    assert document_issuer("the protocol") is None


def test_a_document_cited_with_its_issuer_is_the_issuers_statement():
    text = ("There are 3,000 rural clinics in the province, according to a white paper issued by the "
            "Provincial Health Bureau. According to a State Council circular, spending will double by 2025.")
    assert names(text) == ["Provincial Health Bureau", "State Council"]


def test_a_role_introduced_with_one_name_is_that_person():
    roles = RoleNames("It was hard for artist Hiba Schabaz to find a model. Later the artist said it changed.")
    assert roles.name_for("the artist") == "Hiba Schabaz"
    assert roles.name_for("the painter") is None
    text = ("Growing up, it was hard for artist Hiba Schabaz to find a woman to paint. "
            "\"I slowly started opening up to the idea,\" the artist said.")
    assert names(text) == ["Hiba Schabaz"]


def test_a_role_in_the_lead_is_the_person_named_with_it_below():
    text = ("The bomber should be given a third life term, a French prosecutor has said. "
            "Prosecutor Remi Crosson du Cormier said that all the evidence points to him.")
    assert names(text) == ["Remi Crosson du Cormier", "Remi Crosson du Cormier"]


def test_two_people_with_one_role_stand_for_nobody():
    text = ("Artist Ann Kelly spoke first. Artist Tom Burke spoke next. "
            "The artist said the show would open in May.")
    assert names(text) == ["The artist"]


def test_a_post_is_by_the_author_who_announced_it_on_their_website():
    text = ("Jane Doe and her husband Tom announced on their family's website on Friday that they are moving abroad. "
            "\"We have loved every year in this town and will miss our neighbours,\" the post continues.")
    assert names(text)[-1] == "Jane Doe"


def test_the_statement_and_it_said_point_back_to_the_issuer_cited_before():
    text = ("A statement by the Ruritania Monetary Authority on Monday called the rally abnormal. The statement said "
            "regulators would inspect every trading platform this month. Trading will resume next week, it said.")
    assert names(text) == ["Ruritania Monetary Authority", "Ruritania Monetary Authority"]


def test_it_said_with_no_document_before_is_no_statement():
    assert names("The storm moved east overnight. Schools will reopen on Monday, it said.") == []


def test_a_document_by_its_issuer_after_a_quotation():
    text = '"This trend shows that the market has been rising to a new level," a market review by BTCC said.'
    assert names(text) == ["BTCC"]
