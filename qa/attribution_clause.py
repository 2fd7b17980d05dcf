"""A question's "According to …," clause: whose account it wants, not what it asks.

Kept apart (no other imports of `qa`) so that every check reading what a question asks can leave the
clause out, the yes/no checks of `qa/polarity.py` included.
"""

from __future__ import annotations

import re

# "According to the joint statement by Turkey and its allies, which cities …?": the clause names the
# source, and the statement itself rarely repeats it. Leading or trailing, up to its comma.
_ATTRIBUTION = re.compile(r"^\s*according\s+to\s+[^,?]+,\s*|,\s*according\s+to\s+[^,?]+(?=[?.]?\s*$)",
                          re.IGNORECASE)


def without_attribution(question: str) -> str:
    """The question without its "According to …," clause: what it asks, not whose account it wants."""
    return _ATTRIBUTION.sub(" ", question).strip()
