"""A "From which event …?" question over the shared sample beside a story the model copies a clause from, with
the real models: the answer is what the stranded "from" takes in the sample's sentence, not the other story's
clause made a quote by the near-copy rule (blind s37-16; qa/reply_review.py runs the stranded-preposition rule
before the rules that keep the model's clause)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.answer import NewsQA
from test_e2e import AS_OF, fixture_archive_with, llm  # noqa: F401  (llm is a fixture)

pytestmark = pytest.mark.slow

# The demo archive's RTÉ story on the Dutch election, whole: "When the Turkish foreign minister attempted to speak
# at a rally in Rotterdam on 11 March-to persuade Dutch Turks …" (the scrape's "March-to" included).
STORY = Path(__file__).resolve().parents[1] / "fixtures" / "stranded_rotterdam_story.jsonl"
SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"


@pytest.fixture(scope="module")
def rotterdam_qa(tmp_path_factory, real_embedder, llm) -> NewsQA:  # noqa: F811
    """The fixture articles, the RTÉ story and the shared sample, in one archive."""
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not present")
    return fixture_archive_with(STORY, "rotterdam", tmp_path_factory, real_embedder, llm, [SAMPLES])


def test_from_which_event_is_what_the_samples_from_takes_not_another_storys_clause(rotterdam_qa):
    answer = rotterdam_qa.ask("From which event was the Turkish prime minister returning when he spoke to Turkish "
                              "reporters on his plane?", as_of=AS_OF)
    assert not answer.abstained, answer.text
    assert answer.short_answer and "General Assembly" in answer.short_answer, answer.short_answer
    assert "Rotterdam" not in answer.short_answer
