"""Streaming the model's reply: the short-answer line first, then the body with its citation markers
renumbered, and never the abstain phrase.

The model is asked for a short answer on its own line and then cited sentences (`qa/prompts.py`).
While it writes, the short answer is split off as soon as its line ends (`ShortAnswer`), the body is
shown piece by piece with the passage numbers the reader sees (`TextDelta`), and text that could
still become the abstain phrase is held back, so an abstention is never half shown.
"""

from __future__ import annotations

from typing import Generator, Sequence

from qa.answer_records import ShortAnswer, TextDelta
from qa.citations import MarkerRenumberer
from qa.evidence import Evidence
from qa.llm import LLM, FirstToken
from qa.options import option_openings
from qa.prompts import ABSTAIN, answer_messages
from qa.query import Query
from qa.short_answer import LABEL, ShortLineSplitter
from qa.timings import elapsed_ms


class _AbstainGuard:
    """Holds back streamed text while it could still be the abstain phrase, so it is never shown."""

    def __init__(self) -> None:
        self.held = ""
        self.open = False

    def feed(self, piece: str) -> str:
        if self.open:
            return piece
        self.held += piece
        if ABSTAIN.startswith(self.held.strip()) or not self.held.strip():
            return ""
        self.open = True
        out, self.held = self.held, ""
        return out


def stream_reply(llm: LLM, query: Query, evidence: Sequence[Evidence], timings: dict, t0: float,
                 ban_abstain: bool = False
                 ) -> Generator[ShortAnswer | TextDelta, None, tuple[str | None, str, str, FirstToken | None]]:
    """Stream the short answer and the renumbered text; returns (short answer, body, whole reply,
    the model's first-token log-probabilities or None).

    With `ban_abstain`, a model that reports log-probabilities is kept from opening with the abstain
    phrase: how likely the phrase was is still read (`FirstToken.watched`), and the reply is the
    answer the model would have written instead, for the caller's checks to judge.

    The body is the reply without its short-answer line, exactly as streamed before renumbering.
    `timings["first_token"]` is set (ms since `t0`) when the first piece arrives, unless already set.
    """
    renumber, guard, splitter = MarkerRenumberer(len(evidence)), _AbstainGuard(), ShortLineSplitter()
    pieces: list[str] = []
    body: list[str] = []

    def show(text: str, final: bool = False) -> Generator[ShortAnswer | TextDelta, None, None]:
        short, rest = splitter.feed(text)
        if final:
            more_short, more = splitter.flush()
            short, rest = short or more_short, rest + more
        if short and ABSTAIN not in short:
            yield ShortAnswer(short)
        body.append(rest)
        shown = renumber.feed(rest) + (renumber.flush() if final else "")
        if shown:
            yield TextDelta(shown)

    messages = answer_messages(query.text, evidence, query.as_of.isoformat(), query.options)
    # Models that report log-probabilities expose `first_token`; others are not asked to watch.
    watching = hasattr(llm, "first_token")
    ask: dict = {"watch": ABSTAIN} if watching else {}
    banned = watching and ban_abstain
    if banned:  # the reply opens with the short-answer label, and the phrase cannot follow it
        ask["ban_watched"] = True
    if query.options:  # the short answer is held to one of the options offered (or the abstain phrase)
        ask["openings"] = option_openings(query.options, LABEL + " ") + (() if banned else (ABSTAIN,))
    elif banned:
        ask["prefix"] = LABEL
    first: FirstToken | None = None
    for piece in llm.stream(messages, **ask):
        if timings["first_token"] is None:
            timings["first_token"] = elapsed_ms(t0)
        # Read while the stream still holds the model: a shared model is reset by the next answer.
        first = getattr(llm, "first_token", None) or first
        pieces.append(piece)
        opened = guard.feed(piece)
        if opened:
            yield from show(opened)
    raw = "".join(pieces)
    if ABSTAIN not in raw:
        yield from show(guard.held, final=True)  # text that only began like the phrase
    short = splitter.short if splitter.short and ABSTAIN not in splitter.short else None
    return short, "".join(body), raw, first
