"""The action a "Who …?" question asks about, and whether a sentence reports it.

"Who stole the Big Maple Leaf gold coin from the Bode Museum?" asks who *stole* it. A cited sentence
that holds a name but says nothing of stealing ("the coin was issued … ahead of Queen Elizabeth II's
state visit") does not answer it, however many of the question's other words it shares: a share of
words cannot tell the verb from the rest (the sentence above shares "coin"). On the 2026-12-03 demo
run (`d100dcc`), 4 of the 6 unanswerable questions the model answered were of this kind — "Who won
the Dutch general election …?" → "Geert Wilders", "Who succeeded Enda Kenny …?" → "Cyril Burke",
"Who stole …?" → "Queen Elizabeth II", "Who was arrested over the bomb threats …?" → "David Jacobs"
— each cited with no warning.

Only the question's verb right after "Who" (or "Who was/has been …") is taken: that verb's subject
(or object, in the passive) is the answer. Verbs of saying and seeing are left out ("Who was seen as
…", "Who said …"): articles put them a dozen ways. Inflections come from lemminflect's dictionary
("stole" → steal, stolen, stealing); a shared five-letter stem covers derivations ("succeeded" →
"successor", "arrested" → "arrest"), and the agent noun covers short verbs ("won" → "winner", "led" →
"leader", "killed" → "killer"): "the election's winner, Mark Rutte" says who won.
"""

from __future__ import annotations

import re

import lemminflect

from index.text import WORD
from qa.attribution_clause import without_attribution

_BE_AUX = frozenset("is are was were".split())
_HAVE_AUX = frozenset("has have had".split())
_AUXILIARIES = _BE_AUX | _HAVE_AUX
# Verbs that frame a claim rather than state the act asked about.
_FRAMING = frozenset("be have do say tell report describe call name see consider regard think believe know "
                     "mention quote cite".split())
STEM = 5  # letters a derivation must share with the verb ("succe" in "successor", "arres" in "arrest")
# Verbs news often states in other words: a cause is what "led to" or "resulted in" it ("attacks … which led to
# civilian casualties", blind s11-14, where the right "Yes" was flagged). Not after "was"/"were": "He was led
# to the car" is no cause.
_PHRASINGS = {"cause": re.compile(r"(?<!\bwas )(?<!\bwere )\b(?:led|leads?|leading|result(?:s|ed|ing)?)\s+(?:to|in)\b")}


# "What is the name of the State Duma official who estimated …?" asks who estimated it (blind s36-03, unanswerable,
# got "Pyotr Tolstoy" cited to a sentence of his about the EU, unflagged).
_NAME_OF_WHO = re.compile(r"^\s*what\s+is\s+the\s+name\s+of\s+(?:the|a|an)\s+[^?]*?\bwho\s+(?=[a-z])", re.IGNORECASE)


def asked_action(question: str) -> str | None:
    """The question's own words for the action it asks who did ("stole", "was arrested"), or None when
    it does not open with "Who" (or "What is the name of the … who") and a verb."""
    words = WORD.findall(_NAME_OF_WHO.sub("Who ", without_attribution(question)))  # "Who, according to X, …"
    if len(words) < 2 or words[0].lower() != "who":
        return None
    at = 2 if words[1].lower() in _AUXILIARIES else 1
    if at == 2 and len(words) > 2 and words[2].lower() == "been":
        at = 3
    if at >= len(words) or _verb_lemma(words[at]) is None:
        return None
    return " ".join(words[1:at + 1])


# Verbs that say little until their object does: "Who gave the estimate …?" asks who estimated (blind s55-10,
# "Russia estimates its campaign could last three to four months, the head of the … committee said": a right
# answer flagged "no cited sentence naming it says who gave").
_LIGHT_VERBS = frozenset("give make issue deliver offer provide put".split())
_LIGHT_OBJECT = re.compile(r"^(?:the|a|an|his|her|its|their)\s+([a-z]{4,})\b")


def asked_act_noun(question: str) -> str | None:
    """The noun a light verb's act is in ("estimate" for "Who gave the estimate …?"), else None."""
    action = asked_action(question)
    if not action or " " in action or _verb_lemma(action) not in _LIGHT_VERBS:
        return None
    asked = without_attribution(question)
    at = re.search(rf"\b{re.escape(action)}\s+", asked)
    found = _LIGHT_OBJECT.match(asked[at.end():]) if at else None
    return found.group(1) if found else None


_DO_AUX = frozenset("do does did will would can could should may might shall".split())


def who_is_object(question: str) -> bool:
    """True when a "Who …?" question asks whom an act is done to, not who does it: "Whom …?", "Who did
    Kerry meet?" (an auxiliary, its subject, then the bare verb) and "Who are Russia's air strikes in
    Syria actually hitting?" (a subject between "are" and the verb in -ing, which ends the question or
    comes before a preposition), "Who has Emily Maitlis described as …?" (a subject, then the past
    participle). A sentence saying who said or did something answers neither: blind
    s17-16 was given the Duma committee head who estimated the campaign's length as the one the strikes
    hit. "Who is leading the talks?" and "Who is the head of …?" ask for the doer or the person."""
    words = WORD.findall(question)
    if len(words) < 3 or words[0].lower() not in ("who", "whom"):
        return False
    if words[0].lower() == "whom":
        return True
    aux, rest = words[1].lower(), words[3:]
    if aux in _DO_AUX:
        return any(w[:1].islower() and lemminflect.getAllLemmas(w).get("VERB", [None])[0] == w for w in rest)
    if aux in _HAVE_AUX and "VERB" not in lemminflect.getAllLemmas(words[2].lower()):
        return any(w[:1].islower() and w in lemminflect.getInflection(lemma, tag="VBN")
                   for w in rest for lemma in lemminflect.getAllLemmas(w).get("VERB", [])[:1])
    if aux in _BE_AUX and not words[2].lower().endswith("ing"):
        for i, w in enumerate(rest):
            if w[:1].islower() and w.endswith("ing") and "VERB" in lemminflect.getAllLemmas(w):
                return i == len(rest) - 1 or rest[i + 1].lower() in _AFTER_ACT
    return False


