"""Question sets: JSON Lines files of questions with their gold answers.

One JSON object per line:

    {"id": "q1", "question": "...", "answers": ["..."], "type": "factoid",
     "gold_articles": ["<article id, URL or title>"], "gold_evidence": ["..."],
     "history": [{"role": "user", "content": "..."}],
     "filters": {"since": "2017-02-01", "until": "2017-02-28", "sources": ["TASS"]},
     "as_of": "2017-03-01"}

`answers` empty means the archive cannot answer (the system should abstain).
Loading validates every line and reports every problem with its line and
field, so a set with a typo is fixed in one pass instead of failing mid-run.
Fields we do not interpret are kept in `extra` (near-misses of known field
names are reported as probable typos).
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Iterable

from index.errors import NewsdeskError
from index.text import json_lines, write_jsonl

KNOWN_TYPES = ("factoid", "yes_no", "disputed", "comparison", "temporal", "follow_up", "outlet", "unanswerable")
REQUIRED = ("id", "question", "answers", "type", "gold_articles")
OPTIONAL = ("gold_evidence", "history", "filters", "as_of")
FILTER_KEYS = ("since", "until", "sources")
MAX_ERRORS_SHOWN = 25
BUNDLED_DIR = Path(__file__).resolve().parent / "question_sets"


class QuestionSetError(NewsdeskError, ValueError):
    """A question set that cannot be used; `problems` lists each 'file:line: field: why'."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        if len(problems) == 1:
            super().__init__(problems[0])
            return
        shown = problems[:MAX_ERRORS_SHOWN]
        more = f"\n  … and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
        super().__init__(f"{path}: {len(problems)} problems in the question set:\n  "
                         + "\n  ".join(shown) + more)


@dataclass(frozen=True)
class Question:
    """One evaluation question with what counts as a right answer and right sources."""

    id: str
    question: str
    answers: tuple[str, ...]
    type: str
    gold_articles: tuple[str, ...] = ()
    gold_evidence: tuple[str, ...] = ()
    history: tuple[dict, ...] = ()
    since: str | None = None
    until: str | None = None
    sources: tuple[str, ...] = ()
    as_of: date | None = None
    extra: dict = field(default_factory=dict, compare=False)  # fields we do not interpret (kept for reports)
    line: int = field(default=0, compare=False)

    @property
    def answerable(self) -> bool:
        """False when the archive should not be able to answer (no gold answers)."""
        return bool(self.answers)

    def ask_options(self) -> dict:
        """Keyword arguments for `NewsQA.ask` / `NewsQA.retrieve` (filters and as_of)."""
        options: dict = {"since": self.since, "until": self.until, "sources": self.sources}
        if self.as_of is not None:
            options["as_of"] = self.as_of
        return options

    def to_json(self) -> dict:
        """The question as a JSON Lines record (round-trips through `parse_question`)."""
        record: dict = {"id": self.id, "question": self.question, "answers": list(self.answers),
                        "type": self.type, "gold_articles": list(self.gold_articles)}
        if self.gold_evidence:
            record["gold_evidence"] = list(self.gold_evidence)
        if self.history:
            record["history"] = [dict(t) for t in self.history]
        if self.since or self.until or self.sources:
            record["filters"] = {"since": self.since, "until": self.until, "sources": list(self.sources)}
        if self.as_of:
            record["as_of"] = self.as_of.isoformat()
        record.update(self.extra)
        return record


