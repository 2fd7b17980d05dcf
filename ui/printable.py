"""Text from files and archives made safe to print on a terminal.

A file name (or archive member, or article field) may hold ANSI escape
sequences that recolour or rewrite the terminal, newlines that forge extra
output lines, or bidirectional overrides that show text in another order. The
CLI prints such text through `printable`, which spells those characters out the
way Python's `repr` does and leaves everything else — accents, other scripts —
as it is.
"""

from __future__ import annotations

import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Control characters (C0, DEL, C1) and line/paragraph separators; of the format
# characters only the bidi embeddings, overrides and isolates, which reorder what
# follows (zero-width joiners are kept: Indic and Persian words and emoji need them).
_ESCAPED_CATEGORIES = {"Cc", "Zl", "Zp"}
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(text: str) -> str:
    """`text` with control characters, line separators and bidi overrides escaped (`\\n`, `\\x1b`, `\\u202e`)."""
    if text.isprintable():  # the common case: nothing to do
        return text
    return "".join(_escape(c) if c in _BIDI_CONTROLS or unicodedata.category(c) in _ESCAPED_CATEGORIES else c
                   for c in text)
