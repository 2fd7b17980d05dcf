"""How well a timeline orders its events: Kendall's tau against days placed by hand.

A labelled event is an article (the timeline's citation) and the day its event
sentence describes, read by a person from the article; the timeline's own day for
that article is compared with it. Tau-b (ties allowed on either side, as two
events of one day are) over the labelled articles the timeline lists: 1.0 is the
same order, 0 no relation. Days the timeline places on the publication date
although the sentence describes an earlier event are what lower it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Mapping, Sequence

from scipy.stats import kendalltau


@dataclass(frozen=True)
class OrderScore:
    """Kendall tau-b of the timeline's days against the hand-placed days, over `n` shared events."""

    tau: float
    n: int
    misplaced: tuple[str, ...]  # article ids whose timeline day differs from the hand-placed one


def order_agreement(timeline_days: Mapping[str, date], gold_days: Mapping[str, date]) -> OrderScore:
    """Tau-b between the timeline's day and the hand-placed day of every article both have."""
    shared: Sequence[str] = sorted(set(timeline_days) & set(gold_days))
    if len(shared) < 2:
        return OrderScore(float("nan"), len(shared), ())
    ordinal = [timeline_days[a].toordinal() for a in shared]
    gold = [gold_days[a].toordinal() for a in shared]
    tau = float(kendalltau(ordinal, gold).statistic)
    return OrderScore(tau, len(shared), tuple(a for a in shared if timeline_days[a] != gold_days[a]))


def load_gold_days(path: Path) -> dict[str, dict[str, date]]:
    """Hand-placed days by topic and article id from a labels file (`tests/fixtures/timeline_order/*.jsonl`).

    Events labelled `"day": null` (not about the topic, or no event) are left out.
    """
    gold: dict[str, dict[str, date]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        try:
            day = date.fromisoformat(record["day"]) if record["day"] else None
        except ValueError:
            raise ValueError(f"{path}:{n}: not a day: {record['day']!r}") from None
        if day is not None:
            gold.setdefault(record["topic"], {})[record["article_id"]] = day
    return gold
