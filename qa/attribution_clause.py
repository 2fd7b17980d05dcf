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
                          rf"|,\s*{_SOURCE}(?=[?.]?\s*$)|,\s*{_SOURCE},(?=\s*\w)", re.IGNORECASE)


def without_attribution(question: str) -> str:
    """The question without its "According to …," clause: what it asks, not whose account it wants."""
    return _ATTRIBUTION.sub(" ", question).strip()


# A clause naming the archive's own text as the source tells nothing: "Per the article, which Pentagon official
# led …?" is "which Pentagon official led …?" (blind s44-19 was read by no "Which official …?" rule with it).
# Mid-question too, between commas: "Who, according to the article, gave the estimate …?" had "according"
# read as the act asked (blind s55-10, a right answer flagged).
_DOCUMENT_CLAUSE = re.compile(r"^\s*(?:according\s+to|as\s+per|per|in|from)\s+the\s+(?:article|report|story|text|"
                              r"piece|passages?)\s*,\s*|,\s*(?:according\s+to|as\s+per|per)\s+the\s+(?:article|"
                              r"report|story|text|piece|passages?)(?:(?=\s*[?.]?\s*$)|\s*,(?=\s*\w))", re.IGNORECASE)


def without_document_clause(question: str) -> str:
    """The question without a clause naming the article itself as its source ("Per the article,", "According
    to the report,"): what it asks, as every check reads it. A clause naming someone ("According to Moscow,")
    is kept: it says whose account is wanted."""
    found = _DOCUMENT_CLAUSE.search(question)
    if not found:
        return question
    inside = found.start() > 0 and found.group(0).rstrip().endswith(",")  # ", according to the article," mid-question
    before, after = question[:found.start()], question[found.end():]
    stripped = (f"{before.rstrip()} {after.lstrip()}" if inside else before + after).strip()
    return stripped[:1].upper() + stripped[1:]
