"""`printable`: what the CLI does to names from disk and archives before printing them."""

from __future__ import annotations

import pytest

from ui.printable import printable


@pytest.mark.parametrize("raw, shown", [
    ("news/2017/café-Éire.txt", "news/2017/café-Éire.txt"),           # readable names are untouched
    ("Москва и 東京.jsonl", "Москва и 東京.jsonl"),
    ("red\x1b[31mname\x1b[0m.txt", "red\\x1b[31mname\\x1b[0m.txt"),   # ANSI colour codes
    ("two\nlines\r.txt", "two\\nlines\\r.txt"),                       # forged output lines
    ("tab\there\x7f\x85", "tab\\there\\x7f\\x85"),                     # DEL and a C1 control
    ("invoice\u202etxt.exe", "invoice\\u202etxt.exe"),                # bidi override shows 'exe.txt'
    ("para\u2029graph", "para\\u2029graph"),
    ("می\u200cخواهم", "می\u200cخواهم"),                                # Persian needs its zero-width non-joiner
])
def test_control_characters_are_spelled_out(raw, shown):
    assert printable(raw) == shown
