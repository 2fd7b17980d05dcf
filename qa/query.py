"""Understanding a question: validation, outlet and date filters, follow-ups.

No LLM is needed to turn "What did TASS and the BBC report in February 2017?"
into a query restricted to those outlets and that month: outlet names are
matched against the outlets actually in the archive, dates are read by
`qa.dates`. Filters given explicitly by the caller always win over what is
read from the question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Mapping, Protocol, Sequence

from index.errors import NewsdeskError
from index.outlets import outlet_key
from index.store_records import StoreFilter
from index.text import content_words
from qa.answer_count import without_answer_count
from qa.attribution_clause import without_document_clause
from qa.dates import MONTHS, DateRange, find_date_range, month_range
from qa.claim_check import claim_as_question
from qa.lead_in import without_lead_in
from qa.options import split_options

Turn = dict  # {"role": "user" | "assistant", "content": str}
MAX_QUESTION_CHARS = 2000
MAX_K = 50
UNKNOWN_OUTLET = "unknown"  # what the store reports for articles without an outlet

# Names that mean the same outlet, in `outlet_key` form; any one of a group matches an archive
# outlet whose key is in the group.
ALIAS_GROUPS: tuple[frozenset[str], ...] = tuple(frozenset(g) for g in (
    {"al jazeera", "aljazeera", "al jazeera english", "al jazira"},
    {"huffpost", "huffington post", "huff post", "huffpo"},
    {"abc news", "abc"},
    {"rte", "rte news", "raidio teilifis eireann"},
    {"dw", "deutsche welle", "dw news"},
    {"bbc", "bbc news", "british broadcasting corporation"},
    {"cnn", "cable news network"},
    {"tass", "itar tass", "tass news agency"},
    {"new york times", "nyt", "ny times", "nytimes"},
    {"washington post", "wapo"},
    {"wall street journal", "wsj"},
    {"ap", "associated press", "ap news"},
    {"reuters", "thomson reuters"},
    {"china daily", "chinadaily"},
    {"hurriyet daily news", "hurriyet"},
))
# Outlet names that are also ordinary words: matched only when capitalised and not
# the question's first word ("Time will tell", "an independent inquiry").
COMMON_WORDS = frozenset(
    "time times week today daily news post guardian independent economist verge wired telegraph hill sun "
    "mirror express star nation herald observer atlantic monitor mail journal tribune chronicle standard "
    "globe financial new world national local public politics business fortune money insider vice".split())


class QuestionError(NewsdeskError, ValueError):
    """A question or filter the user must fix; the message says how (CLI exit 2)."""


class EmptyIndex(QuestionError):
    """The archive holds no articles yet."""


class Completer(Protocol):
    """The part of an LLM that follow-up rewriting needs (see `qa.llm.LLM`)."""

    def complete(self, messages: list[dict], **kw: object) -> str: ...


class Archive(Protocol):
    """What understanding a question needs of the archive (see `index.store.ArchiveStore`)."""

    def outlets(self) -> Mapping[str, int]: ...

    def date_span(self) -> tuple[str | None, str | None]: ...


# "What's", "Who's", "Where're": a question word run into its verb, as people type questions. The checks read
# "What is the name of …" and "Who is the …" (qa/role_names.py, qa/role_tie.py); blind s32-18's "What's the name
# of the head of the Duma's foreign affairs committee?" got an unflagged "Lavrov" that "What is …" would not
# have. Capitalised or lower-case only: "WHO's" is the World Health Organization's.
_CONTRACTED = re.compile(r"\b((?:[Ww]hat|[Ww]ho|[Ww]here|[Ww]hen|[Hh]ow|[Ww]hich|[Tt]hat|[Tt]here))['’](s|re)\b")


def spelt_out(question: str) -> str:
    """`question` with a question word's contracted verb written out ("What's" → "What is", "Who're" → "Who are")."""
    return _CONTRACTED.sub(lambda m: f"{m[1]} {'is' if m[2] == 's' else 'are'}", question)


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
    dates_from_question: bool = False  # since/until were read from the question's words, not given
    options: tuple[str, ...] = ()  # answers the question offers ("A) … B) …"), taken off `text` (qa/options.py)
    typed: str | None = None  # the question as typed, when its misspelt words were read otherwise (qa/typos.py)

    @property
    def asked(self) -> str:
        """The user's question without the options it offers (`original` keeps them), contractions spelt out,
        without a lead-in about the asker ("I'm looking at … — what …?", qa/lead_in.py) and without a clause
        naming the article as its source ("Per the article, …"); a reported claim followed by "Is that correct?"
        asked as its yes/no question (qa/claim_check.py)."""
        return claim_as_question(without_document_clause(without_lead_in(spelt_out(
            split_options(self.original)[0] if self.options else self.original))))

    @property
    def search_text(self) -> str:
        """What retrieval and evidence selection look for: the question and any options it offers,
        without the number that counts its answers ("Which three …": qa/answer_count.py).

        The options name the candidates, and the passages that mention them are where the fact
        that tells them apart is (RealTimeQA `--choices`, all 399: answer recall@10 0.604 → 0.697,
        evidence recall 0.511 → 0.574 with the options searched; README "RealTimeQA, answers").
        """
        text = without_answer_count(self.text)
        return f"{text} {' '.join(self.options)}" if self.options else text

    def store_filter(self, *, question_dates: bool = True) -> StoreFilter:
        """The filter the stores apply: nothing published after `as_of` (undated kept).

        `question_dates=False` leaves out dates read from the question (an ablation switch).
        """
        if self.dates_from_question and not question_dates:
            return StoreFilter(None, None, self.sources, self.as_of.isoformat())
        return StoreFilter(self.since, self.until, self.sources, self.as_of.isoformat())

    def filters_json(self) -> dict:
        """Filters as reported in `--json` output."""
        return {"since": self.since, "until": self.until, "sources": list(self.sources),
                "as_of": self.as_of.isoformat()}


