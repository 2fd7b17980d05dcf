"""The timeline of a story: its events in date order, one cited line each.

Built on the answer chain's stages, with no language model: the topic is read
like a question (`qa.query.understand`: outlets and dates named in it become
filters, explicit ones win), retrieved by the hybrid retriever (syndicated
copies collapsed into one passage that lists the others), and each article
that is about the topic gives one event — the sentence of its best passage that
shares most of the topic's words. The event's day is the first day that
sentence names, read against the article's publication date
(`qa.relative_dates`: "on Tuesday" in an article of Friday 2 Oct 2015 is
29 Sep 2015; `date_kind` "event"), else the publication date (`date_kind`
"published"). Undated articles are listed apart unless the sentence names a
full date with its year: nothing is placed by guess.

A pure function over the store and the embedder returning dataclasses, so the
CLI (`newsdesk timeline`) and the app call the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Sequence

from index.article import ArticleRef
from index.embedding import Embedder
from index.store import ArchiveStore
from index.text import content_words, fold
from qa.dates import month_range
from qa.evidence import claim_spans
from qa.query import MAX_K, QuestionError, parse_date_option, understand
from qa.event_sentences import sentences_over
from qa.filing_date import filing_day
from qa.first_reported import Mention, earliest_mention, event_keys, mentions_in
from qa.inherited_dates import inherited_date, narrates_the_past
from qa.relative_dates import event_date
from qa.retrieval import HybridRetriever, Passage

EVENT, PUBLISHED = "event", "published"
# Question framing that says what is wanted, not what it is about ("How did the … story develop?").
_FRAMING = content_words("how did the story develop developed unfold unfolded evolve evolved what happened "
                         "timeline events history when was first reported report coverage news about over")
# An article joins the timeline when its best passage, and the event sentence itself, hold at least
# this share of the topic's words: for "Berlin Christmas market attack" over the demo archive, "the
# apartments … especially in Berlin" (one word of four) came in when only the passage was checked.
MIN_TOPIC_SHARE = 0.5
MAX_EVENT_CHARS = 280
CANDIDATES = 120  # fused candidates per search: a story can span many articles
# Articles reporting a day's events come out that day or within a few days: retrieval looks this
# many days past `until` so a report of the last day's events is not cut off (see qa.dates).
REPORTING_LAG_DAYS = 3


@dataclass(frozen=True)
class EventCitation:
    """Where an event line comes from: the article, the sentence quoted and the passage holding it."""

    ref: ArticleRef
    quote: str
    quote_start: int  # offsets of the quote in the article body
    quote_end: int
    passage: str

    def to_json(self) -> dict:
        """The `citation` object of `timeline --json`."""
        return {**self.ref.to_json(), "quote": self.quote, "quote_start": self.quote_start,
                "quote_end": self.quote_end, "passage": self.passage}


@dataclass(frozen=True)
class TimelineEvent:
    """One line of a timeline: when (and how that day was found), what happened, and its source."""

    day: date | None
    date_kind: str | None  # "event": a day named in the text; "published": the article's date; None: undated
    date_phrase: str | None  # the words the event day was read from ("on Tuesday", "Oct. 2")
    text: str
    citation: EventCitation
    also_in: tuple[ArticleRef, ...] = ()  # syndicated copies and other outlets reporting the same sentence
    # "day"; "month" or "week" when the text names only a period ("In December of last year"): `day`
    # is then the period's first day (qa.period_dates)
    date_precision: str = "day"

    def to_json(self) -> dict:
        """The event as in `timeline --json` (`date` and `date_kind` left out for undated events)."""
        out: dict = {}
        if self.day is not None:
            out = {"date": self.day.isoformat(), "date_kind": self.date_kind, "date_phrase": self.date_phrase,
                   "date_precision": self.date_precision}
        return {**out, "text": self.text, "citation": self.citation.to_json(),
                "also_in": [ref.to_json() for ref in self.also_in]}


@dataclass(frozen=True)
class Timeline:
    """A topic's events in date order, and the undated ones apart."""

    topic: str
    events: tuple[TimelineEvent, ...]
    undated: tuple[TimelineEvent, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def to_json(self) -> dict:
        """`{"topic", "events", "undated"}` as `timeline --json` prints it."""
        return {"topic": self.topic, "events": [e.to_json() for e in self.events],
                "undated": [e.to_json() for e in self.undated], "notes": list(self.notes)}


def topic_words(topic: str) -> set[str]:
    """The stemmed content words that make an article about `topic` (question framing left out)."""
    words = content_words(topic) - _FRAMING
    return words or content_words(topic)


def _parse_day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def event_of(passage: Passage, body_offset_text: str, words: set[str], body: str | None = None
             ) -> TimelineEvent | None:
    """The event a passage reports: its sentence sharing most topic words, dated; None when off-topic.

    With the article's `body`, sentences are read whole from it (a chunk boundary can cut one,
    `qa.event_sentences`) and a sentence with no day of its own can take the day of the narration
    it continues (`qa.inherited_dates`); without it, from `body_offset_text` (the passage text) alone.
    """
    offset = 0 if body is not None else passage.start  # what turns a sentence's offsets into the body's
    if body is None:
        body = body_offset_text
    spans = claim_spans(body)
    covered = spans if offset else sentences_over(spans, passage.start, passage.end)
    best: tuple[int, int, int] | None = None
    for s, e in covered:
        share = len(content_words(body[s:e]) & words)
        if best is None or share > best[0]:
            best = (share, s, e)
    topic_share = len(content_words(f"{passage.title}\n{passage.text}") & words) / max(1, len(words))
    if best is None or topic_share < MIN_TOPIC_SHARE or best[0] < MIN_TOPIC_SHARE * len(words):
        return None
    _, s, e = best
    sentence = body[s:e]
    published = _parse_day(passage.published)
    reference = filing_day(published, passage.ref.url)
    found = event_date(sentence, reference, main_clause=True)
    if found is None and reference is not None:
        inherited = inherited_date(body, spans, spans.index((s, e)), reference)
        if inherited is not None:
            found = replace(inherited, phrase=f"{inherited.phrase} (the sentence before)")
    if published is None and found is not None and found.relative:
        found = None  # an undated article's "Tuesday" or "Oct. 1" has nothing to be read against
    precision = found.precision if found is not None else "day"
    if found is not None:
        day, kind, phrase = found.day, EVENT, found.phrase
    elif published is not None:
        day, kind, phrase = published, PUBLISHED, None
        if reference is not None and reference < published and narrates_the_past(sentence):
            # past narration with no day happened by the day the piece was written (its address's day);
            # the archive's date is often the next day (Dakota Access: a photo taken 12 Feb, dated 13 Feb)
            day, phrase = reference, f"written {reference.isoformat()} (the day in its address)"
    else:
        day, kind, phrase = None, None, None
    text = " ".join(sentence.split())
    if len(text) > MAX_EVENT_CHARS:
        text = text[:MAX_EVENT_CHARS].rsplit(" ", 1)[0] + " …"
    shown = passage.text  # the passage, widened to the whole sentence when a chunk boundary cut it
    if not offset and (s < passage.start or e > passage.end):
        shown = body[min(s, passage.start):max(e, passage.end)]
    citation = EventCitation(passage.ref, sentence, offset + s, offset + e, shown)
    return TimelineEvent(day, kind, phrase, text, citation, passage.also_in, precision)


def _period_end(event: TimelineEvent) -> date:
    assert event.day is not None
    if event.date_precision == "month":
        return month_range(event.day.year, event.day.month)[1]
    return event.day + timedelta(days=6 if event.date_precision == "week" else 0)


def _only_day_in(event: TimelineEvent, dated: Sequence[TimelineEvent]) -> TimelineEvent | None:
    """The story's one day named in the month or week `event` names, when its events name exactly one there.

    "In December of last year, Amri drove a truck into …" beside two events "on 19 December": a story
    whose sentences date one day in that month is about that day. With several days there, none is chosen.
    """
    assert event.day is not None
    end = _period_end(event)
    published = _parse_day(event.citation.ref.published)
    if published is not None:  # a period recalled in past narration ("earlier this week") ended before its article
        end = min(end, published - timedelta(days=1))
    inside = [d for d in dated if d.day is not None and event.day <= d.day <= end]
    return inside[0] if inside and len({d.day for d in inside}) == 1 else None


def _place_recalled(events: Sequence[TimelineEvent], mentions: Sequence[Mention]) -> list[TimelineEvent]:
    """Events recalled without a day of their own, placed at the story's first report of them (`qa.first_reported`).

    An event placed on its publication day moves to an earlier mention's day; one placed on the
    first day of a month or week it names moves to the story's only day named in that period, else
    to a mention's day inside it.
    """
    dated_days = [e for e in events if e.day is not None and e.date_kind == EVENT and e.date_precision == "day"]
    out = []
    for e in events:
        by_period = e.date_kind == EVENT and e.date_precision != "day"
        if by_period and (only := _only_day_in(e, dated_days)) is not None:
            out.append(replace(e, day=only.day, date_precision="day",
                               date_phrase=f"{e.date_phrase}; the story's only day named in it, “{only.date_phrase}” "
                                           f"({only.citation.ref.source or 'unknown outlet'})"))
            continue
        if e.day is None or not (e.date_kind == PUBLISHED or by_period) or not narrates_the_past(e.citation.quote):
            out.append(e)
            continue
        m = earliest_mention(event_keys(e.citation.quote, past_only=False), list(mentions))
        published = _parse_day(e.citation.ref.published)
        inside = m is not None and (e.day <= m.day <= _period_end(e) and (published is None or m.day < published)
                                    if by_period else m.day < e.day)
        if m is None or not inside:
            out.append(e)
            continue
        said = " ".join(m.sentence.split())
        said = said if len(said) <= 90 else said[:90].rsplit(" ", 1)[0] + " …"
        phrase = f"first reported {m.day.isoformat()} ({m.source or 'unknown outlet'}): “{said}”"
        if by_period:
            phrase = f"{e.date_phrase}; the day from {phrase}"
        out.append(replace(e, day=m.day, date_kind=EVENT, date_phrase=phrase, date_precision="day"))
    return out


def _merge_repeats(events: Sequence[TimelineEvent]) -> list[TimelineEvent]:
    """One event per sentence reported word for word by several articles (the first kept, the rest `also_in`)."""
    kept: dict[str, TimelineEvent] = {}
    for e in events:
        key = " ".join(re.findall(r"\w+", fold(e.text)))
        if key in kept:
            first = kept[key]
            kept[key] = replace(first, also_in=(*first.also_in, e.citation.ref, *e.also_in))
        else:
            kept[key] = e
    return list(kept.values())


def build_timeline(store: ArchiveStore, embedder: Embedder, topic: str, *, since: str | None = None,
                   until: str | None = None, sources: Sequence[str] = (), as_of: date | None = None,
                   limit: int = MAX_K) -> Timeline:
    """The events of `topic` in date order (at most `limit` articles), undated ones apart.

    `since`/`until` bound the events' days (retrieval reads articles published up
    to `REPORTING_LAG_DAYS` after `until`); `sources` keeps those outlets only.
    """
    query = understand(topic, outlets=list(store.outlets()), as_of=as_of or date.today(), since=since,
                       sources=sources, k=min(limit, MAX_K), span=store.date_span())
    first = _parse_day(query.since)
    last = _parse_day(parse_date_option(until, "until", end=True)) if until else _parse_day(query.until)
    if first and last and first > last:
        raise QuestionError(f"impossible date range: since {first} is after until {last}")
    search_until = (last + timedelta(days=REPORTING_LAG_DAYS)).isoformat() if last else None
    query = replace(query, until=search_until)
    passages = HybridRetriever(store, embedder, candidates=CANDIDATES).retrieve(query)
    words = topic_words(query.text)
    events, seen, mentions = [], set(), []
    for p in passages:
        if p.article_id in seen:
            continue
        seen.add(p.article_id)
        row = store.article(p.article_id)
        body = row.body if row is not None and row.body[p.start:p.end] == p.text else None
        if body is not None:
            mentions += mentions_in(body, p.article_id, p.ref.source,
                                    filing_day(_parse_day(p.published), p.ref.url))
        event = event_of(p, p.text, words, body)
        if event is not None:
            events.append(event)
    events = [e for e in _place_recalled(events, mentions)
              if e.day is None or not ((first and e.day < first) or (last and e.day > last))]
    events = _merge_repeats(events)
    dated = sorted((e for e in events if e.day is not None),
                   key=lambda e: (e.day, e.citation.ref.published or "", e.citation.ref.source or "", e.text))
    undated = [e for e in events if e.day is None]
    return Timeline(query.original, tuple(dated), tuple(undated), query.notes)
