"""A "who did it?" question the model answers with the source the question names, with the real models: the
answer is the subject the shown sentence gives the question's verb (qa/asked_subject.py; demo-103 was withheld
as an echo of the question)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.answer import NewsQA
from test_e2e import AS_OF, fixture_archive_with, llm  # noqa: F401  (llm is a fixture)

pytestmark = pytest.mark.slow

# The demo archive's Al Jazeera story, whole, as the demo feed prints it ("the-separatists" included).
STORY = Path(__file__).resolve().parents[1] / "fixtures" / "asked_subject_story.jsonl"


@pytest.fixture(scope="module")
def subject_qa(tmp_path_factory, real_embedder, llm) -> NewsQA:  # noqa: F811
    """The fixture articles and the story, in one archive."""
    return fixture_archive_with(STORY, "subject", tmp_path_factory, real_embedder, llm)


def test_who_did_what_a_named_source_reports_is_the_sentences_subject_not_the_source(subject_qa):
    answer = subject_qa.ask("According to Azerbaijan's defence ministry, who prevented the recovery of the dead "
                            "soldiers' bodies until Monday?", as_of=AS_OF)
    assert not answer.abstained, answer.text
    assert answer.short_answer and "separatists" in answer.short_answer, answer.short_answer
    assert answer.short_answer_concern is None, answer.short_answer_concern
    assert any("separatists prevented the recovery" in c.quote for c in answer.citations)
