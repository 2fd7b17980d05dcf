"""What an abstaining answer says: that the archive doesn't say, and the closest articles instead.

The reader who gets no answer still gets somewhere to look: the few articles whose passages came
closest to the question, each with its outlet and date, and, when the passages were found but do
not settle it, why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from index.article import ArticleRef, RefersToArticle
from qa.retrieval import Passage

CLOSEST = 3


@dataclass(frozen=True)
class ClosestArticle(RefersToArticle):
    """An article offered as 'closest' when the archive does not answer."""

    ref: ArticleRef
    score: float  # its best passage's cosine similarity to the question, 3 decimals

    def to_json(self) -> dict:
        """The article's five fields and the score, as `newsdesk ask --json` lists it under "closest"."""
        return {**self.ref.to_json(), "score": self.score}


def closest_articles(passages: Sequence[Passage], limit: int = CLOSEST) -> list[ClosestArticle]:
    """The distinct articles of the passages, most similar to the question first."""
    seen: dict[str, ClosestArticle] = {}
    for p in sorted(passages, key=lambda p: -(p.dense_score or 0.0)):
        if p.article_id not in seen:
            seen[p.article_id] = ClosestArticle(p.ref, round(p.dense_score or 0.0, 3))
    return list(seen.values())[:limit]


def abstention_text(closest: Sequence[ClosestArticle], reason: str | None = None) -> str:
    """What an abstaining answer says (with `reason`, why the passages found do not settle it)."""
    if not closest:
        return "The archive doesn't say: no indexed article matches this question."
    items = "; ".join(f"“{a.title}” ({a.source or 'unknown outlet'}, {a.published or 'undated'})" for a in closest)
    return f"The archive doesn't say{': ' + reason if reason else ''}. Closest articles: {items}."
