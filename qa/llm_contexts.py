"""Two llama.cpp contexts over one model, so a side request never evicts the answer prompt.

llama.cpp keeps the tokens it last evaluated and re-reads only what differs,
which is why the answer prompt's long static system prompt costs nothing from
one question to the next. A follow-up's rewrite has its own short system
prompt: run in the same context, it evicted the answer's prefix, and the
follow-up's answer then read the ~300-token system prompt again. Measured on
the 8 demo follow-ups, idle 2-core EPYC, 2026-12-03: reading the answer's
prefix after a rewrite took 3.76 s p50 in one context and 0.58 s with the
rewrite in a second one; the rewrite itself 1.77 s → 1.28 s p50 (its own
system prompt stays evaluated too), with the same 8 rewrites word for word
(README, on follow-ups, has the end-to-end figures).

`ContextSlots` sends each prompt to the context already holding the longest
shared prefix of it, like llama.cpp's server slots; a prompt that shares
little with any goes to an unused context (made on first need: a second
context maps the same GGUF file, so it adds its KV cache and logits buffers,
not a second copy of the weights) or else to the least recently used one.
"""

from __future__ import annotations

from typing import Callable, Generic, Protocol, Sequence, TypeVar

# Fewer shared tokens than this is no shared prefix: every ChatML prompt opens with the same
# "<|im_start|>system\n" (3 tokens) whatever its system prompt says.
MIN_SHARED_TOKENS = 8
SLOTS = 2  # the answer prompt and one for side requests (follow-up rewrites)


class Context(Protocol):
    """What slot choice reads of a llama.cpp context (`llama_cpp.Llama`)."""

    @property
    def input_ids(self) -> Sequence[int]: ...


C = TypeVar("C", bound=Context)


def shared_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    """How many leading tokens `a` and `b` have in common."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


class ContextSlots(Generic[C]):
    """Up to `slots` contexts; `pick(tokens)` chooses the one a prompt should run in.

    Not thread-safe by itself: the caller (`qa.llm.EmbeddedLLM`) holds its lock around
    `pick` and the generation that follows.
    """

    def __init__(self, first: C, make: Callable[[], C], slots: int = SLOTS) -> None:
        self._contexts: list[C] = [first]
        self._make = make
        self._slots = slots
        self._recent: list[int] = [0]  # context indices, most recently used last

    @property
    def contexts(self) -> tuple[C, ...]:
        """The contexts made so far, the first one first."""
        return tuple(self._contexts)

    def pick(self, tokens: Sequence[int]) -> C:
        """The context holding the longest prefix of `tokens`; else an empty, a new or the least
        recently used one."""
        shared = [shared_prefix(c.input_ids, tokens) for c in self._contexts]
        best = max(range(len(shared)), key=lambda i: (shared[i], -self._recent.index(i)))
        if shared[best] < MIN_SHARED_TOKENS:
            empty = [i for i, c in enumerate(self._contexts) if not len(c.input_ids)]
            if empty:
                best = empty[0]
            elif len(self._contexts) < self._slots:
                self._contexts.append(self._make())
                best = len(self._contexts) - 1
            else:
                best = self._recent[0]
        self._recent = [i for i in self._recent if i != best] + [best]
        return self._contexts[best]
