"""Talk about the passages is not a claim: strip it from the model's reply before checking.

The 1.5B model often tells where it read something instead of (or besides) saying it:
"…, as stated in the first passage [1].", "The passage states that “…”", "This is stated in
the first passage [1] and the second passage [2].", "…, as reported in <passage n="1">[1].".
To a reader "the first passage" means nothing (the sources are cited by number), and to the
checker those words are content the passages do not hold, so right answers were flagged
unsupported: on the 2026-12-02 demo run 7 of the 13 right answers flagged had such a sentence.

`without_source_talk` drops sentences that only point at passages and cuts the pointing
phrases out of the others; the markers stay, so the citation is kept. Article text never
goes through here, only the reply.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from index.text import content_words
from qa.citations import strip_markers
from qa.evidence import split_sentences

_NOUN = r"(?:passages?|articles?|stories|story|sources?|texts?|contexts?|excerpts?|documents?)"
_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|above|same|given|provided|cited|last)"
# "the first passage", "passage 2", "passage n="2"", "the passage in passage n="2"" (never a [n] marker).
# ("both stories", "all the articles", "each of the passages": "Kislyak was mentioned in both stories" is the
# answer "Kislyak", demo-044 on the 2026-12-03 run, a right answer flagged.)
_REF = (rf"(?:(?:both|all|each\s+of)\s+)?(?:the\s+|this\s+|that\s+|two\s+)?(?:{_ORDINAL}\s+)?{_NOUN}(?:\s*(?:n\s*=\s*)?[\"“]?\d+[\"”]?)?"
        rf"(?:\s+(?:in|of)\s+{_NOUN}(?:\s*(?:n\s*=\s*)?[\"“]?\d+[\"”]?)?)?")
_VERB = (r"(?:stated|mentioned|reported|noted|described|shown|indicated|explained|written|said|given|confirmed"
         r"|appears?|appeared|figures?|figured)")
# ", as stated in the first passage", ", according to the passage", "as reported in passage 2"
_TRAILING = re.compile(rf",?\s*(?:\b(?:as|which\s+is|this\s+is)\s+)?(?:\b(?:is|was|are|were)\s+)?(?:\b{_VERB}\s+(?:in|by)"
                       rf"|\baccording\s+to)\s+{_REF}(?=(?:\s*\[[\d,;\s]+\])*\s*(?:[.;!?\"”]|$))",
                       re.IGNORECASE)
# "The passage states that", "According to the passage,", "As stated in passage 2,"
_LEADING = re.compile(rf"^\s*(?:{_REF}\s+(?:also\s+)?(?:states?|says?|mentions?|notes?|reports?|explains?|indicates?"
                      rf"|confirms?|shows?|reads?)(?:\s+that)?\s*[:,]?"
                      rf"|(?:according\s+to|as\s+{_VERB}\s+in)\s+{_REF}\s*,?)\s*", re.IGNORECASE)
_MARKUP = re.compile(r"<\s*/?\s*passage\b[^>]*>", re.IGNORECASE)
_TAG = r"<\s*passage\b[^>]*>"
# ", as reported in <passage n="1">[1]", ", as reported in both <passage n="1"> and <passage n="2">"
# (the prompt's markup written back; the second form on the demo archive, 2026-12-02), ", according to
# <passage n="2"> [1]" (blind held-out s8-06, 2026-12-04).
_DANGLING = re.compile(rf"(?:(?:,\s*(?:as\s+)?|\s+as\s+){_VERB}\s+(?:in|by)|,?\s*\baccording\s+to)\s*(?:(?:both|either)\s+)?"
                       rf"((?:{_TAG}\s*(?:(?:,|and|&|or)\s*)*)+)(?=\[|[.;!?]|$)", re.IGNORECASE)
_PASSAGE_NUMBER = re.compile(r"\bn\s*=\s*[\"']?(\d{1,3})")


def _as_marker(match: re.Match) -> str:
    """", as stated in <passage n="2">" → " [2]": the pointing goes, the citation it meant stays."""
    if match.string[match.end():].lstrip().startswith("["):  # the model wrote the marker too
        return " "
    numbers = _PASSAGE_NUMBER.findall(match.group(1))
    return "".join(f" [{n}]" for n in numbers) or " "
# Words of a sentence that only points at passages ("This is stated in the first passage [1].", "This
# information is found in passage [1]." — demo-054, a right answer flagged on the 2026-12-02 run).
_POINTING = content_words("this is stated mentioned reported noted described shown indicated explained written given "
                          "confirmed found contained included listed can be passage passages article articles source sources text texts context excerpt "
                          "document first second third fourth fifth sixth above same provided cited both also "
                          "information support supports supported answer question directly clearly")
_PASSAGE_NOUN = re.compile(rf"\b{_NOUN}\b", re.IGNORECASE)
# "… supported by the passage on Tuesday, December 2, 2026.": the model dates its pointing with the
# prompt's "today" (demo-008, 2026-12-02 run). Only after a passage noun, so "This was reported on
# March 3" stays a claim.
_DATED = re.compile(r"\s+(?:on|of|dated|from)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
                    r"(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?"
                    r"\d{4}\b|\s+(?:on|of|dated)\s+\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)
# A list's running number opening a line ("3. This information …").
_ENUMERATOR = re.compile(r"^\s*\d{1,2}[.)]\s+")
# A list's running number standing as a sentence of its own, markers aside: "1 [1]. China Daily
# reported … [2].\n2 [1]. “The 2014 census …”\n3." (demo-008, 2026-12-02 run: "1 [1]" took a
# citation, "3." was flagged unsupported beside a right answer).
_BARE_NUMBER = re.compile(r"^\s*\d{1,2}\s*[.)]?\s*$")
# A list item with nothing after its number, on a line of its own ("…wild pandas. "\n3."): the split
# would glue "3." to the sentence before it, and its number would then be a claim no passage holds.
_EMPTY_ITEM = re.compile(r"(?m)^[ \t]*\d{1,2}[.)][ \t]*$")


def points_only(sentence: str) -> bool:
    """True for a sentence that says nothing but where something is written."""
    text = _ENUMERATOR.sub("", _MARKUP.sub(" ", strip_markers(sentence)))
    if _PASSAGE_NOUN.search(text):
        text = _DATED.sub("", text)
    words = content_words(text)
    return bool(words) and words <= _POINTING


def strip_pointing(sentence: str) -> str:
    """`sentence` without the phrases pointing at passages (markers kept)."""
    text = _DANGLING.sub(_as_marker, _TRAILING.sub("", sentence))
    lead = _LEADING.match(text)
    if lead and lead.end() < len(text):
        rest = text[lead.end():]
        text = rest[0].upper() + rest[1:] if rest[0].islower() else rest
    return re.sub(r"\s+([.,;:!?])", r"\1", re.sub(r"[ \t]{2,}", " ", text)).strip()


def running_numbers(sentences: list[str]) -> list[bool]:
    """For each sentence, True when it is only a list's running number (markers aside), as
    ("1 [1].", "2 [1].", "3."); one bare number alone may be an answer ("19 [1].") and is kept."""
    bare = [bool(_BARE_NUMBER.match(strip_markers(s))) for s in sentences]
    return bare if sum(bare) >= 2 else [False] * len(sentences)


def without_source_talk(raw: str) -> str:
    """The reply with pointing-only sentences and a list's bare running numbers dropped and
    pointing phrases cut (see module doc).

    Everything else, line breaks included, stays as it was. A reply that is nothing but
    pointing is returned whole: the checks after it decide.
    """
    raw = _EMPTY_ITEM.sub("", raw).strip() or raw
    spans = split_sentences(raw)
    numbers = running_numbers([raw[s:e] for s, e in spans])
    new = [None if number or points_only(raw[s:e]) else strip_pointing(raw[s:e])
           for (s, e), number in zip(spans, numbers)]
    if not any(new) or all(n == raw[s:e] for (s, e), n in zip(spans, new)):
        return raw
    out, end = [], 0
    for (s, e), sentence in zip(spans, new):
        out.append(raw[end:s] if sentence or not out else "")
        out.append(sentence or "")
        end = e
    out.append(raw[end:])
    # A list's number whose item was all pointing ("3. This is found in passage [1].") is left alone on its line.
    return _EMPTY_ITEM.sub("", "".join(out)).strip()


def without_asked_date(raw: str, asked_on: date | None) -> str:
    """The reply without the day the question was asked written into an attribution.

    The prompt says when the question is asked ("Question (asked on 2026-12-02): …") and the 1.5B
    model sometimes dates its source with it: "…, according to TASS on 2026-12-02 [1]." (demo-062,
    on every run: a right answer flagged for a date no passage holds). The attribution stays, the
    date goes; the citation shows the article's own date. Only after "according to …", "reported
    by …" or "said", so a claim that something happens on that day is left to the checker.
    """
    if asked_on is None:
        return raw
    month = calendar.month_name[asked_on.month]
    day = (rf"(?:{asked_on.isoformat()}|(?:\w+day,?\s+)?(?:{month}\s+{asked_on.day},?\s+|{asked_on.day}\s+{month},?\s+)"
           rf"{asked_on.year})")
    pattern = re.compile(rf"(\b(?:according\s+to|reported\s+by|said)\b[^.;\[\n]{{0,60}}?)\s*,?\s+(?:on|as\s+of)\s+{day}",
                         re.IGNORECASE)
    return pattern.sub(r"\1", raw)
