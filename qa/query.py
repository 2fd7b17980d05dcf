"""Understanding a question: validation, outlet and date filters, follow-ups.

No LLM is needed to turn "What did TASS and the BBC report in February 2017?"
into a query restricted to those outlets and that month: outlet names are
matched against the outlets actually in the archive, dates by `qa.dates`.
Filters given explicitly by the caller always win over what is read from
the question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, Sequence

from index.outlets import outlet_key
from index.store import StoreFilter
from qa.dates import find_date_range

Turn = dict  # {"role": "user" | "assistant", "content": str}
MAX_QUESTION_CHARS = 2000

# Other ways people name outlets (keys are `outlet_key` forms).
ALIASES = {
    "al jazeera": ("aljazeera", "al jazeera english", "al-jazeera"),
    "huffpost": ("huffington post", "the huffington post", "huff post"),
    "abc news": ("abc",),
    "rte": ("rte news", "raidio teilifis eireann"),
    "dw": ("deutsche welle",),
    "bbc": ("bbc news", "british broadcasting corporation"),
    "cnn": ("cable news network",),
    "tass": ("itar tass",),
    "china daily": ("chinadaily",),
}


class QuestionError(ValueError):
    """A question or filter the user must fix; the message says how."""


class EmptyIndex(QuestionError):
    """The archive holds no articles yet."""


class Completer(Protocol):
    """The part of an LLM that follow-up rewriting needs."""

    def complete(self, messages: list[dict], max_tokens: int = ..., temperature: float = ...) -> str: ...


@dataclass(frozen=True)
class Query:
    """A question ready for retrieval: standalone text plus filters."""

    text: str
    original: str
    since: str | None
    until: str | None
    sources: tuple[str, ...]
    k: int
    as_of: date
    notes: tuple[str, ...] = field(default=())

    def store_filter(self) -> StoreFilter:
        """The filter the stores apply."""
        return StoreFilter(self.since, self.until, self.sources)

    def filters_json(self) -> dict:
        """Filters as reported in `--json` output."""
        return {"since": self.since, "until": self.until, "sources": list(self.sources),
                "as_of": self.as_of.isoformat()}


def _iso(value: str | date | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise QuestionError(f"{name} must be a date like 2017-02-01, got {value!r}") from None


def outlets_in_question(question: str, outlets: Sequence[str]) -> list[str]:
    """Archive outlets named in the question, in order of mention."""
    text = " " + outlet_key(question) + " "
    found: list[tuple[int, str]] = []
    for outlet in outlets:
        key = outlet_key(outlet)
        if not key:
            continue
        names = {key, *ALIASES.get(key, ())}
        for name in names:
            if len(name) < 2:
                continue
            # Short all-caps names (BBC, CNN, DW) must appear as words in the original casing too.
            if len(name) <= 4 and not re.search(rf"\b{re.escape(name)}\b", question, re.I):
                continue
            at = text.find(f" {name} ")
            if at >= 0 and (len(name) > 4 or re.search(rf"\b{re.escape(name.upper())}\b", question)
                            or name in ("tass", "rte")):
                found.append((at, outlet))
                break
    return [o for _, o in sorted(found)]


def understand(question: str, *, outlets: Sequence[str], as_of: date, since: str | date | None = None,
               until: str | date | None = None, sources: Sequence[str] = (), k: int = 6,
               standalone: str | None = None) -> Query:
    """Validate a question and derive its filters (explicit ones win)."""
    text = (question or "").strip()
    if not text:
        raise QuestionError("the question is empty: type what you want to know")
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(f"the question is {len(text):,} characters long; the limit is {MAX_QUESTION_CHARS:,}")
    if not outlets:
        raise EmptyIndex("the archive is empty: index articles first with `newsdesk ingest PATH` or `newsdesk demo`")
    if not 1 <= k <= 50:
        raise QuestionError(f"k must be between 1 and 50, got {k}")
    standalone = (standalone or text).strip()
    notes: list[str] = []
    since_s, until_s = _iso(since, "since"), _iso(until, "until")
    if since_s is None and until_s is None:
        found = find_date_range(standalone, as_of)
        if found:
            since_s = found.since.isoformat() if found.since else None
            until_s = found.until.isoformat() if found.until else None
            notes.append(f"dates from “{found.phrase}”: {since_s or '…'} to {until_s or '…'}")
    if since_s and until_s and since_s > until_s:
        raise QuestionError(f"impossible date range: since {since_s} is after until {until_s}")
    by_key = {outlet_key(o): o for o in outlets}
    chosen: list[str] = []
    for name in sources:
        match = by_key.get(outlet_key(name))
        if match is None:
            aliased = [o for o in outlets if outlet_key(name) in ALIASES.get(outlet_key(o), ())]
            if not aliased:
                raise QuestionError(f"unknown outlet {name!r}; the archive has: {', '.join(sorted(outlets))}")
            match = aliased[0]
        chosen.append(match)
    if not sources:
        chosen = outlets_in_question(standalone, outlets)
        if chosen:
            notes.append("outlets named: " + ", ".join(chosen))
    return Query(standalone, text, since_s, until_s, tuple(dict.fromkeys(chosen)), k, as_of, tuple(notes))


_FOLLOW_UP = re.compile(
    r"^(and|but|so|what about|how about|why|what else|then)\b|\b(he|she|they|him|her|them|his|their|it|its|"
    r"that|this|those|these|there|the same)\b", re.I)
_ENTITY = re.compile(r"\b(?:[A-Z][\w'’-]+(?:\s+(?:of|the|de|al|[A-Z][\w'’-]+))*)")


def needs_rewrite(question: str, history: Sequence[Turn]) -> bool:
    """True when the question leans on the conversation (pronouns, 'what about…')."""
    return bool(history) and bool(_FOLLOW_UP.search(question) or len(question.split()) <= 3)


def rewrite_followup(question: str, history: Sequence[Turn], llm: Completer | None = None) -> str:
    """A standalone version of a follow-up question (unchanged if it already is one)."""
    question = question.strip()
    if not needs_rewrite(question, history):
        return question
    users = [t.get("content", "") for t in history if t.get("role") == "user"]
    if llm is not None:
        convo = "\n".join(f"{t.get('role')}: {str(t.get('content', ''))[:400]}" for t in history[-4:])
        messages = [
            {"role": "system", "content": "Rewrite the user's last question so it can be understood without the "
             "conversation: replace pronouns with the names they refer to. Reply with the question only."},
            {"role": "user", "content": f"Conversation:\n{convo}\n\nLast question: {question}\n\nStandalone question:"},
        ]
        try:
            rewritten = llm.complete(messages, max_tokens=60, temperature=0.0).strip().strip('"').splitlines()[0]
        except Exception:  # a failed rewrite must never fail the answer
            rewritten = ""
        if 5 <= len(rewritten) <= 3 * len(question) + 200:
            return rewritten
    if not users:
        return question
    entities = [e for e in _ENTITY.findall(users[-1]) if e.split()[0] not in {"What", "Who", "When", "Where",
                                                                                 "Why", "How", "Which", "Did", "Does", "Is", "Are", "The"}]
    context = ", ".join(dict.fromkeys(entities)) or users[-1]
    return f"{question} (about {context})"
