"""What kind of answer a question asks for, beyond a plain answer: a timeline, or who said what.

Two small detectors over the question's wording, no model:

- `timeline_topic`: "How did the Old Mill bridge story develop?", "timeline of …",
  "chronology of …", "what happened to … since …", "… in chronological order" →
  the story to lay out ("the Old Mill bridge story"). "How did the council
  vote?", "What happened on Tuesday?" or "How did Pfizer develop the vaccine?"
  are plain questions.
- `speech_question`: "What did Keane say about the cracks?", "What has Davutoğlu
  said?", "Kerry's remarks on Syria", "Who said the bridge was unsafe?", "Who
  denied …?", "What was said about …?" → the speaker and/or the topic of the
  statements asked for. A pronoun speaker ("what did he say …") is left to the
  normal answer, which rewrites follow-ups first.

Both return None when the question is not of their kind; the callers
(`qa.who_said_what`, the app's timeline offer) decide what to do with a match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.text import WORD, content_words

_END = r"\s*[?.!]*\s*$"
_DEVELOP = (r"develop(?:ed)?|unfold(?:ed)?|evolve[d]?|progress(?:ed)?|play(?:ed)?\s+out|come\s+about|"
            r"turn(?:ed)?\s+out|escalate[d]?")
# The verb must end the question (or be followed only by a time phrase): "How did Pfizer develop the
# vaccine?" asks about a method, not a story.
_HOW_DEVELOP = re.compile(
    rf"^\s*how\s+(?:did|has|have|had|does|do)\s+(?P<topic>.+?)\s+(?:{_DEVELOP})"
    rf"(?P<tail>\s+(?:over\s+time|since\s+.+|after\s+.+|in\s+.+|during\s+.+|from\s+.+|between\s+.+))?{_END}",
    re.IGNORECASE)
_TIMELINE_OF = re.compile(rf"\b(?:timeline|chronology|sequence\s+of\s+events)\s+(?:of|for|on|in)\s+(?P<topic>.+?){_END}",
                          re.IGNORECASE)
_TOPIC_TIMELINE = re.compile(rf"^\s*(?:(?:give|show|make)\s+(?:me\s+)?(?:an?\s+|the\s+)?)?(?P<topic>.+?)\s+"
                             rf"(?:timeline|chronology){_END}", re.IGNORECASE)
_HAPPENED_SINCE = re.compile(
    rf"^\s*what\s+(?:has\s+|have\s+)?happened\s+(?:(?:to|with|in|on|around|about)\s+(?P<topic>.+?)\s+)?"
    rf"(?P<since>since\s+.+?){_END}", re.IGNORECASE)
_CHRONOLOGICAL = re.compile(r"\s*,?\s*(?:in\s+)?(?:chronological(?:ly)?(?:\s+order)?|in\s+date\s+order)\b", re.IGNORECASE)
_LIST_EVENTS = re.compile(r"^\s*(?:list|show|give\s+me|what\s+were)\s+(?:me\s+)?(?:the\s+)?(?:events|developments|key\s+events)"
                          r"\s+(?:of|in|around|about)\s+", re.IGNORECASE)


def _clean(topic: str) -> str:
    topic = re.sub(r"^\s*(?:the|a|an)\s+(?=\S)", "", topic.strip(" ,;:?.!"), flags=re.IGNORECASE)
    return topic.strip()


def timeline_topic(question: str) -> str | None:
    """The story a question asks to see laid out in date order, or None when it asks something else."""
    q = " ".join((question or "").split())
    if not q:
        return None
    m = _HOW_DEVELOP.match(q)
    if m:
        tail = (m.group("tail") or "").strip()
        tail = "" if re.fullmatch(r"over\s+time", tail, re.IGNORECASE) else tail
        return _clean(f"{m.group('topic')} {tail}") or None
    m = _TIMELINE_OF.search(q) or _TOPIC_TIMELINE.match(q)
    if m:
        return _clean(m.group("topic")) or None
    m = _HAPPENED_SINCE.match(q)
    if m:
        return _clean(f"{m.group('topic') or ''} {m.group('since')}") or None
    if _CHRONOLOGICAL.search(q):
        rest = _LIST_EVENTS.sub("", _CHRONOLOGICAL.sub("", q))
        return _clean(rest) or None
    return None


@dataclass(frozen=True)
class SpeechQuestion:
    """A question about statements: whose (`speaker`, as written) and/or about what (`topic`)."""

    speaker: str | None
    topic: str | None

    @property
    def topic_head(self) -> str | None:
        """The word the topic is about: its last meaningful word before any "of/in/on …" ("the outcome of
        Russia's air strikes" → "outcome", "Russia's air strikes" → "strikes"), or None."""
        if not self.topic:
            return None
        front = _POST_MODIFIER.split(self.topic, maxsplit=1)[0]
        words = [w for w in WORD.findall(front) if content_words(w)]
        return words[-1] if words else None


def topic_words(question: str) -> set[str]:
    """Stems of the topic head of a "What did X say about <topic>?" question; empty for any other question."""
    speech = speech_question(question)
    return content_words(speech.topic_head) if speech and speech.topic_head else set()


# Prepositions that open what follows a noun phrase's head ("the outcome | of Russia's air strikes").
_POST_MODIFIER = re.compile(r"\s+(?:of|in|on|for|against|to|by|from|with|at|over|about|between|after|before|"
                            r"during|since|under|among)\s+", re.IGNORECASE)


_SAY = (r"say|said|says|tell|told|claim|claimed|state|stated|argue|argued|warn|warned|announce|announced|"
        r"deny|denied|admit|admitted|promise|promised|suggest|suggested|insist|insisted")
_ABOUT = r"(?:about|on|of|regarding|concerning|over)"
_WHAT_DID_X_SAY = re.compile(
    rf"^\s*what\s+(?:did|does|has|have|had)\s+(?P<speaker>.+?)\s+(?:{_SAY})"
    rf"(?:\s+(?:reporters|journalists|the\s+press|parliament|the\s+media|police|the\s+court))?"
    rf"(?:\s+{_ABOUT}\s+(?P<topic>.+?))?{_END}", re.IGNORECASE)
_POSSESSIVE = re.compile(
    rf"^\s*(?:(?:show|list|give)\s+(?:me\s+)?)?(?:what\s+(?:were|are)\s+)?(?P<speaker>.+?)['’]s?\s+"
    rf"(?:statements?|remarks?|comments?|words|quotes?|quotations?)(?:\s+{_ABOUT}\s+(?P<topic>.+?))?{_END}",
    re.IGNORECASE)
_WHO_SAID = re.compile(
    rf"^\s*who\s+(?:(?:has|have|had)\s+)?(?:said|says|claimed|claims|stated|states|denied|denies|disputed|disputes|"
    rf"rejected|rejects|warned|warns|argued|argues|insisted|insists)\s+(?:that\s+|what\s+{_ABOUT}\s+)?(?P<topic>.+?){_END}",
    re.IGNORECASE)
_WHAT_WAS_SAID = re.compile(
    rf"^\s*what\s+(?:was|is|has\s+been|have\s+people|did\s+people|do\s+(?:both|the\s+two|each)\s+sides?|"
    rf"did\s+(?:both|the\s+two|each)\s+sides?)\s+(?:said|say)\s+{_ABOUT}\s+(?P<topic>.+?){_END}", re.IGNORECASE)
_PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "you", "i", "we", "this", "that", "people", "anyone",
             "someone", "everyone", "the story", "it all"}
# Words that make "What did X say" a question about a document or a thing, not about a speaker's statements
# ("What did the report say …" is still answered from the report's text by the normal answer).
_NOT_SPEAKERS = re.compile(r"^(?:the\s+)?(?:report|article|study|poll|survey|data|document|statement|law|bill|"
                           r"ruling|verdict|news|headline|story|letter)s?$", re.IGNORECASE)


def speech_question(question: str) -> SpeechQuestion | None:
    """The speaker and/or topic of a question about who said what, or None for any other question."""
    q = " ".join((question or "").split())
    if not q:
        return None
    for pattern in (_WHAT_DID_X_SAY, _POSSESSIVE):
        m = pattern.match(q)
        if m:
            speaker = m.group("speaker").strip(" ,")
            if speaker.casefold() in _PRONOUNS or _NOT_SPEAKERS.match(speaker) or not speaker:
                return None
            topic = _clean(m.group("topic") or "") or None
            return SpeechQuestion(speaker, topic)
    for pattern in (_WHO_SAID, _WHAT_WAS_SAID):
        m = pattern.match(q)
        if m:
            topic = _clean(m.group("topic"))
            return SpeechQuestion(None, topic) if topic else None
    return None