def parse_date_option(value: str | date | None, name: str, *, end: bool = False) -> str | None:
    """An ISO day from a caller's filter: 2017-02-01, or 2017-02 / 2017 (first or last day when `end`)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return f"{text}-12-31" if end else f"{text}-01-01"
        if re.fullmatch(r"\d{4}-\d{2}", text):
            first, last = month_range(int(text[:4]), int(text[5:]))
            return (last if end else first).isoformat()
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise QuestionError(f"{name}: {text!r} is not a date; use YYYY-MM-DD (or YYYY-MM, YYYY)") from None


def _names_for(outlet: str) -> set[str]:
    """Every `outlet_key` form that refers to `outlet` (its own key, aliases, spaceless form)."""
    key = outlet_key(outlet)
    names = {key}
    for group in ALIAS_GROUPS:
        if key in group:
            names |= group
    names |= {n.replace(" ", "") for n in names if " " in n}
    return {n for n in names if n}


def _accept(name: str, matched: str, at_start: bool, outlet: str) -> bool:
    """Whether the words `matched` (original casing) really name the outlet `name`."""
    letters = [c for c in matched if c.isalpha()]
    if not letters:
        return False
    words = name.split()
    common = any(w in COMMON_WORDS for w in words)
    if matched.isupper() and len(letters) >= 2:
        return not (common and at_start and len(words) == 1)
    significant = [w for w in re.findall(r"\w+", matched) if w.casefold() not in ("al", "the", "of", "de", "and")]
    if significant and all(w[0].isupper() for w in significant):
        return not (common and len(words) == 1 and at_start)
    # Lower case: only distinctive names ("tass", "al jazeera", "reuters"); "ap", "dw", "guardian" need capitals.
    return not common and len(name.replace(" ", "")) >= 3 and (len(name) >= 4 or outlet.isupper() or name == "abc")


def match_outlets(question: str, outlets: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, outlet) for each archive outlet named in the question, in order of mention."""
    tokens = [(outlet_key(m.group()), m.start(), m.end()) for m in re.finditer(r"\w+", question)]
    tokens = [t for t in tokens if t[0]]
    keys = [t[0] for t in tokens]
    candidates: list[tuple[int, int, str]] = []  # (first token, token count, outlet)
    for outlet in outlets:
        if outlet == UNKNOWN_OUTLET:
            continue
        for name in _names_for(outlet):
            words = name.split()
            for i in range(len(keys) - len(words) + 1):
                if keys[i:i + len(words)] == words:
                    start, end = tokens[i][1], tokens[i + len(words) - 1][2]
                    if _accept(name, question[start:end], not question[:start].strip(), outlet):
                        candidates.append((i, len(words), outlet))
    taken: set[int] = set()
    found: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    for i, n, outlet in sorted(candidates, key=lambda c: (c[0], -c[1])):
        span = set(range(i, i + n))
        if span & taken:
            continue
        taken |= span
        if outlet not in seen:
            seen.add(outlet)
            found.append((tokens[i][1], tokens[i + n - 1][2], outlet))
    return found


