"""Bylines, photo credits and page furniture: article sentences that are never evidence.

"Image copyright Getty Images" is a caption, "By Laura Smith-Spark, CNN" a byline, "TASS is not
responsible for the material quoted in the press reviews" a publisher's disclaimer. When such text
sits in a passage, the model may quote it as a fact and the support check may accept a claim because
its name appears there. Used through `qa.evidence.claim_spans` by evidence selection (the model never
sees it) and by the support check (it never supports a claim); datelines are `index.datelines`.
"""

from __future__ import annotations

import re

# A sentence that is nothing but furniture: bylines, photo credits, captions, player notices, update stamps,
# an outlet's disclaimer (seven TASS press reviews of the demo archive open with one; "What did TASS report
# about Palmyra?" was answered with it, quoted, by `--llm none`), a source line ("Source: Al Jazeera and news
# agencies" ends 334 Al Jazeera stories of the demo archive; asked which news agency the sample article cites
# for a meeting, the model read it and answered "Al Jazeera": blind s36-08).
_FURNITURE = re.compile(
    r"^(?:By\s+[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,5}(?:\s*,\s*[\w .]{1,30})?\.?"
    r"|(?:Image|Photo|Picture|Video)\s+(?:copyright|caption|credit)\b.*"
    r"|(?:Photo|Image|Picture)s?\s*:\s*.{0,80}"
    r"|(?:\(?(?:Photo|Image)\s+by\s+.{0,60}\)?)"
    r"|Media playback is (?:unsupported|not supported) on your device\.?"
    r"|Updated\s+\d{3,4}\s+GMT\b.*"
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+(?:is|are)\s+not\s+responsible\s+for\s+the\s+"
    r"(?:materials?|contents?|opinions?|views?)\s+(?:quoted|published|expressed|of)\b.*"
    r"|(?:Getty Images|AFP(?:/Getty Images)?|Reuters|AP Photo|EPA)(?:/[\w ]{1,30})?\.?"
    r"|Sources?\s*:[\s-]*[A-Z][\w.'’&-]*(?:[\s,]+(?:and|news|agenc(?:y|ies)|wires|staff|[A-Z][\w.'’&-]*)){0,6}\.?)$",
    re.S)


def is_furniture(sentence: str) -> bool:
    """True for a sentence that is a byline, photo credit, caption or similar page furniture."""
    return bool(_FURNITURE.match(sentence.strip()))
