"""Statements and the runs of sentences that share one speaker (`index.attribution` finds the statements).

A `Statement` is a speaker and a span of the article body. Quotation marks and paragraphs carry a
speaker over several sentences: a quotation that runs on after "X said: “…" or before "…,” X said" is
X's throughout (`attribute_quotation_runs`), and a reported-speech sentence between two statements of
one speaker closed by "…, they say" is theirs (`attribute_reported_paragraphs`). `without_overlaps`
keeps one statement per span, except one nested in another speaker's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOTE, REPORTED = "quote", "reported"
OPEN, CLOSE = "\"“", "\"”"
_OPEN, _CLOSE = OPEN, CLOSE


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


def trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Offsets with surrounding spaces, quotation marks and a trailing comma taken off."""
    while start < end and (body[start].isspace() or body[start] in _OPEN + _CLOSE):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in _OPEN + _CLOSE + ","):
        end -= 1
    return start, end


_SAYS_AFTER = re.compile(r"\b(?:says|say)\b")


def attribute_reported_paragraphs(body: str, sentences: list[tuple[int, int]],
                                   by_sentence: dict[int, list[Statement]]) -> None:
    """Give a sentence between two statements of one speaker, in one paragraph, to that speaker when the
    second names its speaker only at its end, with "says": "Analysts say support won't be enough. Finance
    needs to be raised. Investments need to be made …, they say." (reported speech over several sentences).
    """
    for i in range(1, len(sentences) - 1):
        if by_sentence.get(i) or "\n" in body[sentences[i - 1][1]:sentences[i + 1][0]]:
            continue
        before, after = by_sentence.get(i - 1), by_sentence.get(i + 1)
        if not before or not after or before[-1].name != after[0].name or after[0].kind != REPORTED:
            continue
        # the next statement opens its sentence and ends with a present "says" ("…, they say"): the interview
        # voice of feature writing, which runs over sentences; "…, police said" closes news of one sentence
        if after[0].start - sentences[i + 1][0] > 3 or not _SAYS_AFTER.search(body, after[0].end, sentences[i + 1][1]):
            continue
        a, b = trim(body, *sentences[i])
        if b - a >= 12 and not _odd_quotes(body[a:b]):
            st = after[0]
            by_sentence[i] = [Statement(st.speaker, st.name, body[a:b], REPORTED, a, b)]


def _odd_quotes(text: str) -> bool:
    return (text.count('"') + text.count("“") + text.count("”")) % 2 == 1


_MARKS = re.compile(rf"\n(?=\n)|[{OPEN}{CLOSE}]")
_NON_SPACE = re.compile(r"\S")


def quotation_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in `body`, across sentences and paragraphs.

    Curly quotes say which they are; a straight one opens after a space or a bracket and before a
    word, and closes otherwise (counting them is thrown off by one stray mark). A quotation still open at a paragraph's
    end runs on when the next paragraph opens with a quotation mark (the news convention for a
    quotation of several paragraphs) and ends there otherwise (a lost closing mark).
    """
    spans, start = [], None
    for mark in _MARKS.finditer(body):  # (only quotation marks and paragraph breaks matter: speed)
        i, ch = mark.start(), mark.group()
        if ch == "\n":
            if start is not None:
                after = _NON_SPACE.search(body, i)
                if after and after.group() not in _OPEN:  # (open at the very end: it runs to the end)
                    spans.append((start, i))
                    start = None
            continue
        opens = ch == "“" or (ch == '"' and _opens(body, i))
        if opens and start is None:
            start = i
        elif not opens and start is not None:
            spans.append((start, i + 1))
            start = None
    if start is not None:
        spans.append((start, len(body)))
    return spans


def _opens(body: str, i: int) -> bool:
    before, after = body[i - 1:i], body[i + 1:i + 2]
    return (not before or before.isspace() or before in "([—–-") and bool(after) and not after.isspace()


def attribute_quotation_runs(body: str, sentences: list[tuple[int, int]],
                              by_sentence: dict[int, list[Statement]]) -> None:
    """Give the sentences of a quotation running over several the speaker it is attributed to once.

    "“A. B. C,” X said": A and B name nobody; they are X's. A quotation nobody is named in takes the
    quotation attributed in the sentence right before it ("X said: “A.” “B.”") or right after it.
    """
    for q_start, q_end in quotation_spans(body):
        inside = [i for i, (a, b) in enumerate(sentences) if a < q_end and b > q_start
                  and min(b, q_end) - max(a, q_start) >= 0.5 * (b - a)]
        if len(inside) < 1:
            continue
        # The attributed end of the quotation ("…,” X said" or "X said: “…"), however the patterns saw it;
        # a statement reported inside the quotation ("… he said he wants …") is not its speaker.
        touching = [i for i, (a, b) in enumerate(sentences) if a < q_end and b > q_start]
        quoted = [st for i in touching for st in by_sentence.get(i, ())
                  if abs(st.end - q_end) <= 3 or abs(st.start - q_start) <= 3]
        if not quoted and _OWN_SPEAKER_AFTER.match(body, q_end):
            continue  # "“…,” a note to the government's decree said": its own speaker, whom no pattern read
        if not quoted:
            before, after = inside[0] - 1, inside[-1] + 1
            # (a quoted word or two — "as 'isolationist'" — is no quotation that runs on)
            quoted = [st for st in by_sentence.get(before, ()) if st.kind == QUOTE and len(st.text.split()) > 2][-1:] \
                or [st for st in by_sentence.get(after, ()) if st.kind == QUOTE and len(st.text.split()) > 2][:1]
        if not quoted and sentences[inside[0]][0] >= q_start - 1:
            # A quotation that is a sentence of its own continues the statement just before it
            # ("Khatoon says the fire should not have happened. “No mother should suffer …”").
            quoted = by_sentence.get(inside[0] - 1, [])[-1:]
        if not quoted:
            continue
        for i in inside:
            if by_sentence.get(i):
                continue
            a, b = trim(body, max(sentences[i][0], q_start), min(sentences[i][1], q_end))
            if b - a >= 8:
                st = min(quoted, key=lambda q: abs(q.start - a))
                by_sentence[i] = [Statement(st.speaker, st.name, body[a:b], QUOTE, a, b)]


# A quotation followed by its own speaker and a verb of saying ("“…,” the US state department said"): when no
# pattern read that speaker, the quotation is nobody's rather than the neighbouring quotation's speaker's.
# (a described speaker: "the …", "a …"; a name the patterns missed is more often the neighbour's speaker misspelt)
_OWN_SPEAKER_AFTER = re.compile(r"[,.]?[\"”]?,?\s*(?:[Tt]he|[Aa]n?)\s+(?:[\w'’.\-]+\s+){1,7}?(?:said|says|added|adds|wrote|"
                                r"writes|continued|continues|stated|told)\b")


def without_overlaps(found: list[Statement]) -> list[Statement]:
    """Statements in text order, a span overlapping an earlier one dropped, unless it lies inside that one
    and is another speaker's (a statement nested in another's reported speech)."""
    out: list[Statement] = []
    outer: Statement | None = None
    for s in sorted(found, key=lambda s: (s.start, -s.end)):
        if outer and s.start < outer.end:
            if s.end <= outer.end and s.name != outer.name and not (out[-1] is not outer and s.start < out[-1].end):
                out.append(s)
            continue
        out.append(s)
        outer = s
    return out
