"""Speaker attribution measured against hand-labelled statements (who said what).

The labels (`tests/fixtures/attribution/statements.jsonl`) list every attributed
statement of a few demo articles, read by hand: the article's demo id, the
speaker (the full name when the article gives it, else the phrase: "a Clinton
spokesman") and the statement's text, an exact substring of the body (" … "
joins the two ends of a quotation that runs over several sentences; "occurrence": 2
labels the second copy of a text the article prints twice). Because
every statement of those articles is labelled, a found statement that matches
none is a false positive.

A found statement matches a label when their spans overlap by at least half
of the shorter one and the speakers agree (`same_speaker`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from index.attribution import Statement, attributed_statements, matches_speaker
from index.text import fold

GAP = " … "
MIN_OVERLAP = 0.5


@dataclass(frozen=True)
class Label:
    """One hand-labelled statement: article, speaker and the statement's span in the body."""

    article_id: str
    speaker: str
    start: int
    end: int


@dataclass(frozen=True)
class AttributionScore:
    """Precision and recall of speaker attribution, and the cases that missed."""

    labels: int
    found: int
    correct_found: int  # found statements matching a label, speaker included
    matched_labels: int  # labels some found statement matches, speaker included
    span_only: int  # found statements overlapping a label whose speaker disagrees
    false_positives: tuple[tuple[str, Statement], ...]
    missed: tuple[Label, ...]

    @property
    def precision(self) -> float:
        """Share of found statements that are labelled statements with the right speaker."""
        return self.correct_found / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        """Share of labelled statements found with the right speaker."""
        return self.matched_labels / self.labels if self.labels else 0.0


def _span(body: str, text: str, where: str, occurrence: int = 1) -> tuple[int, int]:
    first, _, last = text.partition(GAP)
    start = -1
    for _ in range(occurrence):  # a statement printed twice (standfirst and body) is labelled by its occurrence
        start = body.find(first, start + 1)
        if start < 0:
            break
    end = start + len(first) if not last else body.find(last, start + len(first)) + len(last)
    if start < 0 or end < start + len(first) or (last and body.find(last, start) < 0):
        raise ValueError(f"{where}: the labelled text is not in the article: {text[:60]!r}")
    return start, end


def load_labels(path: Path, bodies: Mapping[str, str]) -> list[Label]:
    """The labels of `path`, located in the article bodies (a label whose text is not there is an error)."""
    labels = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        body = bodies.get(record["article_id"])
        if body is None:
            raise ValueError(f"{path}:{n}: no demo article with id {record['article_id']}")
        span = _span(body, record["text"], f"{path}:{n}", record.get("occurrence", 1))
        labels.append(Label(record["article_id"], record["speaker"], *span))
    return labels


def same_speaker(label: str, statement: Statement) -> bool:
    """True when a found statement's speaker is the labelled one (names by `matches_speaker`, phrases folded)."""
    def plain(text: str) -> str:
        return re.sub(r"^(?:the|a|an)\s+", "", " ".join(fold(text).split()))
    if plain(label) in (plain(statement.name), plain(statement.speaker)):
        return True
    return any(matches_speaker(a, b) for a, b in ((label, statement.name), (statement.name, label),
                                                   (label, statement.speaker)))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= MIN_OVERLAP * min(a[1] - a[0], b[1] - b[0])


def score_attribution(labels: Sequence[Label], bodies: Mapping[str, str]) -> AttributionScore:
    """Run the attribution patterns over the labelled articles and score them against the labels."""
    found = {aid: attributed_statements(bodies[aid]) for aid in dict.fromkeys(lb.article_id for lb in labels)}
    correct = span_only = 0
    false_positives = []
    matched: set[Label] = set()
    for aid, statements in found.items():
        mine = [lb for lb in labels if lb.article_id == aid]
        for s in statements:
            hits = [lb for lb in mine if _overlaps((s.start, s.end), (lb.start, lb.end))]
            right = [lb for lb in hits if same_speaker(lb.speaker, s)]
            if right:
                correct += 1
                matched.update(right)
            else:
                span_only += bool(hits)
                false_positives.append((aid, s))
    missed = tuple(lb for lb in labels if lb not in matched)
    return AttributionScore(len(labels), sum(map(len, found.values())), correct, len(matched), span_only,
                            tuple(false_positives), missed)
