"""Documents as sources: the issuer the article names is who made the statement.

News cites documents as often as people ("according to a white paper on TCM issued by the State
Council Information Office", "a State Council circular said", "a statement by the central bank's
Shanghai head office said"). A document nobody is named for speaks for itself ("the protocol said");
when the article names who issued it, in the phrase ("issued by X", "a statement by X") or as the
name before the document's noun ("a State Council circular", "a Kremlin statement"), X is the speaker.
"""

from __future__ import annotations

import re

# Nouns of documents and announcements that speak for an issuer.
DOCUMENTS = (r"(?:white\s+paper|paper|report|statement|circular|decree|notice|document|study|survey|review|"
             r"communiqu[eé]|release|press\s+release|letter|announcement|guideline|guidelines|directive|bulletin)")
_CAPS = r"[A-Z][\w'’.\-]*(?:\s+(?:of|for|the|and|on)?\s*[A-Z][\w'’.\-]*)*"
# "a white paper on TCM issued by the State Council Information Office", "a statement by the PBoC head office"
_BY = re.compile(rf"^(?:[Aa]n?|[Tt]he)\s+(?:[\w\-]+\s+){{0,3}}?{DOCUMENTS}\b[^,]{{0,60}}?\s(?:issued\s+|published\s+|released\s+)?by\s+"
                 rf"(?P<issuer>(?:the\s+)?{_CAPS}(?:['’]s(?:\s+[a-z]+){{1,3}})?)(?:\s+(?:on|in|this|last)\b.*)?$", re.S)
# "a State Council circular", "the Kremlin statement"
_BEFORE = re.compile(rf"^(?:[Aa]n?|[Tt]he)\s+(?P<issuer>{_CAPS})\s+{DOCUMENTS}$")


def document_issuer(phrase: str) -> str | None:
    """The issuer a document phrase names ("a State Council circular" → "State Council"), else None."""
    phrase = " ".join(phrase.split())
    m = _BY.match(phrase) or _BEFORE.match(phrase)
    return m.group("issuer") if m else None
