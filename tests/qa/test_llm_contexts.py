"""Which llama.cpp context a prompt runs in (fake contexts: only their evaluated tokens matter)."""

from __future__ import annotations

from qa.llm_contexts import MIN_SHARED_TOKENS, ContextSlots, shared_prefix

ANSWER = list(range(100, 400))        # the answer prompt's system prompt, ~300 tokens
REWRITE = [100, 101, 102] + list(range(900, 940))  # ChatML's opening is shared, nothing else


class FakeContext:
    def __init__(self, name: str) -> None:
        self.name, self.input_ids = name, []

    def run(self, tokens: list[int]) -> "FakeContext":
        self.input_ids = list(tokens)
        return self


def slots_with_maker(slots: int = 2):
    made: list[FakeContext] = []

    def make() -> FakeContext:
        made.append(FakeContext(f"extra{len(made) + 1}"))
        return made[-1]

    return ContextSlots(FakeContext("first"), make, slots), made


def test_shared_prefix_counts_leading_equal_tokens():
    assert shared_prefix([1, 2, 3], [1, 2, 4, 5]) == 2
    assert shared_prefix([], [1]) == 0 and shared_prefix([1, 2], [1, 2]) == 2


def test_the_first_prompt_uses_the_first_context_and_makes_no_other():
    slots, made = slots_with_maker()
    assert slots.pick(ANSWER + [1]).name == "first" and made == []


def test_a_rewrite_between_answers_runs_beside_them_and_keeps_the_answer_prefix():
    slots, made = slots_with_maker()
    slots.pick(ANSWER + [1]).run(ANSWER + [1, 2])
    rewrite_context = slots.pick(REWRITE + [5])
    assert rewrite_context.name == "extra1" and len(made) == 1
    rewrite_context.run(REWRITE + [5, 6])
    assert slots.pick(ANSWER + [7]).name == "first"      # the answer prefix is still there
    assert slots.pick(REWRITE + [8]).name == "extra1"    # and so is the rewrite's
    assert len(made) == 1


def test_with_every_slot_taken_a_stranger_goes_to_the_least_recently_used():
    slots, made = slots_with_maker()
    slots.pick(ANSWER).run(ANSWER)
    slots.pick(REWRITE).run(REWRITE)
    slots.pick(ANSWER)  # the answer context is the most recent now
    stranger = [100, 101, 102] + list(range(5000, 5050))
    assert slots.pick(stranger).name == "extra1" and len(made) == 1


def test_a_few_shared_tokens_are_no_prefix():
    slots, made = slots_with_maker(slots=1)
    slots.pick(ANSWER).run(ANSWER)
    almost = ANSWER[:MIN_SHARED_TOKENS - 1] + [7] * 20
    assert slots.pick(almost).name == "first" and made == []  # one slot: it is reused, nothing is made
