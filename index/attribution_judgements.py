"""Statements made by judging something: "rejected … as 'simply not credible'", "called it 'a witch hunt'".

A speaker also says something by calling, describing, rejecting or praising a thing, and English gives
these verbs a fixed frame that carries the statement:

- "described/rejected/dismissed/condemned X as Y": the judgement is Y ("what NATO described as the genocide …");
- "called/branded/dubbed X 'Y'": X and the quoted word Y (a quotation is required: "called the police"
  is a phone call, "called for calm" an appeal);
- "praised/blamed/criticised X for doing Y" and "accused X of doing Y": X and what X is said to have done
  ("accusing them of delays" names no proposition, so a gerund is required).

The speaker is the sentence's subject (after any opener), the antecedent of "…, who called …", or, in an
"-ing" clause ("…, calling such drills …"), the subject of the sentence it hangs on.
"""

from __future__ import annotations

import re

from index.speakers import PRONOUN, SPEAKER
from index.speaker_descriptions import DESCRIBED

_WHO = rf"(?P<who>{SPEAKER}|{PRONOUN}|{DESCRIBED})"
# Up to two comma-closed openers before the subject ("In June, ", "On Thursday, ").
_OPENERS = r"(?:(?:[A-Z][^,;\"“”]{0,100}|[Bb]ut|[Aa]nd),\s+){0,2}"
_ADVERBS = r"(?:\s+(?:also|later|then|once|again|since|previously|has|have|had|himself|herself|[a-z]+ly))*"
_AS = r"(?:describ|reject|dismiss|criticiz|criticis|condemn|denounc|characteriz|characteris|hail|slamm?|brand|label+)"
_CALL = r"(?:call|brand|dub+|term|label+)"
_FOR = r"(?:prais|blam|criticiz|criticis|fault|commend|credit)"
_ENDING = r"(?:ed|es|s|e|)"
_QUOTES = "\"“”"
# What each verb frame says: the verb, then the statement (its end is the clause's end).
_FRAMES = (
    # ("rejected a description of his policies as 'isolationist'": the description is someone else's)
    rf"{_AS}{_ENDING}\s+(?!as\b|(?:a|the|any|this|that)\s+(?:description|characteri[sz]ation|label|portrayal)\b)"
    rf"[^,;{_QUOTES}]{{1,120}}?\s+as\s+(?P<s>[^,;]{{4,}}?)",
    rf"{_CALL}{_ENDING}\s+(?!(?:for|on|off|up|in|out|back|it\s+quits)\b)(?P<s>[^,;{_QUOTES}]{{1,80}}?[{_QUOTES}][^{_QUOTES}]{{2,}}(?:[{_QUOTES}][^,;{_QUOTES}]*?)?)",
    rf"{_FOR}{_ENDING}\s+(?P<s>[^,;]{{1,100}}?\s+for\s+(?:\w+ing|having)\b[^;]{{3,}}?)",
    rf"accus{_ENDING}\s+(?P<s>[^,;]{{1,80}}?\s+of\s+(?:\w+ing|having)\b[^;]{{3,}}?)",
)
# A clause ends at a comma, a semicolon, "and <verb>ed" or the sentence's end.
_CLAUSE_END = r"(?=\s+and\s+[a-z]+ed\b|[,;]|\.?[{q}]?\s*$)".format(q=_QUOTES)

_AT_START = [re.compile(rf"^{_OPENERS}{_WHO}(?:,[^,;{_QUOTES}]{{2,90}},)?{_ADVERBS}[\s\-]+{frame}{_CLAUSE_END}", re.S)
             for frame in _FRAMES]
_WHO_CLAUSE = [re.compile(rf"(?P<who>{SPEAKER}),\s+who{_ADVERBS}\s+{frame}{_CLAUSE_END}", re.S) for frame in _FRAMES]
_WHAT_X = re.compile(rf"\bwhat\s+(?P<who>{SPEAKER}){_ADVERBS}\s+(?:describ|call|term|dubb?|brand){_ENDING}\s+(?:as\s+)?"
                     rf"(?P<s>[^,;]{{4,}}?){_CLAUSE_END}", re.S)
# "…, calling such drills counterproductive …", "… in a statement calling Sessions an 'honest man'".
_ING = rf"(?:describing|rejecting|dismissing|condemning|calling|branding|dubbing|labell?ing|praising|blaming|accusing)"
_ING_CLAUSE = re.compile(rf"(?:,\s+|\s+in\s+an?\s+(?:statement|tweet|speech|interview)\s+)(?P<verb>{_ING})\s+"
                         rf"(?!(?:for|on|off|up|in|out|back)\b)(?P<s>[^;]{{6,}}?){_CLAUSE_END}", re.S)
# The subject of a sentence, after its openers: a speaker followed by a verb in the past or present.
_SUBJECT = re.compile(rf"^{_OPENERS}{_WHO}(?:,[^,;{_QUOTES}]{{2,90}},)?{_ADVERBS}\s+[a-z]+(?:ed|s)\b")


def judgement_matches(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, speaker phrase) of the judgements in a sentence no other pattern attributed."""
    if not _VERB_STEMS.search(sentence):  # most sentences judge nothing: skip (speed)
        return []
    # each frame needs its word ("as", a quotation mark, "for", "of"), the clauses theirs (", who", "what")
    keys = [" as " in sentence, any(q in sentence for q in _QUOTES), " for " in sentence, " of " in sentence]
    patterns = [p for p, key in zip(_AT_START, keys) if key]
    if ", who " in sentence:
        patterns += [p for p, key in zip(_WHO_CLAUSE, keys) if key]
    if "what " in sentence:
        patterns.append(_WHAT_X)
    for pattern in patterns:
        m = pattern.search(sentence)
        if m and m.group("s") and not _odd_quotes(sentence[:m.start("who")]):
            return [(m.start("s"), m.end("s"), m.group("who"))]
    return []


def judging_clause(sentence: str, after: int = 0) -> tuple[int, int, str] | None:
    """An "-ing" judgement hanging on the sentence ("…, calling X 'Y'"): (start, end, verb), or None."""
    m = _ING_CLAUSE.search(sentence, after)
    if not m or _odd_quotes(sentence[:m.start()]):
        return None
    verb = m.group("verb")
    s = m.group("s")
    if verb in ("calling", "branding", "dubbing") and not any(q in s for q in _QUOTES) and " as " not in s:
        # "calling such drills counterproductive to security": an object and its judgement, no quotation
        if len(s.split()) < 4:
            return None
    if verb in ("praising", "blaming") and not re.search(r"\sfor\s+(?:\w+ing|having)\b", s):
        return None
    if verb == "accusing" and not re.search(r"\sof\s+(?:\w+ing|having)\b", s):
        return None
    if verb in ("describing", "rejecting", "dismissing", "condemning") and " as " not in s:
        return None
    return m.start("s"), m.end("s"), verb


def sentence_subject(sentence: str) -> str | None:
    """The speaker phrase that is the sentence's subject, after its openers ("In June, the minister criticized …")."""
    m = _SUBJECT.match(sentence)
    return m.group("who") if m else None


def _odd_quotes(text: str) -> bool:
    return sum(text.count(q) for q in _QUOTES) % 2 == 1


_VERB_STEMS = re.compile(r"\b(?:describ|reject|dismiss|criticiz|criticis|condemn|denounc|characteri|hail|slamm?|"
                         r"brand|label|call|dub|term|prais|blam|fault|commend|credit|accus)[a-z]*(?:ed|es|s|e|ing)\b")
