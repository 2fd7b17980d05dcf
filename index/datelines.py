"""Datelines: where a story was filed, stamped before its first sentence — never part of a claim.

"BIRMINGHAM, England (CNN) —" names where a story was filed, not where its subject was born;
"MOSCOW, March 29. /TASS/." is the agency's stamp; "Avila Park, Dublin, Ireland --In a wooden shed …"
opens a paragraph with a place that is no sentence's subject. Evidence selection and the support
check cut `dateline_end` off every sentence (`qa.evidence.claim_spans`); attribution cuts
`paragraph_dateline_end` off a paragraph's first sentence (`index.attribution_sentences`).
"""

from __future__ import annotations

import re

# Agencies and outlets that stamp datelines: "(CNN)", "(Reuters)", "/TASS/", "(Xinhua)", "/PRNewswire/".
_AGENCY = (r"(?:CNN(?:\s?Money)?|AP|Reuters|AFP|UPI|TASS|Xinhua|dpa|DPA|ANSA|EFE|IANS|PTI|Bloomberg|"
           r"Sputnik|RIA Novosti|Interfax|Anadolu|Yonhap|Kyodo|ABC News|BBC|Al Jazeera|DW|PRNewswire|"
           r"PR Newswire|Business Wire|GLOBE NEWSWIRE)")
_STAMP_PLACE = r"[A-Z][A-Za-z.'’-]*(?:[ -][A-Z][A-Za-z.'’-]*){0,3}"  # "BIRMINGHAM", "SAN RAMON", "New York"
_STAMP_REGION = r"(?:,\s*" + _STAMP_PLACE + r")?"  # ", England", ", California"
# ", March 29", " Feb. 2", ", 29 March", ", March 16, 2017"
_WHEN = r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,\s*\d{4})?)?"
_DASH = r"[—–-]{1,2}"
_DATELINE = re.compile(
    # BIRMINGHAM, England (CNN) —   |   Birmingham, England (CNN)Khalid ...   |   (CNN) —   |   (Xinhua) --
    # (CNN's house style glues the story to the stamp; the News100 export keeps it that way.)
    r"(?:" + _STAMP_PLACE + _STAMP_REGION + _WHEN + r"\s*)?\(\s*" + _AGENCY + r"\s*\)\s*(?:" + _DASH + r"\s*)?"
    # MOSCOW, March 29. /TASS/.   |   SAN RAMON, California, March 16, 2017 /PRNewswire/.-
    r"|" + _STAMP_PLACE + _STAMP_REGION + _WHEN + r"\.?\s*/\s*" + _AGENCY + r"\s*/\s*[.:]?\s*(?:" + _DASH + r"\s*)?"
    # WASHINGTON — (an upper-case place and a dash, no agency)
    r"|[A-Z]{3,}(?:[ -][A-Z]{2,}){0,2}" + _STAMP_REGION + _WHEN + r"\s*[—–]\s*")
# Places with commas then a dash, or one upper-case place and a dash, opening a paragraph and followed by
# the story's first word.
_PLACE = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_PARAGRAPH_DATELINE = re.compile(rf"\s*(?:(?:{_PLACE}\s*,\s*){{1,3}}{_PLACE}|[A-Z]{{3,}}(?:\s+[A-Z]{{2,}}){{0,2}})\s*(?:--|—|–)\s*(?=[A-Z\"\u201c])")


def dateline_end(text: str) -> int:
    """Length of the dateline that opens `text` ("BIRMINGHAM, England (CNN) — ..."), 0 if none."""
    match = _DATELINE.match(text)
    return match.end() if match else 0


def paragraph_dateline_end(text: str, start: int, end: int) -> int | None:
    """Where the story starts after a dateline of places and a dash opening text[start:end], or None."""
    match = _PARAGRAPH_DATELINE.match(text, start, end)
    return match.end() if match else None
