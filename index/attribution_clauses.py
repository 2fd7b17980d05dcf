"""Attributions inside a sentence rather than at its start: who said what mid-sentence.

The sentence patterns of `index.attribution` read a speaker that opens a sentence or follows a
quotation. English also attributes from inside a sentence, and these shapes carry across outlets:

- a speaker after a clause boundary: "…, and Minister Michael Noonan said he expects …",
  "Last week, after Iran tested a missile, Trump tweeted that …";
- an elided subject: "Police named him as X, but said he had also used …";
- a possessive claim: "rejected Sessions's claim that his contacts …", "WikiLeaks' recent claim that …";
- a relative clause with a speaker: "… which US intelligence says interfered …",
  "… a statement that he said showed …", "that effort - which officials say was directed by …".

Each is one regular expression; `embedded_matches` returns (start, end, speaker phrase) in the
sentence, like the patterns it complements.
"""

from __future__ import annotations

import re

from index.speakers import PRONOUN, RESEARCH_NOUNS, SPEAKER
from index.speaker_descriptions import DESCRIBED
from index.speech_verbs import OBJECT_VERBS, VERB, VERBS, first_words

_QUOTES = "\"“”"
_SELF = r"(?:\s+(?:himself|herself|itself|themselves))?"  # "Mr Trump himself insisted"
_WHEN = (r"(?:\s+(?:on\s+|last\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)"
         r"(?:\s+(?:morning|afternoon|evening|night))?)?")
# A reported clause without "that" opens like a clause: a pronoun, a determiner, a name or a quotation
# ("said he expects", "claimed the fire was"), not an object ("said nothing", "told reporters").
_CLAUSE_START = (r"(?:(?:he|she|they|it|there|the|a|an|his|her|their|its|this|these|those|we|i|some|many|no|"
                 r"more|most|all|one|two|three)\b|[A-Z0-9\"“])")
# Where a speaker can begin inside a sentence: after a comma or a conjunction.
_BOUNDARY = (r"(?:[,;]\s+|\s+(?:and|but|after|while|as|because|when|before|since|until|although|though|once|where|"
             r"so)\s+)")
# Mid-sentence, feelings and listeners are no attribution ("although Democrats fear that …", "told reporters").
_WEAK = r"fears?|feared|hopes?|hoped|told|tells|tell"
_MID_SAID = re.compile(
    rf"{_BOUNDARY}(?P<who>{SPEAKER}|{PRONOUN}){_SELF}{_WHEN}\s+(?:(?!(?:{_WEAK})\b)(?:{VERB})\s+that,?\s+"
    rf"|(?!(?:{OBJECT_VERBS}|{_WEAK})\b)(?:{VERB})\s+(?={_CLAUSE_START})"
    # a pronoun listener, then a clause: "… and Judge Aylmer told them it was anticipated …"
    rf"|(?:told|tells|assured|reassured)\s+(?:him|her|them|us|me|reporters|journalists)\s+(?:that\s+)?(?={_CLAUSE_START}))"
    rf"(?P<s>[^\n]{{15,}})$", re.S)
# "Brazil's government has been bending over backward to assure foreign consumers there has been no threat":
# what the subject sets out to assure a listener of is its statement.
# "Research has shown that …", "One study of cost data from school districts found that …", "A survey by Spring
# Professional, a subsidiary of Adecco, found that …", "Bloomberg poll revealed that …": research reports what
# it found as a person reports what they said (with "that": "studies have found higher rates" is an object).
_RESEARCH_FOUND = re.compile(
    rf"(?:^|,\s+)(?P<who>(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]his|[Aa]nother|[Ii]nitial|[Rr]ecent|[Nn]ew|[Oo]ther)\s+)?"
    rf"(?:[A-Za-z][\w\-]*\s+){{0,2}}?{RESEARCH_NOUNS}(?:\s+(?:of|on|by|from|in|for)\s+[^,;{_QUOTES}]{{3,60}}?)?)"
    rf"(?:,\s+[^,;{_QUOTES}]{{3,100}},)?\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?"
    rf"(?:shows?|showed|shown|found|finds?|suggests?|suggested|indicates?|indicated|reveals?|revealed|concluded)"
    rf"\s+that,?\s+(?P<s>[^\n]{{15,}})$", re.S)
