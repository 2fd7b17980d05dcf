"""A claim someone made, then "Is that correct?": the yes/no question the claim asks.

Fact-checkers ask this way: "A social media post says the Dutch government was among the signatories of the
joint statement criticising Russia's strikes in Syria. Is that correct?" (held-out s68-13, gold No). Every
yes/no check reads the question that asks, and "Is that correct?" asks nothing by itself: the model answered
"yes", flagged. Asked as "Was the Dutch government among the signatories of …?", the statement's list of seven
governments answers "No". `claim_as_question` gives the claim back as that question: the report of it
("A social media post says", "Someone claims") dropped, and its first auxiliary put first ("was" → "Was the Dutch
government …?"), or, when a verb in the past or present comes first, "did"/"does" with the verb's dictionary
form ("Lavrov said …" → "Did Lavrov say …?"). Any other question is given back as it is.
"""

from __future__ import annotations

import re

import lemminflect

from index.text import STOPWORDS

# The report of a claim, then the claim (one sentence; "U.S.-backed" inside it), then an ask whether it holds. Its
# verb is the first verb of saying: "A social media post says …" is reported by "says", not by the noun "post".
_CLAIM_CHECK = re.compile(
    r"^\s*(?P<report>[^.?!]*?\b(?:say|says|said|claim|claims|claimed|posted|tweeted|writes|wrote|alleges|alleged|insists"
    r"|insisted|suggests|suggested|argues|argued)\b(?:\s+that)?)\s+(?P<claim>(?:[^.?!]|\.(?=\S))+?)[.!]\s+"
    r"(?P<ask>(?:is|was)\s+(?:that|this|it|the\s+(?:claim|post))\s+(?:correct|true|right|accurate|so)"
    r"|is\s+that\s+what\s+the\s+(?:article|story|report|piece)\s+(?:says|reports|states|said|reported)"
    r"|does\s+the\s+(?:article|story|report|piece)\s+(?:say|support|back|confirm)\s+(?:that|this|it))\s*\??\s*$",
    re.IGNORECASE)
_AUXILIARIES = frozenset("is are was were has have had will would can could should did does do may might must".split())
_WORD = re.compile(r"\S+")


def claim_as_question(text: str) -> str:
    """The yes/no question a reported claim followed by "Is that correct?" asks (see the module docstring), or
    `text` unchanged when it is no such question or its claim has no verb to ask with."""
    m = _CLAIM_CHECK.match(text)
    if not m:
        return text
    words = _WORD.findall(m.group("claim"))
    for i, word in enumerate(words[1:], 1):
        bare = word.lower().strip(",;")
        if bare in _AUXILIARIES:
            return _question(bare, words[:i], words[i + 1:])
        lemma = _verb_lemma(bare)
        if lemma:
            past = bare in lemminflect.getInflection(lemma, "VBD")
            return _question("did" if past else "does", words[:i], [lemma] + words[i + 1:])
    return text


def _verb_lemma(word: str) -> str | None:
    """The dictionary form of a verb in the past ("said" → "say") or the third person ("regards" → "regard"); None
    for anything else, and for a word that is also a noun in that form ("attacks", "hit")."""
    lemmas = lemminflect.getAllLemmas(word)
    if "VERB" not in lemmas or "NOUN" in lemmas or "AUX" in lemmas:
        return None
    lemma = lemmas["VERB"][0]
    forms = set(lemminflect.getInflection(lemma, "VBD")) | set(lemminflect.getInflection(lemma, "VBZ"))
    return lemma if word in forms and word != lemma else None


def _question(auxiliary: str, subject: list[str], rest: list[str]) -> str:
    first = subject[0]
    subject = [first.lower() if first.lower() in STOPWORDS else first] + subject[1:]
    return " ".join([auxiliary.capitalize(), *subject, *rest]).rstrip(",;") + "?"
