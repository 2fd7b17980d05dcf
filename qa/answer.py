"""Asking the archive: question → passages → cited, checked `Answer`.

`NewsQA.ask_stream` yields the sources as soon as retrieval is done, then the
answer text as it is generated, then the verified `Answer`; `ask` returns only
the last. The CLI, the Gradio app and the evaluator all call these.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Iterator, Sequence

from index.embedding import Embedder
from index.settings import Settings
from index.store import ArchiveStore
from qa.citations import AnswerSentence, Citation, verify_answer
from qa.evidence import Evidence, select_evidence
from qa.llm import LLM, build_llm
from qa.prompts import ABSTAIN, answer_messages
from qa.query import Query, Turn, rewrite_followup, understand
from qa.retrieval import HybridRetriever, Passage

# Below this best dense cosine nothing retrieved is about the question, so we
# abstain without asking the model. Calibrated on eval/questions/demo.jsonl
# (2026-11-25, `newsdesk eval demo --retrieval-only`): answerable questions' best
# cosine has median 0.68 and only 2 of 63 fall below 0.35, while 7 of the 11
# unanswerable ones do (0.00-0.34, next answerable at 0.385). 0.35 sits in that gap;
# the model's own NOT_IN_ARCHIVE reply catches the rest.
ABSTAIN_BELOW = 0.35
EXTRACTIVE_SENTENCES = 2
# Prompt size is the main cost on CPU (measured ~40 prompt tokens/s on 2 cores):
# the four best sentences plus one neighbour each keep the prompt near 400-500 tokens.
EVIDENCE_SENTENCES = 4
EVIDENCE_NEIGHBOURS = 1


@dataclass(frozen=True)
class ArticleRef:
    """An article offered as 'closest' when the archive does not answer."""

    article_id: str
    title: str
    source: str | None
    published: str | None
    url: str | None
    score: float


@dataclass
class Answer:
    """A checked answer with its numbered citations."""

    question: str
    standalone_question: str
    text: str
    abstained: bool
    unsupported_sentences: int
    citations: list[Citation]
    sentences: list[AnswerSentence]
    closest: list[ArticleRef]
    filters: dict
    timings_ms: dict
    passages: list[Passage] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        """The `newsdesk ask --json` object."""
        return {
            "question": self.question, "standalone_question": self.standalone_question, "answer": self.text,
            "abstained": self.abstained, "unsupported_sentences": self.unsupported_sentences,
            "citations": [{k: v for k, v in asdict(c).items() if k != "passage_start"} for c in self.citations],
            "filters": self.filters, "timings_ms": self.timings_ms,
            "closest": [asdict(a) for a in self.closest],
        }


@dataclass
class SourcesFound:
    """Retrieval finished: the passages (numbered 1..n as the model sees them)."""

    passages: list[Passage]
    standalone_question: str
    filters: dict


@dataclass
class TextDelta:
    """A piece of the answer text as it is generated."""

    text: str


@dataclass
class Done:
    """The final, verified answer."""

    answer: Answer


def closest_articles(passages: Sequence[Passage], limit: int = 3) -> list[ArticleRef]:
    """The distinct articles of the best passages."""
    seen: dict[str, ArticleRef] = {}
    for p in sorted(passages, key=lambda p: -(p.dense_score or 0.0)):
        if p.article_id not in seen:
            seen[p.article_id] = ArticleRef(p.article_id, p.title, p.source, p.published, p.url,
                                            round(p.dense_score or 0.0, 3))
    return list(seen.values())[:limit]


def abstention_text(closest: Sequence[ArticleRef]) -> str:
    """What an abstaining answer says."""
    if not closest:
        return "The archive doesn't say: no indexed article matches this question."
    items = "; ".join(f"“{a.title}” ({a.source or 'unknown outlet'}, {a.published or 'undated'})" for a in closest)
    return f"The archive doesn't say. The closest articles are: {items}."


class NewsQA:
    """Answers questions about one archive with cited, verified passages."""

    def __init__(self, store: ArchiveStore, embedder: Embedder, llm: LLM | None, *, k: int = 6,
                 abstain_below: float | None = None) -> None:
        if not 1 <= k <= 50:
            raise ValueError(f"k must be between 1 and 50, got {k}")
        self.store, self.embedder, self.llm, self.k = store, embedder, llm, k
        self.abstain_below = ABSTAIN_BELOW if abstain_below is None else abstain_below
        self.retriever = HybridRetriever(store, embedder)

    def retrieve(self, question: str, history: Sequence[Turn] = (), *, since: str | None = None,
                 until: str | None = None, sources: Sequence[str] = (), k: int | None = None,
                 as_of: date | None = None) -> tuple[Query, list[Passage]]:
        """Understand the question and retrieve passages (no generation)."""
        standalone = rewrite_followup(question, history, self.llm)
        query = understand(question, outlets=list(self.store.outlets()), as_of=as_of or date.today(),
                           since=since, until=until, sources=sources, k=k or self.k, standalone=standalone)
        return query, self.retriever.retrieve(query)

    def ask(self, question: str, history: Sequence[Turn] = (), **options: object) -> Answer:
        """The verified answer (see `ask_stream` for options)."""
        answer = None
        for event in self.ask_stream(question, history, **options):
            if isinstance(event, Done):
                answer = event.answer
        assert answer is not None
        return answer

    def ask_stream(self, question: str, history: Sequence[Turn] = (), **options: object
                   ) -> Iterator[SourcesFound | TextDelta | Done]:
        """Sources first, then text deltas, then the final `Answer`.

        Options: since, until (ISO dates), sources (outlet names), k, as_of (date).
        Raises `QuestionError` (bad question or filters, empty archive) before yielding.
        """
        t0 = time.perf_counter()
        query, passages = self.retrieve(question, history, **options)  # type: ignore[arg-type]
        t_retrieve = time.perf_counter()
        yield SourcesFound(passages, query.text, query.filters_json())
        best = max((p.dense_score or 0.0 for p in passages), default=0.0)
        timings = {"retrieve": round((t_retrieve - t0) * 1000, 1)}
        if not passages or best < self.abstain_below:
            yield Done(self._abstain(query, passages, timings, t0))
            return
        first_token = None
        if self.llm is None:
            evidence = select_evidence(query.text, passages, self.embedder, max_sentences=len(passages),
                                       neighbours=0)
            raw = self._extractive(evidence)
            first_token = time.perf_counter()
            yield TextDelta(raw)
        else:
            evidence = select_evidence(query.text, passages, self.embedder, max_sentences=EVIDENCE_SENTENCES,
                                       neighbours=EVIDENCE_NEIGHBOURS, every_passage=False)
            pieces = []
            for piece in self.llm.stream(answer_messages(query.text, evidence, query.as_of.isoformat())):
                if first_token is None:
                    first_token = time.perf_counter()
                pieces.append(piece)
                yield TextDelta(piece)
            raw = "".join(pieces)
        timings["first_token"] = round(((first_token or time.perf_counter()) - t0) * 1000, 1)
        if ABSTAIN in raw or not raw.strip():
            yield Done(self._abstain(query, passages, timings, t0))
            return
        text, sentences, citations = verify_answer(raw, [e.passage for e in evidence], self.embedder)
        if not citations and not any(s.supported for s in sentences):
            yield Done(self._abstain(query, passages, timings, t0))
            return
        timings["total"] = round((time.perf_counter() - t0) * 1000, 1)
        yield Done(Answer(question, query.text, text, False, sum(not s.supported for s in sentences),
                          citations, sentences, closest_articles(passages), query.filters_json(), timings,
                          passages, list(query.notes)))

    def _extractive(self, evidence: Sequence[Evidence]) -> str:
        """The best evidence sentence of the top passages, each with its marker."""
        ranked = sorted(range(len(evidence)), key=lambda i: -evidence[i].score)[:EXTRACTIVE_SENTENCES]
        parts = []
        for i in sorted(ranked):
            best = select_evidence_sentence(evidence[i])
            parts.append(f"{best} [{i + 1}]")
        return " ".join(parts)

    def _abstain(self, query: Query, passages: list[Passage], timings: dict, t0: float) -> Answer:
        closest = closest_articles(passages)
        timings.setdefault("first_token", None)
        timings["total"] = round((time.perf_counter() - t0) * 1000, 1)
        return Answer(query.original, query.text, abstention_text(closest), True, 0, [], [], closest,
                      query.filters_json(), timings, passages, list(query.notes))


def select_evidence_sentence(evidence: Evidence) -> str:
    """The first selected span of an evidence item (its best sentence and neighbours)."""
    start, end = evidence.spans[0]
    p = evidence.passage
    return p.text[start - p.start:end - p.start]


def build_qa(settings: Settings, *, store: ArchiveStore | None = None, embedder: Embedder | None = None,
             llm: LLM | None | str = "settings") -> NewsQA:
    """A `NewsQA` wired from settings, reusing objects passed in."""
    from index.runtime import load_embedder, open_store

    embedder = embedder or load_embedder(settings)
    model = build_llm(settings) if llm == "settings" else llm
    return NewsQA(store or open_store(settings), embedder, model, k=settings.k)  # type: ignore[arg-type]