def _strings(value: object, name: str, problems: list[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        problems.append(f"field {name!r}: must be a list of strings, got {type(value).__name__}")
        return ()
    bad = [i for i, v in enumerate(value) if not isinstance(v, str) or not v.strip()]
    if bad:
        problems.append(f"field {name!r}: item {bad[0]} must be a non-empty string")
        return ()
    return tuple(v.strip() for v in value)


def _date(value: object, name: str, problems: list[str]) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        problems.append(f"field {name!r}: must be an ISO date like 2017-02-28, got {value!r}")
        return None


def _history(value: object, problems: list[str]) -> tuple[dict, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append("field 'history': must be a list of {\"role\", \"content\"} turns")
        return ()
    turns = []
    for i, turn in enumerate(value):
        if (not isinstance(turn, dict) or turn.get("role") not in ("user", "assistant")
                or not isinstance(turn.get("content"), str)):
            problems.append(f"field 'history': turn {i} must be {{\"role\": \"user\"|\"assistant\", "
                            "\"content\": \"...\"}")
            return ()
        turns.append({"role": turn["role"], "content": turn["content"]})
    return tuple(turns)


def _filters(value: object, problems: list[str]) -> tuple[str | None, str | None, tuple[str, ...]]:
    if not isinstance(value, dict):
        problems.append("field 'filters': must be an object with since, until, sources")
        return None, None, ()
    for key in value:
        if key not in FILTER_KEYS:
            problems.append(f"field 'filters.{key}': unknown filter (use {', '.join(FILTER_KEYS)})")
    since = _date(value.get("since"), "filters.since", problems)
    until = _date(value.get("until"), "filters.until", problems)
    if since and until and since > until:
        problems.append(f"field 'filters': since {since} is after until {until}")
    sources = _strings(value.get("sources") or [], "filters.sources", problems)
    return (since.isoformat() if since else None), (until.isoformat() if until else None), sources


def parse_question(record: object) -> Question:
    """One validated `Question` from a decoded JSON object.

    Raises `ValueError` whose message lists every problem ('field ...: why', joined by '; ').
    """
    problems: list[str] = []
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    problems += [f"field {key!r}: missing" for key in REQUIRED if key not in record]
    known = set(REQUIRED) | set(OPTIONAL)
    extra = {}
    for key in record:
        if key in known:
            continue
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.8)
        if close:
            problems.append(f"field {key!r}: unknown field — did you mean {close[0]!r}?")
        else:
            extra[key] = record[key]
    qid = record.get("id")
    if "id" in record and (not isinstance(qid, (str, int)) or isinstance(qid, bool) or not str(qid).strip()):
        problems.append("field 'id': must be a non-empty string")
    text = record.get("question")
    if "question" in record and (not isinstance(text, str) or not text.strip()):
        problems.append("field 'question': must be a non-empty string")
    answers = _strings(record.get("answers", []), "answers", problems)
    qtype = record.get("type")
    if "type" in record and (not isinstance(qtype, str) or not qtype.strip()):
        problems.append(f"field 'type': must be a non-empty string such as {', '.join(KNOWN_TYPES)}")
    elif qtype == "unanswerable" and answers:
        problems.append("field 'answers': must be empty for type 'unanswerable'")
    gold = _strings(record.get("gold_articles", []), "gold_articles", problems)
    evidence = _strings(record.get("gold_evidence", []), "gold_evidence", problems)
    history = _history(record.get("history"), problems)
    since, until, sources = _filters(record.get("filters") or {}, problems)
    as_of = _date(record.get("as_of"), "as_of", problems)
    if problems:
        raise ValueError("; ".join(problems))
    return Question(id=str(qid).strip(), question=text.strip(), answers=answers, type=qtype.strip(),
                    gold_articles=gold, gold_evidence=evidence, history=history, since=since, until=until,
                    sources=sources, as_of=as_of, extra=extra)


def parse_lines(lines: Iterable[str], path: str = "<questions>") -> list[Question]:
    """Validated questions from JSON Lines text; `QuestionSetError` lists every bad line."""
    questions: list[Question] = []
    problems: list[str] = []
    first_line: dict[str, int] = {}
    for number, record in json_lines(lines):
        if isinstance(record, json.JSONDecodeError):
            problems.append(f"{path}:{number}: malformed JSON ({record.msg} at column {record.colno})")
            continue
        try:
            question = parse_question(record)
        except ValueError as exc:
            problems.extend(f"{path}:{number}: {p}" for p in str(exc).split("; "))
            continue
        if question.id in first_line:
            problems.append(f"{path}:{number}: field 'id': duplicate id {question.id!r} "
                            f"(first used on line {first_line[question.id]})")
            continue
        first_line[question.id] = number
        questions.append(replace(question, line=number))
    if problems:
        raise QuestionSetError(path, problems)
    if not questions:
        raise QuestionSetError(path, [f"{path}: no questions (expected one JSON object per line)"])
    return questions


def load_questions(path: str | Path) -> list[Question]:
    """Read and validate a JSON Lines question set.

    Raises `QuestionSetError` naming each bad line and field, or when the
    file cannot be read.
    """
    path = Path(path).expanduser()
    if not path.is_file():
        names = ", ".join(bundled_sets()) or "none installed"
        raise QuestionSetError(str(path), [f"{path}: no such question set file (bundled sets: {names})"])
    try:
        with path.open(encoding="utf-8-sig") as handle:
            return parse_lines(handle, str(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionSetError(str(path), [f"{path}: cannot read the question set ({exc})"]) from None


def with_as_of(questions: Iterable[Question], as_of: date | None) -> list[Question]:
    """The questions, those without an `as_of` of their own asked as of `as_of` (unchanged when None).

    The answer prompt names the day a question is asked; the 1.5B model's replies change with it, so two
    runs of one set on different days differ a little with the same code (demo-038 flipped between runs
    on 2026-12-03 and 2026-12-04 over the same evidence). Pinning the day makes runs comparable.
    """
    return [q if q.as_of is not None or as_of is None else replace(q, as_of=as_of) for q in questions]


def write_questions(questions: Iterable[Question], path: str | Path) -> Path:
    """Write questions as JSON Lines (used by the benchmark converters)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_jsonl((q.to_json() for q in questions), path)
    return path


def bundled_sets() -> dict[str, Path]:
    """Question sets shipped with Newsdesk (eval/question_sets/*.jsonl), by name."""
    return {p.stem: p for p in sorted(BUNDLED_DIR.glob("*.jsonl"))}


def resolve_question_set(name_or_path: str) -> Path:
    """A path for a question-set argument: an existing file, else a bundled set's name."""
    path = Path(name_or_path).expanduser()
    if path.exists() or name_or_path not in bundled_sets():
        return path
    return bundled_sets()[name_or_path]
