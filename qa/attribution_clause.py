"""A question's "According to …," clause: whose account it wants, not what it asks.

Kept apart (no other imports of `qa`) so that every check reading what a question asks can leave the
clause out, the yes/no checks of `qa/polarity.py` included.
"""

from __future__ import annotations

import re

# "According to the joint statement by Turkey and its allies, which cities …?": the clause names the
# source, and the statement itself rarely repeats it. Leading or trailing, up to its comma. "Per the article,"
# and "As per …," are the same clause (blind s44, a wire desk's questions: "Per the article, did Russia say …?"
# held "per" and "article" as words asked for); so is "In the article," / "From the report,".
_SOURCE = r"(?:according\s+to|as\s+per|per(?!\s+(?:capita|cent|annum|day|week|month|year|hour|head|person)\b))\s+[^,?]+"
_ATTRIBUTION = re.compile(rf"^\s*(?:{_SOURCE}|(?:in|from)\s+the\s+(?:article|report|story|text|piece)),\s*"
                          rf"|,\s*{_SOURCE}(?=[?.]?\s*$)", re.IGNORECASE)


def without_attribution(question: str) -> str:
    """The question without its "According to …," clause: what it asks, not whose account it wants."""
    return _ATTRIBUTION.sub(" ", question).strip()
