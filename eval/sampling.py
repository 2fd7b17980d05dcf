"""Picking a few questions out of a set so that every question type is represented.

A question set is usually written type by type (the demo set's first 48 lines
are factoids), so "the first ten" measures one kind of question. `spread`
takes them round-robin over the types instead, each type's questions in a
seeded random order, and returns them in file order: the same seed gives the
same questions, a run can be resumed, and ten questions of the demo set cover
all eight types.
"""

from __future__ import annotations

import random
from typing import Sequence, TypeVar

from eval.questions import Question

Q = TypeVar("Q", bound=Question)


def spread(questions: Sequence[Q], n: int, seed: int = 0) -> list[Q]:
    """`n` questions taken round-robin over their types (types in order of first appearance), in file order.

    Within a type the order is a shuffle fixed by `seed`. With `n` at least the set's size, all of it.
    """
    if n >= len(questions):
        return list(questions)
    by_type: dict[str, list[int]] = {}
    for i, q in enumerate(questions):
        by_type.setdefault(q.type, []).append(i)
    rng = random.Random(seed)
    queues = []
    for indices in by_type.values():
        shuffled = list(indices)
        rng.shuffle(shuffled)
        queues.append(shuffled)
    picked: list[int] = []
    while len(picked) < n:
        for queue in queues:
            if queue and len(picked) < n:
                picked.append(queue.pop(0))
    return [questions[i] for i in sorted(picked)]
