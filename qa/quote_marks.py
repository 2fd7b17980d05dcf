"""An article's sentence in quotation marks, its own quotation marks nested as single ones.

Quoted answers wrap the evidence sentence in curly double quotes. A news sentence often opens
with a quotation of its own ("We all want Syria to be democratic …," Lavrov said), which then
showed doubled: “"We all want …,” Lavrov said.” (chat, 2026-12-04). The usual typographic rule
nests it instead: “‘We all want …,’ Lavrov said.” Only quotation marks change, never a word, so
the citation checker (which compares words) reads the sentence as before.
"""

from __future__ import annotations

import re

# A straight double quote opens a quotation at the start, after a space, a bracket or a dash.
_OPENING_STRAIGHT = re.compile(r'(^|[\s(\[—–-])"')


def nested_quotes(text: str) -> str:
    """`text` with its double quotation marks made single (“ ” and straight " → ‘ ’)."""
    text = text.replace("“", "‘").replace("”", "’")
    text = _OPENING_STRAIGHT.sub(lambda m: m.group(1) + "‘", text)
    return text.replace('"', "’")


def in_quotes(sentence: str) -> str:
    """`sentence` in curly double quotation marks, its own quotations nested inside as single ones."""
    return f"“{nested_quotes(sentence)}”"