def outlets_in_question(question: str, outlets: Sequence[str]) -> list[str]:
    """Archive outlets named in the question, in order of mention."""
    return [outlet for _, _, outlet in match_outlets(question, outlets)]


def resolve_outlet(name: str, outlets: Sequence[str]) -> str:
    """The archive's spelling of an outlet the caller named, or a `QuestionError` listing the outlets."""
    wanted = outlet_key(name)
    for outlet in outlets:
        if outlet != UNKNOWN_OUTLET and wanted in _names_for(outlet):
            return outlet
    known = sorted((o for o in outlets if o != UNKNOWN_OUTLET), key=str.casefold)
    shown = ", ".join(known[:30]) + (f", … ({len(known) - 30} more; see `newsdesk stats`)" if len(known) > 30 else "")
    raise QuestionError(f"unknown outlet {name!r}; the archive has: {shown or 'no named outlets'}")


def _blank(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """`text` with the outlet names blanked, so "USA Today" is not read as a date."""
    for start, end, _ in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def understand(question: str, *, outlets: Sequence[str], as_of: date | str, since: str | date | None = None,
               until: str | date | None = None, sources: Sequence[str] = (), k: int = 6,
               standalone: str | None = None, span: tuple[str | None, str | None] | None = None) -> Query:
    """Validate a question and derive its filters; explicit `since`/`until`/`sources` win.

    `standalone` is the rewritten follow-up (see `rewrite_followup`); filters
    are read from it, and it becomes `Query.text`. `span` is the archive's
    (first, last) publication date: a dated phrase with a year that lies
    wholly outside it ("founded in 1938") names when something happened, not
    when it was reported, so it stays part of the question instead of
    becoming a filter that would find nothing.
    """
    given = _given(question, outlets, as_of, since, until, sources, k)
    sentence, offered = split_options(given.text)
    standalone = without_lead_in(spelt_out((standalone or sentence).strip()))  # "I'm looking at … — what …?"
    standalone = claim_as_question(standalone)  # "A post says X. Is that correct?" asks "Is X?" (qa/claim_check.py)
    notes: list[str] = []
    if offered:
        notes.append(f"options: {len(offered)} offered; the short answer is one of them")

    chosen = given.sources
    named = match_outlets(standalone, outlets)
    if chosen:
        notes.append("outlets: " + ", ".join(chosen) + " (as requested)")
    elif named:
        chosen = tuple(outlet for _, _, outlet in named)
        notes.append("outlets: " + ", ".join(chosen) + " (named in the question)")
    since_s, until_s, from_question = _dates(standalone, named, given, span, notes)
    return Query(standalone, given.text, since_s, until_s, chosen, k, given.as_of, tuple(notes), from_question,
                 offered)


def check_question(question: str, *, outlets: Sequence[str], as_of: date | str, since: str | date | None = None,
                   until: str | date | None = None, sources: Sequence[str] = (), k: int = 6,
                   span: tuple[str | None, str | None] | None = None) -> None:
    """Raise the `QuestionError` that `understand(question, …)` would raise, without building a `Query`.

    A follow-up is checked this way before the model rewrites it (no model call is spent on a
    question or filters the user must fix); the `Query` is then built once, from the rewrite.
    """
    given = _given(question, outlets, as_of, since, until, sources, k)
    sentence = split_options(given.text)[0]
    _dates(sentence, match_outlets(sentence, outlets), given, span, [])


@dataclass(frozen=True)
class _Given:
    """What the caller gave `understand`, checked: the question's text, as-of day, outlets and dates."""

    text: str
    as_of: date
    sources: tuple[str, ...]
    since: str | None
    until: str | None


def _given(question: str, outlets: Sequence[str], as_of: date | str, since: str | date | None,
           until: str | date | None, sources: Sequence[str], k: int) -> _Given:
    """The caller's question and filters checked, in the order their errors are reported."""
    text = (question or "").strip()
    if not text:
        raise QuestionError("the question is empty: type what you want to know")
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(f"the question is {len(text):,} characters long; the limit is {MAX_QUESTION_CHARS:,}")
    if not outlets:
        raise EmptyIndex("the archive is empty: index articles first with `newsdesk ingest PATH` or `newsdesk demo`")
    if not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise QuestionError(f"k must be a whole number from 1 to {MAX_K}, got {k!r}")
    if isinstance(as_of, str):
        as_of = date.fromisoformat(parse_date_option(as_of, "as_of") or "")
    chosen = tuple(dict.fromkeys(resolve_outlet(name, outlets) for name in sources if name and name.strip()))
    return _Given(text, as_of, chosen, parse_date_option(since, "since"), parse_date_option(until, "until", end=True))


def _dates(text: str, named: Sequence[tuple[int, int, str]], given: _Given,
           span: tuple[str | None, str | None] | None, notes: list[str]) -> tuple[str | None, str | None, bool]:
    """(since, until, read from the question) for `text`, explaining the choice in `notes`."""
    since_s, until_s = given.since, given.until
    from_question = False
    found = find_date_range(_blank(text, named), given.as_of)
    if since_s or until_s:
        notes.append(f"dates: {since_s or 'any'} to {until_s or 'any'} (as requested)")
        if found:
            notes.append(f"dates in the question (“{found.phrase}”) ignored: explicit dates given")
    elif found and span and _outside(found, span):
        notes.append(f"“{found.phrase}” is outside the archive's dates ({span[0]} to {span[1]}): "
                     "read as part of the question, not as a date filter")
    elif found:
        since_s = found.since.isoformat() if found.since else None
        until_s = found.until.isoformat() if found.until else None
        from_question = True
        notes.append(f"dates: {since_s or 'any'} to {until_s or 'any'} (from “{found.phrase}”)")
    if since_s and until_s and since_s > until_s:
        raise QuestionError(f"impossible date range: since {since_s} is after until {until_s}")
    return since_s, until_s, from_question


_CALENDAR_WORDS = re.compile(r"\b\d{4}\b|\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.I)


def _outside(found: DateRange, span: tuple[str | None, str | None] | None) -> bool:
    """True when `found` names a year or a month and ends before the archive starts or starts after it ends.

    "on Oct. 2" in a question about an article that says "on Oct. 2" (undated, or
    from another year) is the event's day; as a filter it would find nothing.
    Relative phrases ("last week") stay filters: they are about publication.
    """
    if not span or not span[0] or not span[1] or not _CALENDAR_WORDS.search(found.phrase):
        return False
    return bool((found.until and found.until.isoformat() < span[0])
                or (found.since and found.since.isoformat() > span[1]))


# -- follow-ups -------------------------------------------------------------
# A follow-up opens like one ("And the BBC?", "What about France?") ...
_FOLLOW_UP_OPENING = re.compile(
    r"^\s*(and|but|so|also|what about|how about|and what about|what else|then|next|same)\b", re.I)
# ... or refers to someone named earlier ("How old is he?") ...
_PERSON_WORDS = "he she they him her them his hers their theirs".split()
# ... or to something named earlier, when it names nothing itself ("Which museum was it taken from?"):
# a word pointing at it, or one of sequence ("next", "again"), which a rewrite must keep (`asks_the_same`).
_POINTING_WORDS = ["it", "its", "that", "this", "those", "these", "there", "the same", "else", "former", "latter"]
_SEQUENCE_WORDS = ["next", "afterwards", "after that", "then", "again", "too"]
_PERSON_REFERENCE = re.compile(rf"\b({'|'.join(_PERSON_WORDS)})\b", re.I)
_THING_REFERENCE = re.compile(rf"\b({'|'.join(_POINTING_WORDS + _SEQUENCE_WORDS)})\b", re.I)
_ENTITY = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of|the|de|al|bin|von|van|[A-Z][\w'’.-]*))*")
_QUESTION_WORDS = frozenset("what who whom whose when where why how which did does do is are was were can could "
                            "would should will has have had the a an in on at according tell show give".split())
MAX_REWRITE_CHARS = 400
ANSWER_NAMES = 3  # names taken from the last answer by the model-free rewrite
REWRITE_SYSTEM = ("Rewrite the follow-up as one standalone question: replace pronouns and vague references with "
                  "the names they refer to. Reply with the question only.")
# The rewrite must cost about a second: the model reads ~55 prompt tokens/s and writes ~10-15 tokens/s on
# 2 shared cores, so it sees only the last question and the start of its answer (~90 prompt tokens) and
# may write a question's worth of tokens.
REWRITE_CONTEXT_CHARS = 160
REWRITE_MAX_TOKENS = 32


def turn_text(turn: Turn) -> str:
    """The text of a chat turn whose content is a string or a list of content blocks."""
    content = turn.get("content", "") if isinstance(turn, dict) else ""
    if isinstance(content, str):
        return content
    if isinstance(content, (list, tuple)):
        parts = [b.get("text", "") if isinstance(b, dict) else str(b) for b in content]
        return " ".join(p for p in parts if isinstance(p, str))
    return str(content or "")


def needs_rewrite(question: str, history: Sequence[Turn]) -> bool:
    """True when the question leans on the conversation; a question that names its subject stands alone.

    "Why was Samsung heir Lee Jae-yong arrested?" is never rewritten (no model
    call, nothing added). Leaning on it: very short questions, follow-up
    openings ("What about France?"), a person pronoun with no name before it
    ("What did he say about Russia?"; "What did Trump say in his speech?"
    stands alone), and "it"/"that"/"there" in a question that names nothing.
    """
    if not any(t.get("role") == "user" for t in history if isinstance(t, dict)):
        return False
    if _FOLLOW_UP_OPENING.search(question) or len(re.findall(r"\w+", question)) <= 3:
        return True
    person = _PERSON_REFERENCE.search(question)
    if person and not key_entities(question[:person.start()]):
        return True
    return bool(_THING_REFERENCE.search(question)) and not key_entities(question)


def key_entities(text: str) -> list[str]:
    """Capitalised phrases of `text` (names, places), question words excluded, in order."""
    out = []
    for phrase in _ENTITY.findall(text):
        words = phrase.split()
        while words and words[0].casefold().strip("'’") in _QUESTION_WORDS:
            words.pop(0)
        phrase = re.sub(r"['’]s$", "", " ".join(words)).strip(".'’-")
        if phrase and phrase.casefold() not in _QUESTION_WORDS:
            out.append(phrase)
    return list(dict.fromkeys(out))


def _heuristic_rewrite(question: str, history: Sequence[Turn]) -> str:
    users = [turn_text(t) for t in history if isinstance(t, dict) and t.get("role") == "user"]
    if not users:
        return question
    known = {e.casefold() for e in key_entities(question)}
    entities = [e for e in key_entities(users[-1]) if e.casefold() not in known]
    # The answer often names who "he" is ("Who was arrested?" -> "Lee Jae-yong was ..."): add a few of its names.
    replies = [turn_text(t) for t in history if isinstance(t, dict) and t.get("role") == "assistant"]
    if replies and not replies[-1].startswith("The archive doesn't say"):
        seen = known | {e.casefold() for e in entities}
        entities += [e for e in key_entities(re.sub(r"\[[\d,; ]+\]", "", replies[-1]))
                     if e.casefold() not in seen][:ANSWER_NAMES]
    if not entities:
        words = [w for w in re.findall(r"[\w'’-]+", users[-1]) if w.casefold() not in _QUESTION_WORDS]
        entities = words[:8]
    return f"{question} ({', '.join(entities)})" if entities else question


def _clean_rewrite(raw: str, question: str) -> str | None:
    """The model's rewrite if it looks like one question, else None."""
    lines = [line.strip() for line in (raw or "").strip().splitlines() if line.strip()]
    if not lines:
        return None
    text = re.sub(r"^(standalone question|rewritten question|question)\s*:\s*", "", lines[0], flags=re.I)
    text = text.strip().strip('"“”\'').strip()
    if len(text) < 5 or len(text) > min(MAX_REWRITE_CHARS, 3 * len(question) + 200):
        return None
    if "<|" in text or text.casefold().startswith(("i ", "i'm", "sorry", "as an ai")):
        return None
    if not asks_the_same(question, text):
        return None
    return text


_WH = re.compile(r"\b(what|who|whom|whose|when|where|why|how|which)\b(\s+\w+)?", re.I)
_AUXILIARY = frozenset("did does do is are was were has have had will would can could should may might".split())


def _wh_kind(question: str) -> str | None:
    """The kind of question by its first question word: "who" (also whom, whose), "when", "where", "why",
    "how", "what" (also which) before a verb, or "what <noun>" ("which city"), which a rewrite may narrow
    to "where"; None without one."""
    m = _WH.search(question)
    if not m:
        return None
    word, following = m.group(1).casefold(), (m.group(2) or "").strip().casefold()
    if word in ("who", "whom", "whose"):
        return "who"
    if word in ("what", "which"):
        return "what" if not following or following in _AUXILIARY else f"what {following}"
    return word


# The follow-up's words that a rewrite replaces with names, so it need not keep them.
_REFERENCES = content_words(" ".join(_PERSON_WORDS + _POINTING_WORDS))


def asks_the_same(question: str, rewrite: str) -> bool:
    """True when `rewrite` asks what the follow-up `question` asks: the same question word ("what"
    stays "what") and at least half of the follow-up's own words besides its references.

    "What did she call the hackers on Twitter?" came back as "Who did Rose McGowan call on Twitter?"
    (demo-073, 2026-12-02 run): another question, answered "Rose McGowan". A rewrite that fails
    this falls back to the follow-up plus the last turn's names, which asks what was asked.
    """
    asked, answered = _wh_kind(question), _wh_kind(rewrite)
    if asked and answered and asked != answered and answered != "what" and not asked.startswith("what "):
        return False
    own = content_words(question) - _REFERENCES
    return not own or len(own & content_words(rewrite)) * 2 >= len(own)


def _last_exchange(history: Sequence[Turn]) -> str:
    """The last question and the start of its answer (markers removed), as the rewrite prompt shows them."""
    turns = [t for t in history if isinstance(t, dict) and t.get("role") in ("user", "assistant")]
    users = [i for i, t in enumerate(turns) if t["role"] == "user"]
    lines = []
    if users:
        lines.append("Question: " + turn_text(turns[users[-1]])[:REWRITE_CONTEXT_CHARS])
        replies = [turn_text(t) for t in turns[users[-1] + 1:] if t["role"] == "assistant"]
        if replies and not replies[0].startswith("The archive doesn't say"):
            lines.append("Answer: " + re.sub(r"\s*\[[\d,; ]+\]", "", replies[0])[:REWRITE_CONTEXT_CHARS])
    return "\n".join(lines)


def rewrite_followup(question: str, history: Sequence[Turn], llm: Completer | None = None) -> str:
    """A standalone version of a follow-up question (unchanged if it already stands alone).

    With an LLM: a short ChatML request, sanity-checked; without one (or if its
    reply is unusable): the question plus the key names of the last user question
    and of the answer to it, so retrieval still finds the right articles.
    """
    question = (question or "").strip()
    if not question or not needs_rewrite(question, history):
        return question
    if llm is not None:
        messages = [{"role": "system", "content": REWRITE_SYSTEM},
                    {"role": "user", "content": f"{_last_exchange(history)}\nFollow-up: {question}"}]
        try:
            rewritten = _clean_rewrite(llm.complete(messages, max_tokens=REWRITE_MAX_TOKENS, temperature=0.0),
                                       question)
        except Exception:  # noqa: BLE001 — a failed rewrite must never fail the answer
            rewritten = None
        if rewritten:
            return rewritten
    return _heuristic_rewrite(question, history)


def understand_in_archive(archive: Archive, question: str, history: Sequence[Turn] = (),
                          llm: Completer | None = None, *, k: int, since: str | None = None,
                          until: str | None = None, sources: Sequence[str] = (),
                          as_of: date | None = None) -> Query:
    """The `Query` for a question asked of `archive`, built once: the first stage of every answer.

    A follow-up is checked (`check_question`) before the model rewrites it, then
    understood from the rewrite; any other question is understood directly.
    Raises `QuestionError` (or `EmptyIndex`) for a question or filters the user must fix.
    """
    options = dict(outlets=list(archive.outlets()), as_of=as_of or date.today(), since=since, until=until,
                   sources=sources, k=k, span=archive.date_span())
    sentence = split_options((question or "").strip())[0]  # options are not rewritten
    if not needs_rewrite(sentence, history):
        return understand(question, **options)
    check_question(question, **options)  # before spending a model call on the rewrite
    return understand(question, standalone=rewrite_followup(sentence, history, llm), **options)