# (a cheap word the pattern needs, then a quick look for the verb: most sentences fail the first)
_FINDING = (" that", re.compile(r"\b(?:shows?|showed|shown|found|finds?|suggests?|suggested|indicates?|indicated|"
                                r"reveals?|revealed|concluded)\s+that\b"))
_ASSURING = (" to ", re.compile(r"\bto\s+(?:assure|reassure|convince|persuade|tell|inform)\b"))
_TO_ASSURE = re.compile(
    # (to tell, inform or persuade someone takes "that": "to inform the court within a fortnight whether …")
    rf"(?:^|,\s+)(?P<who>{SPEAKER})\s+[^,;{_QUOTES}]{{0,60}}?\bto\s+(?:assure|reassure|convince|(?P<that_verb>persuade|tell|inform))\s+"
    rf"(?:[\w'’]+\s+){{0,3}}?[\w'’]+\s+(?:that\s+|(?(that_verb)(?!)))(?P<s>(?:there|he|she|they|it|the|a|an|his|her|their|its|no)\b[^\n]{{10,}})$", re.S)
# "Police named the driver as X, but said he …": the sentence's subject speaks in its second verb.
_ELIDED = re.compile(
    rf"^(?:[A-Z]\w*,\s+)?(?P<who>{SPEAKER})\s+(?:\w+ly\s+|first\s+|also\s+)?[a-z]+(?:ed|s)\b[^{_QUOTES};]{{0,150}}?"
    rf"(?:,\s+but|,?\s+and)\s+(?:also\s+|later\s+)?(?:said|says|added|adds|warned|insisted|stressed|noted|claimed)"
    rf"(?:\s+that,?\s+|\s+(?={_CLAUSE_START}))(?P<s>[^\n]{{15,}})$", re.S)
# "Sessions's claim that …", "WikiLeaks' recent claim that …", "Trump's baseless accusations that …".
_POSSESSIVE_CLAIM = re.compile(
    r"(?P<who>(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*?)(?:['’]s|(?<=s)['’])\s+(?:[a-z]+\s+){0,2}?"
    r"(?:claims?|accusations?|assertions?|allegations?|insistence|contention|argument|belief|warnings?|"
    r"predictions?|suggestion)\s+that\s+(?P<s>[^;\"“”]{10,}?)(?=[,;.]|\s+as\s+[\"“]|$)")
# "… which US intelligence says interfered …", "… - which officials say was directed …".
_WHICH_X_SAYS = re.compile(
    rf"(?:,\s+|\s+[-–—]\s+)(?:which|who)\s+(?P<who>{SPEAKER})\s+(?:says|said|say|believes?|believed|claims?|"
    rf"claimed|alleges?|alleged)\s+(?P<s>[^,;{_QUOTES}]{{10,}}?)(?=[,;.]|\s+[-–—]\s|$)")
# "… a G20 statement that he said showed …": the clause after the verb lacks its subject (the gap is
# "that"), so it opens with a verb.
_THAT_X_SAID = re.compile(
    rf"\s+that\s+(?P<who>{SPEAKER}|{PRONOUN})\s+(?:says|said|believes?|believed|claims?|claimed)\s+"
    rf"(?P<s>(?:was|were|is|are|had|has|have|would|will|could|did|[a-z]+ed)\b[^,;]{{6,}}?)(?=[,;.]|$)")


