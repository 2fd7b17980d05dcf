"""Fakes shared by the eval tests: a word-overlap `FakeQA` built from the real qa records,
and a small question set about its three articles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from index.article import ArticleRef
from qa.answer import Answer
from qa.citations import AnswerSentence, Citation
from qa.retrieval import Passage

ARTICLES = [
    ("https://tass.com/1", "Syria talks resume in Astana", "TASS", "2017-02-15",
     "Syria peace talks resumed in Astana on Wednesday. Russia, Turkey and Iran sponsored the talks."),
    ("https://bbc.co.uk/2", "Storm Doris hits Britain", "BBC", "2017-02-23",
     "Storm Doris brought winds of 94 mph to Britain. Trains were cancelled across the north."),
    ("https://dw.com/3", "German election campaign opens", "DW", "2017-03-01",
     "Martin Schulz opened the SPD campaign in Berlin. He promised fairer pensions."),
]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3}


@dataclass
class FakeQuery:
    text: str
    since: str | None = None
    k: int = 6
    as_of: date | None = None

    def filters_json(self) -> dict:
        return {"since": self.since, "until": None, "sources": [], "as_of": self.as_of and self.as_of.isoformat()}


class Crash(BaseException):
    """Stands in for the process being killed mid-run."""


class FakeQA:
    """Ranks the fixture articles by shared words; answers with the top article's first sentence.

    Counts its stage calls, so tests can pin how often the runner understands and retrieves.
    """

    abstain_below = 0.2
    k = 6

    def __init__(self, crash_after: int | None = None) -> None:
        self.crash_after = crash_after
        self.asked: list[str] = []
        self.understood: list[str] = []
        self.retrieved: list[tuple[str, int]] = []  # (query text, depth) per retrieve call

    def understand(self, question, history=(), *, since=None, until=None, sources=(), k=None, as_of=None):
        self.understood.append(question)
        if question == "boom":
            raise RuntimeError("boom")
        return FakeQuery(question, since, k or self.k, as_of)

    def retrieve(self, query, k=None):
        depth = k or query.k
        self.retrieved.append((query.text, depth))
        words = _words(query.text)
        scored = []
        for url, title, source, published, body in ARTICLES:
            overlap = len(words & _words(title + " " + body)) / max(1, len(words))
            scored.append((overlap, Passage(url + "#0", ArticleRef(url, title, source, published, url),
                                            body, 0, len(body), overlap, dense_score=overlap)))
        scored.sort(key=lambda s: -s[0])
        return [p for _, p in scored[:depth]]

    def answer(self, query, passages, *, started=None, retrieve_ms=None):
        question = query.text
        if self.crash_after is not None and len(self.asked) >= self.crash_after:
            raise Crash()
        self.asked.append(question)
        timings = {"retrieve": 5.0 + len(self.asked), "first_token": 50.0 + len(self.asked),
                   "total": 100.0 + 10 * len(self.asked)}
        best = passages[0]
        if best.dense_score < self.abstain_below:
            return Answer(question, question, "The archive doesn't say.", True, 0, [], [], [], {}, timings, passages)
        first = best.text.split(". ")[0].rstrip(".") + "."
        citation = Citation(1, best.ref, best.text, 0, first, 0, len(first), True)
        return Answer(question, question, f"{first} [1]", False, 0, [citation],
                      [AnswerSentence(f"{first} [1]", (1,), True)], [], {"since": None}, timings, passages)

    def ask(self, question, history=(), **options):
        query = self.understand(question, history, **options)
        return self.answer(query, self.retrieve(query))


QUESTIONS = [
    {"id": "f1", "question": "Where did the Syria peace talks resume?", "answers": ["Astana"], "type": "factoid",
     "gold_articles": ["https://tass.com/1"], "gold_evidence": ["resumed in Astana"]},
    {"id": "f2", "question": "How strong were the winds of Storm Doris?", "answers": ["94 mph"], "type": "factoid",
     "gold_articles": ["Storm Doris hits Britain"]},
    {"id": "y1", "question": "Did Storm Doris cancel trains?", "answers": ["yes"], "type": "yes_no",
     "gold_articles": ["https://bbc.co.uk/2"]},
    {"id": "c1", "question": "What did Schulz promise in the SPD campaign?", "answers": ["fairer pensions"],
     "type": "factoid", "gold_articles": ["https://dw.com/3"]},
    {"id": "u1", "question": "Who won the 2019 cricket world cup?", "answers": [], "type": "unanswerable",
     "gold_articles": []},
    {"id": "u2", "question": "What was the price of gold in Lagos?", "answers": [], "type": "unanswerable",
     "gold_articles": []},
]


