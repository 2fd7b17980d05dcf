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


# Definite documents that point back to one cited before: "the post continues", "The statement said".
_DEFINITE_DOCUMENT = re.compile(rf"^(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z\-]+\s+){{0,2}}?(?:{DOCUMENTS}|post|message|note)$")
# "Josh Duggar and his wife Anna announced on their family's website", "wrote on her Facebook page", "said in a
# statement": the author of the document the article quotes next.
_PUBLISHED = re.compile(
    r"(?P<who>(?:[A-Z][\w'’\-]+\s+){0,3}[A-Z][\w'’\-]+)(?:\s*-?\s*and\s+(?:his|her|their)\s+[^.;,]{0,40}?)?\s+"
    r"(?:has\s+|have\s+)?(?:announced|posted|wrote|shared|published|revealed|said)\s+(?:[^.;]{0,30}?\s)??"
    r"(?:on|in)\s+(?:(?:their|his|her|its|a|the)\s+)?(?:[\w'’]+\s+){0,2}?"
    r"(?:website|blog|Facebook|Instagram|Twitter|page|account|statement|post|newsletter)\b")
# A document cited with its issuer anywhere in a sentence (`_BY` reads a speaker phrase, this a whole sentence).
_BY_IN_TEXT = re.compile(rf"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w\-]+\s+){{0,3}}?{DOCUMENTS}\s+(?:issued\s+|published\s+|released\s+)?by\s+"
                         rf"(?P<issuer>(?:the\s+)?{_CAPS})")
_DOCUMENT_WORDS = frozenset(re.findall(r"[a-z]+", DOCUMENTS)) - {"press", "white", "s", "eacute"}
_PUBLISHING_WORDS = frozenset("website blog Facebook Instagram Twitter page account statement post newsletter".split())
# How far (characters) "it said" reaches back to the document last quoted, and "the post" to its author.
_IT_REACH, _AUTHOR_REACH = 400, 3000


class DocumentAuthors:
    """Who the documents of one article are by, to resolve "the post", "the statement" and "it said" to them.

    A document cited with its issuer ("a statement by the central bank") or published by a named author
    ("X announced on their website") is remembered; a later definite document ("the post continues", "The
    statement said") is its author's, and "it said" right after a document's statement is the issuer's.
    """

    def __init__(self) -> None:
        self._latest: tuple[str, int] | None = None  # (issuer or author, offset) of the latest document

    def saw_document(self, issuer: str, at: int) -> None:
        """A document with its issuer cited at offset `at`."""
        self._latest = (issuer, at)

    def saw_sentence(self, sentence: str, at: int) -> str | None:
        """Remember the author a sentence names as publishing something ("… announced on their website");
        returns that author's phrase, or None."""
        words = set(re.findall(r"[A-Za-z]+", sentence))  # (most sentences name no document: skip the patterns)
        if "by" in words and words & _DOCUMENT_WORDS:  # "A statement by the central bank's head office called …"
            cited = _BY_IN_TEXT.search(sentence)
            if cited:
                self._latest = (cited.group("issuer"), at)
        if not words & _PUBLISHING_WORDS:
            return None
        m = _PUBLISHED.search(sentence)
        if m:
            self._latest = (m.group("who"), at)
        return m.group("who") if m else None

    def author(self, phrase: str, at: int) -> str | None:
        """The issuer or author a definite document phrase ("the post", "The statement") at `at` stands for."""
        if self._latest and at - self._latest[1] <= _AUTHOR_REACH and _DEFINITE_DOCUMENT.match(" ".join(phrase.split())):
            return self._latest[0]
        return None

    def it_source(self, at: int) -> str | None:
        """What "it said" at `at` stands for: the issuer of a document cited just before, else None."""
        return self._latest[0] if self._latest and at - self._latest[1] <= _IT_REACH else None
