"""Who said "<words>"? answered with the speaker the article attributes those words to.

"Who said "We all want Syria to be democratic, united and secular"?" (blind s29-06) got "Kerry",
unflagged: the model took the name of the sentence before. The article attributes the words:
"“We all want Syria to be democratic, united and secular – …,” Lavrov said." Ingest already found
that statement and its speaker (index/attribution.py, stored by index/statements.py).

`said_by` reads the question the way the Who said what form does (`qa.intent.speech_question`: "Who
said / claimed / warned / denied …?" with no speaker named) and keeps the stored statements of the
answer's own articles that hold most of what it asks about (`MIN_SHARE` of its content words, at least
`MIN_WORDS`). When they all come from one speaker, that statement is returned; the caller quotes the
shown sentence holding it and names its speaker, unless the model's own answer is in that sentence
(attribution is right about seven times in ten on held-out articles, so a name the sentence itself
gives stands).
"""

from __future__ import annotations

from typing import Sequence

from index.speakers import matches_speaker
from index.statements import StoredStatement
from index.text import content_words, fold
from qa.intent import speech_question

# Share of the question's asked-about content words a statement must hold, and the fewest words asked about:
# s29-06 asks about 6 (want, syria, democrat, unit, secular, …), its statement holds all; a short topic
# ("Who said it?") matches too many statements to tell; "the outcome is very worrisome" asks about 2.
MIN_SHARE = 0.8
MIN_WORDS = 2
# Speakers that are a pronoun as the statement resolved them name no one.
_NO_ONE = {"he", "she", "they", "it", "we", "i"}


def asks_who_said(question: str) -> bool:
    """True for "Who said …?" (and claimed, warned, denied …) naming no speaker: the questions `said_by` reads,
    so a caller can skip reading statements for the others."""
    asked = speech_question(question)
    return bool(asked and not asked.speaker and asked.topic)


def said_by(question: str, statements: Sequence[StoredStatement]) -> StoredStatement | None:
    """The statement of `statements` that a "Who said …?" `question` quotes or paraphrases, when every such
    statement has one speaker; else None (another question, no statement, or two speakers)."""
    asked = speech_question(question)
    if asked is None or asked.speaker or not asked.topic:
        return None
    words = content_words(asked.topic)
    if len(words) < MIN_WORDS:
        return None
    held = [s for s in statements if len(words & content_words(s.statement.text)) >= MIN_SHARE * len(words)
            and fold(s.statement.name) not in _NO_ONE]
    if not held:
        return None
    first = held[0].statement.name
    if all(matches_speaker(s.statement.name, first) or matches_speaker(first, s.statement.name) for s in held):
        return max(held, key=lambda s: len(words & content_words(s.statement.text)))
    return None


def holding_sentence(said: StoredStatement, sentences: Sequence[tuple[str, str]]) -> int | None:
    """Index of the sentence among `sentences` ((article id, text) of each shown) that holds the statement's
    opening words, in its article; None when none was shown."""
    opening = " ".join(fold(said.statement.text).split()[:6])
    for n, (article_id, sentence) in enumerate(sentences):
        if article_id == said.ref.article_id and opening and opening in " ".join(fold(sentence).split()):
            return n
    return None
