"""Court reporting's verbs of saying (index/speech_verbs.py): "gave evidence that", "outlined that".

Sentences written for these tests, not taken from the labelled articles.
"""

from __future__ import annotations

from index.attribution import attributed_statements


def found(text: str) -> list[tuple[str, str]]:
    return [(s.name, s.text) for s in attributed_statements(text)]


def test_a_witness_who_gave_evidence_that():
    assert found("Inspector Mary Quinn gave evidence that the scales had been switched off twice.") == \
        [("Mary Quinn", "the scales had been switched off twice.")]


def test_outlined_that_is_a_statement_and_outlined_the_case_is_not():
    assert found("Another officer, John Healy, outlined that a worker rushed past him to the switch.") == \
        [("John Healy", "a worker rushed past him to the switch.")]
    assert found("Counsel John Healy outlined the case against the company at length.") == []
