"""Each retriever's head kept: the passages a single retriever ranks in its top n stay in
the fused top k, whatever the other retriever thinks of them.

Why: on RealTimeQA the weighted fusion (keyword 2 : dense 1) lost answers that plain keyword
search had at ranks 3-10 because the dense search ranked the same chunk below 60 or not at all,
so the fused score fell to ranks 11-17 (all 399 questions, 2026-12-02; README "Retrieval
alone"). Fusion lets one retriever veto the other's confident pick; a kept head is the
round-robin guarantee of the classic merge without giving up the fused order elsewhere.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Protocol, Sequence, TypeVar


class Ranked(Protocol):
    """A fused item (a `Passage`): its fused score."""

    @property
    def score(self) -> float: ...


T = TypeVar("T", bound=Ranked)


def keep_heads(ranked: Sequence[T], is_head: Callable[[T], bool], k: int) -> list[T]:
    """`ranked` (best first) with every item `is_head` accepts inside the first `k`.

    The fused order is kept except where the slots left in the top `k` are only enough for the
    head items not yet placed: then the best of those is placed next, taking the score of the
    item it displaces (so scores stay sorted). Items past `k` and a list whose head items
    already sit in the top `k` come back unchanged; nothing is added or dropped.
    """
    if k < 1:
        raise ValueError("k must be positive")
    left = list(range(len(ranked)))  # indices into `ranked`, fused order
    heads = [i for i in left if is_head(ranked[i])]
    out: list[T] = []
    while left and len(out) < k:
        heads = [i for i in heads if i in left]
        if heads and len(heads) >= k - len(out) and heads[0] != left[0]:
            displaced = ranked[left[0]]
            item = ranked[heads[0]]
            left.remove(heads[0])
            out.append(replace(item, score=displaced.score) if displaced.score > item.score else item)  # type: ignore[type-var]
        else:
            out.append(ranked[left.pop(0)])
    return out + [ranked[i] for i in left]
