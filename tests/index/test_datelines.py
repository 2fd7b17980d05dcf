"""Datelines: found where they are, with their exact length, and nowhere else."""

from __future__ import annotations

import pytest

from index.datelines import dateline_end


@pytest.mark.parametrize("text, dateline", [
    ("BIRMINGHAM, England (CNN) — Khalid Masood was born in Kent.", "BIRMINGHAM, England (CNN) — "),
    ("Birmingham, England (CNN) —Khalid Masood was born in Kent.", "Birmingham, England (CNN) —"),
    ("(CNN) — The man who killed four people was named.", "(CNN) — "),
    ("Birmingham, England (CNN)Khalid Masood, the man responsible", "Birmingham, England (CNN)"),  # News100
    ("(CNN)A precious gold coin was stolen.", "(CNN)"),
    ("SAN RAMON, California, March 16, 2017 /PRNewswire/.-The GENIVI Alliance",
     "SAN RAMON, California, March 16, 2017 /PRNewswire/.-"),
    ("MOSCOW, March 29. /TASS/. Russia will respond, Lavrov said.", "MOSCOW, March 29. /TASS/. "),
    ("BEIJING, Feb. 2 (Xinhua) -- China's exports rose.", "BEIJING, Feb. 2 (Xinhua) -- "),
    ("WASHINGTON — President Trump signed the order.", "WASHINGTON — "),
    # the paragraph datelines attribution used to find alone (one detector for both)
    ("Avila Park, Dublin, Ireland --In a wooden shed, Joe Ward sits.", "Avila Park, Dublin, Ireland --"),
    ("GAZA CITY -- Rescuers searched the rubble.", "GAZA CITY -- "),
])
def test_datelines_are_found_with_their_exact_length(text, dateline):
    assert text[:dateline_end(text)] == (dateline or "")


@pytest.mark.parametrize("text", [
    "Turkish Prime Minister Ahmet Davutoğlu accused Russia on Oct. 2 of targeting moderate rebels.",
    "Russia, however, said it had bombed the ISIL stronghold of Raqqa.",
    "Khalid Masood, 52, was born in Kent, police said.",
    "The US — and its allies — condemned the strikes.",
    "UK — EU talks: what next?",
    "Officials at the Pentagon (the US defence ministry) said so.",
])
def test_ordinary_sentences_have_no_dateline(text):
    assert dateline_end(text) == 0


@pytest.mark.parametrize("text", [
    "Kerry, Lavrov — and others — met in Geneva.",  # no capital after the dash: no story opens
    "Adam Schiff — the ranking member — said no.",
])
def test_a_dash_after_names_is_no_dateline(text):
    assert dateline_end(text) == 0


def test_a_dateline_is_read_inside_the_span_asked():
    text = "Earlier text. MOSCOW, March 29. /TASS/. Russia will respond."
    start = text.index("MOSCOW")
    assert text[dateline_end(text, start):] == "Russia will respond."
    assert dateline_end(text, 0) == 0
    assert dateline_end(text, start, start + 6) == start  # the span ends inside the dateline
