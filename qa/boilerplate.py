"""Datelines, bylines, photo credits and page furniture: article text that is never evidence.

"BIRMINGHAM, England (CNN) —" names where a story was filed, not where its
subject was born; "MOSCOW, March 29. /TASS/." is the agency's stamp; "Image
copyright Getty Images" is a caption. When such text sits in a passage, the
model may quote it as a fact and the support check may accept a claim because
its name appears there. One detector, used through `qa.evidence.claim_spans` by evidence
selection (the model never sees it) and by the support check (it never
supports a claim).
"""

from __future__ import annotations

import re

# Agencies and outlets that stamp datelines: "(CNN)", "(Reuters)", "/TASS/", "(Xinhua)", "/PRNewswire/".
_AGENCY = (r"(?:CNN(?:\s?Money)?|AP|Reuters|AFP|UPI|TASS|Xinhua|dpa|DPA|ANSA|EFE|IANS|PTI|Bloomberg|"
           r"Sputnik|RIA Novosti|Interfax|Anadolu|Yonhap|Kyodo|ABC News|BBC|Al Jazeera|DW|PRNewswire|"
           r"PR Newswire|Business Wire|GLOBE NEWSWIRE)")
_PLACE = r"[A-Z][A-Za-z.'’-]*(?:[ -][A-Z][A-Za-z.'’-]*){0,3}"  # "BIRMINGHAM", "SAN RAMON", "New York"
_REGION = r"(?:,\s*" + _PLACE + r")?"  # ", England", ", California"
# ", March 29", " Feb. 2", ", 29 March", ", March 16, 2017"
_WHEN = r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,\s*\d{4})?)?"
_DASH = r"[—–-]{1,2}"
_DATELINE = re.compile(
    # BIRMINGHAM, England (CNN) —   |   Birmingham, England (CNN)Khalid ...   |   (CNN) —   |   (Xinhua) --
    # (CNN's house style glues the story to the stamp; the News100 export keeps it that way.)
    r"(?:" + _PLACE + _REGION + _WHEN + r"\s*)?\(\s*" + _AGENCY + r"\s*\)\s*(?:" + _DASH + r"\s*)?"
    # MOSCOW, March 29. /TASS/.   |   SAN RAMON, California, March 16, 2017 /PRNewswire/.-
    r"|" + _PLACE + _REGION + _WHEN + r"\.?\s*/\s*" + _AGENCY + r"\s*/\s*[.:]?\s*(?:" + _DASH + r"\s*)?"
    # WASHINGTON — (an upper-case place and a dash, no agency)
    r"|[A-Z]{3,}(?:[ -][A-Z]{2,}){0,2}" + _REGION + _WHEN + r"\s*[—–]\s*")
# A sentence that is nothing but furniture: bylines, photo credits, captions, player notices, update stamps.
_FURNITURE = re.compile(
    r"^(?:By\s+[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,5}(?:\s*,\s*[\w .]{1,30})?\.?"
    r"|(?:Image|Photo|Picture|Video)\s+(?:copyright|caption|credit)\b.*"
    r"|(?:Photo|Image|Picture)s?\s*:\s*.{0,80}"
    r"|(?:\(?(?:Photo|Image)\s+by\s+.{0,60}\)?)"
    r"|Media playback is (?:unsupported|not supported) on your device\.?"
    r"|Updated\s+\d{3,4}\s+GMT\b.*"
    r"|(?:Getty Images|AFP(?:/Getty Images)?|Reuters|AP Photo|EPA)(?:/[\w ]{1,30})?\.?)$", re.S)


def dateline_end(text: str) -> int:
    """Length of the dateline that opens `text` ("BIRMINGHAM, England (CNN) — ..."), 0 if none."""
    match = _DATELINE.match(text)
    return match.end() if match else 0


def is_furniture(sentence: str) -> bool:
    """True for a sentence that is a byline, photo credit, caption or similar page furniture."""
    return bool(_FURNITURE.match(sentence.strip()))
