"""Speech and reporting verbs: the words that say someone said something ("said", "told", "was quoted as saying").

A lexicon, not a model: the verb is what separates an attribution ("Lavrov said …")
from any other sentence with a name in it, so the list holds verbs of saying,
writing, claiming and believing — every tense of each (`forms`), so "officials say",
"he has warned", "she tweeted" and "critics argue" are all attributions without
listing each form by hand.
"""

from __future__ import annotations

import re

# Irregular verbs: base, third person, past, -ing.
_IRREGULAR = {
    "say": ("says", "said", "saying"), "tell": ("tells", "told", "telling"), "write": ("writes", "wrote", "writing"),
    "think": ("thinks", "thought", "thinking"), "hold": ("holds", "held", "holding"),
}
# Regular verbs of saying and reporting (their forms are made by `forms`). Verbs that often mean
# something else with a name before them ("called for", "asked for", "reported to") are left out
# of the bare lists and kept where the quotation or "that" makes them unambiguous (`THAT_ONLY`).
_REGULAR = ("add note state announce declare explain warn insist argue claim stress urge reply continue "
            "acknowledge admit confirm emphasise emphasize recall suggest complain predict tweet promise vow "
            "conclude believe quip remark deny reiterate clarify testify assert allege cry accuse label "
            "estimate maintain contend concede observe caution charge boast joke shout respond counter disclose "
            "reveal agree recount describe dismiss reckon fear hope lament complain repeat recall explain "
            "affirm object protest scream whisper yell muse mention ask report outline indicate").split()
# Base forms kept for plural speakers ("officials say", "critics argue"); the others' base forms are
# mostly nouns after a name ("the state", "a charge", "the police report").
_BASE_OK = {"say", "tell", "believe", "argue", "claim", "insist", "warn", "fear", "think", "agree", "deny", "allege",
            "contend", "maintain", "estimate", "write", "add", "accuse", "predict", "suggest", "acknowledge", "admit"}


def forms(verb: str) -> tuple[str, ...]:
    """Base, third person, past and -ing forms of a verb ("deny" → deny, denies, denied, denying)."""
    if verb in _IRREGULAR:
        return (verb, *_IRREGULAR[verb])
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"
    if verb.endswith("ee"):
        return verb, verb + "s", verb + "d", verb + "ing"
    if verb.endswith("e"):
        return verb, verb + "s", verb + "d", verb[:-1] + "ing"
    if verb in ("label", "quip"):  # doubled final consonant ("labelled", "quipped"); US "labeled" too
        double = verb + verb[-1]
        return verb, verb + "s", double + "ed", verb + "ed", double + "ing", verb + "ing"
    if verb in ("admit", "regret", "omit"):  # a stressed last syllable doubles its consonant: "admitted"
        return verb, verb + "s", verb + verb[-1] + "ed", verb + verb[-1] + "ing"
    if verb.endswith(("sh", "ch", "ss")):
        return verb, verb + "es", verb + "ed", verb + "ing"
    return verb, verb + "s", verb + "ed", verb + "ing"


def _finite(verbs: list[str]) -> str:
    words = {f for v in verbs for f in forms(v)[1:] if not f.endswith("ing")} | (set(verbs) & _BASE_OK)
    return "|".join(sorted(words, key=len, reverse=True))


_ALL = sorted(set(_REGULAR) | set(_IRREGULAR))
# Finite forms ("said", "says", "say", "denied"), longest first so "says" is not read as "say".
# ("gave evidence that", "told the court": a witness's statement in court reporting)
# ("expressed the view that", "has made it clear he will not": the view or the clear point is the statement)
VERBS = _finite(_ALL) + (r"|pointed out|went on to say|expressed (?:the )?hope|expressed regret|gave evidence|gives evidence"
                         r"|expressed the view|expressing the view|made it clear|makes it clear")
# After a quotation, the verbs that may come before their speaker ("…,” said Smith); never "told" (its
# object is the listener: "…, Knight told Britain's Press Association").
INVERTED_VERBS = "|".join(f for f in VERBS.split("|") if f not in ("told", "tells", "tell"))
# "was quoted as saying", "was cited as saying", "has said", "had previously maintained", "would say"
VERB = (rf"(?:(?:was|were)\s+(?:quoted|cited)\s+(?:\w+\s+)?as\s+saying"
        rf"|(?:is|was|are|were)\s+(?:also\s+)?(?:said|reported|alleged)\s+to\s+have\s+(?:{VERBS})"  # "is said to have described"
        rf"|(?:did|does|do)(?:,\s+\w+,)?\s+(?:say|tell|add|claim|insist|warn|write)"  # "Comey did, however, say"
        rf"|(?:has|have|had|would|will|also|later|then|further|again|previously|repeatedly|reportedly|"
        rf"publicly|privately|once|earlier|recently|angrily|openly)\s+(?:(?:also|previously|repeatedly|been)\s+)?(?:{VERBS})"
        rf"|{VERBS})")
# -ing forms that open a second statement inside a sentence ("…, adding that …", "…, saying the attacks …").
CLAUSE_VERBS = "|".join(sorted({forms(v)[-1] for v in _ALL} | {"expressing (?:the )?hope"}, key=len, reverse=True))
# Verbs that take a plain object as often as a statement ("denied all six charges", "described the scene",
# "accused Russia of …", which names a charge, not what was said):
# without "that" or a quotation after them, what follows is not a statement.
# ("stressed a commitment", "outlined the case", "reiterated its position": verbs of emphasis take plain objects too)
OBJECT_VERBS = "|".join(sorted({f for v in ("deny", "accuse", "describe", "dismiss", "charge", "reveal", "disclose", "mention",
                                            "repeat", "recount", "object", "protest", "ask", "report", "tell", "agree",
                                            "stress", "emphasise", "emphasize", "reiterate", "outline", "indicate")
                                for f in forms(v)[1:] if not f.endswith("ing")}, key=len, reverse=True))


def first_words(alternatives: str) -> frozenset[str]:
    """The first word of each `|`-separated alternative of a verb pattern ("pointed" of "pointed out"): a
    pattern can only match a text that holds one of them, a cheap test before trying it."""
    return frozenset(re.findall(r"[a-z]+", form)[0] for form in alternatives.split("|"))
