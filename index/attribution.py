"""Attributed statements in article text: who said what, found by patterns, no model.

News attributes nearly every claim, in a handful of shapes: a quotation with its
speaker after it (“…,” Davutoğlu was quoted as saying) or before it (Kerry said:
“…”), reported speech (Lavrov said that …; …, Kerry said after the meeting), and
"according to" (according to the Pentagon, …). Each shape is one regular
expression over a sentence; the speaker is a noun phrase of capitalised words and
titles ("Turkish Prime Minister Ahmet Davutoğlu", "the Pentagon", "a spokesman
for the ministry"). "He said" / "she said" take the article's previous named
speaker, or are dropped when there is none (never guessed from other names).

The statements are data about the article, never instructions: they are stored
as character offsets into the body and shown quoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.speakers import (PRONOUN, SPEAKER, SUBJECT, Speakers, clean_speaker, matches_speaker,  # noqa: F401
                            speaker_name)
from index.speech_verbs import VERB, VERBS
from index.text import split_sentences

QUOTE, REPORTED = "quote", "reported"

_OPEN, _CLOSE = "\"“", "\"”"
_WHO = rf"(?P<who>{SPEAKER}|{PRONOUN})"

# “…,” X said / “…,” said X / “…?” X asked
_QUOTE_THEN_SPEAKER = re.compile(
    rf"[{_OPEN}](?P<q>[^{_OPEN}{_CLOSE}]{{8,}}?[?!]?)[,.]?[{_CLOSE}],?\s+"
    rf"(?:{_WHO}\s+{VERB}\b|(?:{VERBS})\s+(?P<who2>{SPEAKER}))")
# X said: “…” / X told reporters, “…” / X said on Monday: “…”
_SPEAKER_THEN_QUOTE = re.compile(
    rf"(?:^|(?<=[.,;]\s)){_WHO}\s+{VERB}\b[^{_OPEN}{_CLOSE}.]{{0,60}}?[:,]\s*[{_OPEN}](?P<q>[^{_OPEN}{_CLOSE}]{{8,}})[{_CLOSE}]")
# X said (on Tuesday) that …  /  X told reporters that …  — at the start of a sentence, possibly after "On Monday, "
_OPENER = (r"(?:\([A-Za-z ]{2,20}\)\s*)?"  # "(CNN)" glued to the first sentence
           r"(?:(?:On|In|Late|Earlier|Later|Speaking|Separately|Meanwhile|But|And|However|Also|Nevertheless)"
           r"[^,]{0,60},\s+)?")
# "Sessions on Thursday announced", "Comey warned Wednesday that": a day between speaker and verb.
_DAY_GAP = (r"(?:\s+(?:on\s+|last\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)"
            r"(?:\s+(?:morning|afternoon|evening|night))?)?")
_SPEAKER_SAID_THAT = re.compile(
    rf"^{_OPENER}{_WHO}{_DAY_GAP}\s+{VERB}\b[^,;:{_OPEN}{_CLOSE}]{{0,80}}?\s+that,?\s+(?P<s>.{{15,}})$", re.S)
# X said (on Tuesday) …  — no "that"; only a day may sit between the verb and the statement.
_WHEN_WORDS = r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
_SPEAKER_SAID = re.compile(
    rf"^{_OPENER}{_WHO}{_DAY_GAP}\s+(?!told|tells|asked|reported)(?:{VERB})\b(?:\s+{_WHEN_WORDS})?,?\s+(?P<s>[^{_OPEN}].{{15,}})$", re.S)
# X told police he …  /  X allegedly told a detective (that) he …  — the listener, then the statement.
_SPEAKER_TOLD = re.compile(
    rf"^{_OPENER}{_WHO}{_DAY_GAP}\s+(?:\w+ly\s+|also\s+)?told\s+(?:[\w'’]+\s+){{0,3}}?[\w'’]+(?:\s+(?:in|on)\s+[A-Z]\w+)?"
    rf"[-–,]?\s*(?:that\s+)?(?P<s>(?:he|she|they|it|there|the|a|an|his|her|their|[A-Z{_OPEN}])\b.{{10,}})$", re.S)
# A second statement inside the sentence: "…, adding that …", "…, saying the attacks …".
_CLAUSE = re.compile(r",\s+(?:saying|adding|stressing|warning|noting|insisting|arguing|expressing (?:the )?hope)"
                     r"(?:\s+that)?,?\s+(?P<s>\S.{10,})$", re.S)
# …, X said (after the meeting). / …, said X.
_SAID_AT_END = re.compile(
    rf"^(?P<s>.{{15,}}?)(?:,[{_CLOSE}]?|[{_CLOSE}],?)\s+(?:{_WHO}\s+{VERB}|(?:said|says|added)\s+(?P<who2>{SPEAKER}))\b[^,;{_OPEN}]{{0,80}}"
    rf"(?:,\s+[^{_OPEN}]{{0,120}})?[.]?$", re.S)
# According to X, …   /   …, according to X.
# ("according to" names its source plainly, so the source is any short phrase up to the comma or the end.)
_ACCORDING_FIRST = re.compile(rf"^According to (?P<who>[^,{_OPEN}{_CLOSE}]{{2,80}}?),\s+(?P<s>.{{15,}})$", re.S)
_ACCORDING_LAST = re.compile(rf"^(?P<s>.{{15,}}?),?\s+according to (?P<who>[^,{_OPEN}{_CLOSE}]{{2,80}}?)[.]?$", re.S)


@dataclass(frozen=True)
class Statement:
    """One attributed statement: who (as written, and the name it resolves to) and the span of what was said.

    `start`/`end` are offsets of the statement text in the article body; `kind` is
    "quote" (quotation marks) or "reported" (reported speech, "according to").
    """

    speaker: str
    name: str
    text: str
    kind: str
    start: int
    end: int

    def to_json(self) -> dict:
        """The statement's fields as JSON."""
        return {"speaker": self.speaker, "name": self.name, "text": self.text, "kind": self.kind,
                "start": self.start, "end": self.end}


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Offsets with surrounding spaces, quotation marks and a trailing comma taken off."""
    while start < end and (body[start].isspace() or body[start] in _OPEN + _CLOSE):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in _OPEN + _CLOSE + ","):
        end -= 1
    return start, end



def attributed_statements(body: str) -> list[Statement]:
    """Every attributed statement found in `body`, in text order."""
    found: list[Statement] = []
    speakers = Speakers(body)
    sentences = split_sentences(body)
    orphans: list[int] = []  # sentences of quotation with nobody named in them
    by_sentence: dict[int, list[Statement]] = {}
    for i, (s_start, s_end) in enumerate(sentences):
        sentence = body[s_start:s_end]
        matches = _matches(sentence)
        if not matches and (sentence[:1] in _OPEN or (sentence.rstrip()[-1:] in _CLOSE and _odd_quotes(sentence))):
            orphans.append(i)
        for start, end, who, kind in matches:
            speaker = clean_speaker(who)
            name = speakers.resolve(speaker) if speaker else None
            if name is None:
                continue
            a, b = _trim(body, s_start + start, s_start + end)
            if b - a >= 12:
                by_sentence.setdefault(i, []).append(Statement(speaker, name, body[a:b], kind, a, b))
        speakers.saw_sentence(sentence)
    # A quotation running over several sentences is attributed once, before or after: its other
    # sentences take the speaker of the quotation next to them.
    for i in orphans:
        near = by_sentence.get(i - 1) or by_sentence.get(i + 1)
        quoted = [st for st in near or () if st.kind == QUOTE]
        if quoted:
            a, b = _trim(body, *sentences[i])
            by_sentence.setdefault(i, []).append(Statement(quoted[-1].speaker, quoted[-1].name, body[a:b], QUOTE, a, b))
    for statements in by_sentence.values():
        found.extend(statements)
    return _without_overlaps(found)


def _odd_quotes(sentence: str) -> bool:
    return (sentence.count('"') + sentence.count("“") + sentence.count("”")) % 2 == 1


def _matches(sentence: str) -> list[tuple[int, int, str, str]]:
    """(start, end, speaker phrase, kind) of the statements in one sentence, offsets into it."""
    out = []
    for m in _QUOTE_THEN_SPEAKER.finditer(sentence):
        out.append((m.start("q"), m.end("q"), m.group("who") or m.group("who2"), QUOTE))
    for m in _SPEAKER_THEN_QUOTE.finditer(sentence):
        out.append((m.start("q"), m.end("q"), m.group("who"), QUOTE))
    if not out:
        for pattern in (_ACCORDING_FIRST, _ACCORDING_LAST, _SPEAKER_SAID_THAT, _SPEAKER_TOLD, _SPEAKER_SAID,
                        _SAID_AT_END):
            m = pattern.match(sentence)
            who = m and (m.group("who") if m.groupdict().get("who") else m.groupdict().get("who2"))
            if m and who:
                out.append((m.start("s"), m.end("s"), who, REPORTED))
                break
    subject = SUBJECT.match(sentence)
    clause = _CLAUSE.search(sentence, out[-1][0] if out else 0)
    if clause and (out or subject):
        who = out[-1][2] if out else subject.group(0)  # type: ignore[union-attr]
        if out and out[-1][1] > clause.start():  # the first statement ends where "…, adding that" begins
            out[-1] = (out[-1][0], clause.start(), out[-1][2], out[-1][3])
        out.append((clause.start("s"), clause.end("s"), who, REPORTED))
    return [(a, b, who, QUOTE if _is_quoted(sentence[a:b]) else kind) for a, b, who, kind in out]


def _is_quoted(text: str) -> bool:
    t = text.strip()
    return len(t) > 2 and t[0] in _OPEN and t.rstrip(".,")[-1:] in _CLOSE


def _without_overlaps(found: list[Statement]) -> list[Statement]:
    """Statements in text order, a span overlapping an earlier one dropped."""
    out: list[Statement] = []
    for s in sorted(found, key=lambda s: (s.start, -s.end)):
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out
