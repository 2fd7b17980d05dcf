"""Datelines: where a story was filed, stamped before its first sentence — never part of a claim.

"BIRMINGHAM, England (CNN) —" names where a story was filed, not where its subject was born;
"MOSCOW, March 29. /TASS/." is the agency's stamp; "Avila Park, Dublin, Ireland --In a wooden shed …"
opens a paragraph with a place that is no sentence's subject. One detector: evidence selection and
the support check cut it off every sentence (`qa.evidence.claim_spans`), attribution off a
paragraph's first sentence (`index.attribution_sentences`).
"""

from __future__ import annotations

import re

# Places as datelines write them: "Avila Park", "Dublin", "GAZA CITY".
_PLACE = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
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
    r"|[A-Z]{3,}(?:[ -][A-Z]{2,}){0,2}" + _STAMP_REGION + _WHEN + r"\s*[—–]\s*"
    # Avila Park, Dublin, Ireland --In a wooden shed …   |   GAZA CITY -- Rescuers …  (places and a dash, then
    # the story's first word, capitalised: Al Jazeera's features, `tests/fixtures/attribution/held_out_6.jsonl`)
    r"|(?:(?:" + _PLACE + r"\s*,\s*){1,3}" + _PLACE + r"|[A-Z]{3,}(?:\s+[A-Z]{2,}){0,2})\s*(?:--|—|–)\s*"
    r"(?=[A-Z\"\u201c])")


def dateline_end(text: str, start: int = 0, end: int | None = None) -> int:
    """Where the story starts after the dateline opening text[start:end] ("BIRMINGHAM, England (CNN) —
    ..."): `start` itself when there is none."""
    match = _DATELINE.match(text, start, len(text) if end is None else end)
    return match.end() if match else start
