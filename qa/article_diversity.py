"""Per-article diversity of a fused ranking: an article's second passage counts `decay`
times its fused score, its third `decay`², and so on, so that a near-tie between one
more chunk of an article already ranked and a chunk of another article goes to the other
article.

Why: on RealTimeQA the weighted fusion (keyword 2 : dense 1) fills its top 10 with more
chunks of the same articles than keyword search does (6.55 distinct articles per top 10
against 7.01, all 399 questions), because the dense vote lifts further chunks of the
articles it likes. Of the 8 questions whose answer keyword search's top 10 holds and the
fusion's does not, 7 lost it to an article pushed out that way (README "Retrieval alone").
A soft penalty rather than a hard cap: at most two chunks per article cost the demo set
answer recall@4 0.985 -> 0.955 (2026-12-01), since some answers need a third chunk.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol, Sequence, TypeVar


class Scored(Protocol):
    """A ranked item of one article (a `Passage`): its article and its fused score."""

    @property
    def article_id(self) -> str: ...

    @property
    def score(self) -> float: ...


T = TypeVar("T", bound=Scored)


def diversify(ranked: Sequence[T], decay: float) -> list[T]:
    """`ranked` (best first) re-ordered greedily: each step takes the item with the highest
    score × decay^(items of its article already taken); ties keep the incoming order.

    Each item's score becomes that discounted score, so the result stays sorted by score
    (a discount only ever lowers what is left). `decay` 1 keeps the order and the scores.
    """
    if not 0 < decay <= 1:
        raise ValueError("decay must be in (0, 1]")
    left = list(ranked)
    taken: dict[str, int] = {}
    out: list[T] = []
    while left:
        best_i, best = 0, float("-inf")
        for i, item in enumerate(left):
            value = item.score * decay ** taken.get(item.article_id, 0)
            if value > best:
                best_i, best = i, value
        item = left.pop(best_i)
        out.append(item if best == item.score else replace(item, score=best))  # type: ignore[type-var]
        taken[item.article_id] = taken.get(item.article_id, 0) + 1
    return out
