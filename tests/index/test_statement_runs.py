"""Runs of sentences sharing a speaker (index/statement_runs.py): a quotation with its own described speaker."""

from __future__ import annotations

from index.attribution import attributed_statements


def test_a_quotation_followed_by_its_own_unread_speaker_is_not_the_neighbours():
    body = ('The plan was approved, according to a decree signed by Prime Minister Ivan Petrov. "The protocol means '
            'inspectors will visit every airport. Flights resume when the checks are done," a note to the '
            "government's decree said.")
    assert [s.name for s in attributed_statements(body)] == ["Ivan Petrov"]


def test_a_quotation_with_no_speaker_of_its_own_still_continues_the_one_before():
    body = ('"We will rebuild the bridge by spring," Omar Haddad said. "The money is already in the budget and the '
            'work starts in March."')
    assert [s.name for s in attributed_statements(body)] == ["Omar Haddad", "Omar Haddad"]