# "…, echoed by Brendan Heneghan, who said “the fat lady has not yet sung”", "sued by a man who claims the star
# used his photo": the speaker is the relative pronoun's antecedent; what it said runs to the sentence's end.
_X_WHO_SAID = re.compile(
    rf"(?P<who>{SPEAKER}|{DESCRIBED}),?\s+who\s+(?:(?:has|had|have)\s+)?(?:says|said|claims?|claimed|insists?|"
    rf"insisted|argues|argued|believes|believed|warns|warned|(?:tells|told)\s+(?:him|her|them|me|us|reporters))"
    # ("people who told him how to get there": a question or an instruction is no statement)
    rf"\s+(?:that\s+)?(?!(?:how|what|where|when|why|whether|who|to)\b)(?P<s>[^,;]{{10,}}?)[.!?{_QUOTES}]*$")


_WHO_VERB = re.compile(r"\bwho\s+(?:(?:has|had|have)\s+)?(?:says|said|claims?|claimed|insists?|insisted|argues|argued|"
                       r"believes|believed|warns|warned|tells|told)\b")


def has_speech_verb(text: str) -> bool:
    """True when `text` holds a word that opens a speech verb ("said", "pointed" of "pointed out", "quoted")."""
    return bool(_VERB_WORDS.intersection(re.findall(r"[a-z]+", text)))


def _odd_quotes(text: str) -> bool:
    return sum(text.count(q) for q in _QUOTES) % 2 == 1


def relative_matches(sentence: str) -> list[tuple[int, int, str]]:
    """Statements of a speaker inside a relative clause or a possessive claim, outside any quotation."""
    out = []
    words = set(re.findall(r"[a-z]+", sentence))
    for pattern, needed in ((_WHICH_X_SAYS, {"which", "who"}), (_THAT_X_SAID, {"that"}), (_POSSESSIVE_CLAIM, _CLAIMS),
                            (_X_WHO_SAID, {"who"})):
        if not words & needed:  # a word the pattern needs is absent: skip it (most sentences; speed)
            continue
        if pattern is _X_WHO_SAID and not _WHO_VERB.search(sentence):  # (a speaker phrase tried at every word is slow)
            continue
        for m in pattern.finditer(sentence):
            if not _odd_quotes(sentence[:m.start()]) and not (pattern is _THAT_X_SAID and _odd_quotes(m.group("s"))):
                # inside a quotation it is the quoted speaker's words
                out.append((m.start("s"), m.end("s"), m.group("who")))
    return out


def embedded_matches(sentence: str) -> list[tuple[int, int, str]]:
    """A statement whose speaker stands inside the sentence (a last resort: no other pattern matched)."""
    verbs = has_speech_verb(sentence)  # most sentences have none, nor "to assure": skip (speed)
    for pattern, gate in ((_ELIDED, None), (_MID_SAID, None), (_TO_ASSURE, _ASSURING), (_RESEARCH_FOUND, _FINDING)):
        if not verbs if gate is None else not (gate[0] in sentence and gate[1].search(sentence)):
            continue
        m = pattern.search(sentence)
        if m and not _odd_quotes(sentence[:m.start("who")]) and not _coordinated(sentence[:m.start("who")]):
            return [(m.start("s"), m.end("s"), m.group("who"))]
    return []


def _coordinated(before: str) -> bool:
    """True when the text before "and <speaker>" is itself a speaker ("Sgt McCabe and his wife said"): one subject."""
    head = re.split(r",\s+", before.rstrip())[-1]
    head = re.sub(r"\s+and$", "", head)
    return before.rstrip().endswith(" and") and bool(_SPEAKER_ONLY.fullmatch(head))


_SPEAKER_ONLY = re.compile(SPEAKER)
# The first word of each speech verb form ("pointed" of "pointed out"), and of "was quoted as saying".
_VERB_WORDS = first_words(VERBS) | {"quoted", "cited", "saying"}
_CLAIMS = {"claim", "claims", "accusation", "accusations", "assertion", "assertions", "allegation", "allegations",
           "insistence", "contention", "argument", "belief", "warning", "warnings", "prediction", "predictions",
           "suggestion"}
