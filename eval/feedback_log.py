"""The feedback log: one JSON line per 👍/👎 a reader gives an answer (HOME/feedback.jsonl).

Each record holds what is needed to ask the question again and judge the new
answer: the question, the conversation before it, the filters, the answer and
its citations, the verdict, an optional expected answer and the time. Several
app processes (or sessions) may append at once: each record is one `write` of
one line on a file opened for appending, under an exclusive `flock`, so lines
never interleave. Marking the same answer again appends a new record; the
latest record of an answer (same `key`) is the one that counts.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from index.text import json_line, json_lines

FEEDBACK_FILE = "feedback.jsonl"
VERDICTS = ("up", "down")


def feedback_path(home: Path) -> Path:
    """Where the app writes feedback and `eval feedback-to-set` reads it: HOME/feedback.jsonl."""
    return Path(home) / FEEDBACK_FILE


@dataclass
class FeedbackRecord:
    """One verdict on one answer, with everything needed to turn it into an evaluation question."""

    question: str
    answer: str
    verdict: str  # "up" or "down"
    citations: list[dict] = field(default_factory=list)  # n, article_id, title, source, published, url, quote
    filters: dict = field(default_factory=dict)  # since, until, sources as the question was asked
    history: list[dict] = field(default_factory=list)  # the conversation before the question
    short_answer: str | None = None
    abstained: bool = False
    expected: str | None = None  # what the reader says the answer should have been
    time: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))

    @property
    def key(self) -> str:
        """Identifies the answered question (same question, history, filters and answer): later records win."""
        blob = json.dumps([self.question, self.history, self.filters, self.answer], ensure_ascii=False,
                          sort_keys=True)
        return hashlib.sha1(blob.encode()).hexdigest()[:12]

    def to_json(self) -> dict:
        """The record as one line of the log."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: object) -> FeedbackRecord:
        """A record from a decoded line; `ValueError` naming the field that is wrong."""
        if not isinstance(data, dict):
            raise ValueError(f"expected a JSON object, got {type(data).__name__}")
        for name in ("question", "answer"):
            if not isinstance(data.get(name), str) or not data[name].strip():
                raise ValueError(f"field {name!r}: must be a non-empty string")
        if data.get("verdict") not in VERDICTS:
            raise ValueError(f"field 'verdict': must be 'up' or 'down', got {data.get('verdict')!r}")
        expected = data.get("expected")
        if expected is not None and not isinstance(expected, str):
            raise ValueError("field 'expected': must be a string")
        for name, kind in (("citations", list), ("filters", dict), ("history", list)):
            if not isinstance(data.get(name) or kind(), kind):
                raise ValueError(f"field {name!r}: must be a {kind.__name__}")
        return cls(question=data["question"], answer=data["answer"], verdict=data["verdict"],
                   citations=list(data.get("citations") or []), filters=dict(data.get("filters") or {}),
                   history=list(data.get("history") or []), short_answer=data.get("short_answer") or None,
                   abstained=bool(data.get("abstained")), expected=(expected or "").strip() or None,
                   time=str(data.get("time") or ""))


def append_feedback(path: Path, record: FeedbackRecord) -> None:
    """Append one record as one line, safely when other sessions or processes append at the same time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json_line(record.to_json()).encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        written = 0
        while written < len(line):  # one write almost always; a short write continues under the lock
            written += os.write(fd, line[written:])
        os.fsync(fd)
    finally:
        os.close(fd)  # also releases the lock


def read_feedback(path: Path) -> Iterator[tuple[int, FeedbackRecord | str]]:
    """(line number, record) for each line, or (line number, "why the line was not read")."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, value in json_lines(handle):
            if isinstance(value, json.JSONDecodeError):
                yield number, f"malformed JSON ({value.msg} at column {value.colno})"
                continue
            try:
                yield number, FeedbackRecord.from_json(value)
            except ValueError as exc:
                yield number, str(exc)