_WHICH_AUX = frozenset("did does do is are was were has have had will would can could should may might".split())


def subject_action(question: str) -> str | None:
    """The act a "Which <someone> <act> …?" question asks who did ("Which Pentagon official led the talks?"
    → "led"): the first word after "Which" that can be a verb and not a noun, when no auxiliary comes
    first ("Which airports did the experts inspect?" asks for the object, not the doer); else None."""
    words = [w.strip(",;:?!.\"“”'") for w in question.split()]
    if len(words) < 3 or words[0].lower() != "which":
        return None
    for word in words[1:]:
        if "-" in word or not word.isalpha():  # "Prize-winning" describes; it does not say the act
            continue
        if word.lower() in _WHICH_AUX:
            return None
        lemmas = lemminflect.getAllLemmas(word.lower())
        if word[:1].islower() and "VERB" in lemmas and "NOUN" not in lemmas:
            return None if lemmas["VERB"][0] in _FRAMING else word
    return None


def yes_no_action(question: str) -> str | None:
    """The act a yes/no question asks about: its first word after the opening one that can only be a
    verb and is not a name or a framing verb ("Were any explosive devices found at …?" → "found"), or
    None. A "Yes" needs it said near its quote: "The center received its one and only bomb threat"
    does not say a device was found."""
    for word in WORD.findall(question)[1:]:
        if not word[:1].isupper() and _verb_lemma(word):
            return word
    return None


_WHAT_AUX = frozenset("did does do will would has have had".split())
# Where a "What did X <act> …?" question's act ends: the first of these words follows it.
_AFTER_ACT = frozenset("for to about on in at as with from after over into against that of by".split())


def what_action(question: str) -> str | None:
    """The act a "What did <someone> <act> …?" question asks the object of: the last word before its
    first preposition (or its end) that is a verb in its bare form and no framing one ("What did the
    Kremlin blame for the airstrike?" → "blame"), or None. A quote that never says the act does not
    answer it: "A Russian airstrike in Syria killed three Turkish soldiers …" says nothing of what the
    Kremlin blamed (demo-108, quoted after the model abstained, 2026-12-04). Only "What" right before
    its auxiliary: in "What pretext did the military give …?" the noun carries the ask, not "give"."""
    words = WORD.findall(question)
    if len(words) < 3 or words[0].lower() != "what" or words[1].lower() not in _WHAT_AUX:
        return None
    act = None
    for word in words[2:]:
        low = word.lower()
        if low in _AFTER_ACT and act:
            break
        lemmas = lemminflect.getAllLemmas(low).get("VERB")
        if lemmas and lemmas[0] in _FRAMING:
            return None  # "What did Lavrov say …?": asked what someone said (qa.abstain's speech questions)
        if not word[:1].isupper() and lemmas and lemmas[0] == low:
            act = low
    return act


def _verb_lemma(word: str) -> str | None:
    """The lemma of `word` when it can only be a verb and is not a framing one."""
    lemmas = lemminflect.getAllLemmas(word.lower())
    if set(lemmas) != {"VERB"}:
        return None
    lemma = lemmas["VERB"][0]
    return None if lemma in _FRAMING else lemma


def agent_nouns(lemma: str) -> set[str]:
    """The nouns for who does what the verb `lemma` says, as English spells them: win → winner, lead →
    leader, make → maker, direct → director (some spellings are not words; they match nothing)."""
    nouns = {lemma + "er", lemma + "or", lemma + lemma[-1] + "er"}
    if lemma.endswith("e"):
        nouns.add(lemma + "r")
    return nouns


def verb_lemmas(text: str) -> set[str]:
    """The dictionary forms of the words of `text` that can be verbs ("met" → meet, "stole" → steal), so
    an irregular past meets the present a question asks in."""
    out = set()
    for word in WORD.findall(text.lower()):
        lemmas = lemminflect.getAllLemmas(word).get("VERB")
        if lemmas and lemmas[0] != word:
            out.add(lemmas[0])
    return out


def dictionary_forms(text: str) -> dict[str, str]:
    """Each word of `text` that can be a verb in another form, mapped to its dictionary form ("spoke" →
    speak, "flying" → fly), so a question's "spoke" meets an article's "Speaking"."""
    out = {}
    for word in WORD.findall(text.lower()):
        lemmas = lemminflect.getAllLemmas(word).get("VERB")
        if lemmas and lemmas[0] != word:
            out[word] = lemmas[0]
    return out


def reports_action(action: str, text: str) -> bool:
    """True when `text` holds a form of the action's verb (`asked_action`'s last word): any inflection,
    its agent noun, a word sharing its first `STEM` letters, or another phrasing of it (`_PHRASINGS`)."""
    lemma = _verb_lemma(action.split()[-1]) or action.split()[-1].lower()
    if lemma in _PHRASINGS and _PHRASINGS[lemma].search(text.lower()):
        return True
    forms = {lemma, *(f for fs in lemminflect.getAllInflections(lemma, upos="VERB").values() for f in fs)}
    forms |= {noun + s for noun in agent_nouns(lemma) for s in ("", "s")}
    for word in WORD.findall(text.lower()):
        if word in forms or (len(lemma) >= STEM and word.startswith(lemma[:STEM])):
            return True
    return False
