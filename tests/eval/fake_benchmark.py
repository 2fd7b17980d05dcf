"""A two-question benchmark over two articles, written as a new benchmark module would be:
registered in tests (tests/eval/test_benchmarks.py, tests/ui/test_handlers.py) to show that one
class plus one table line makes a CLI subcommand and an Evaluate-tab choice."""

from __future__ import annotations

import argparse
import json
from typing import Sequence

from eval.benchmarks.archive import benchmark_home, index_own_store
from eval.benchmarks.benchmark import PreparedRun
from eval.questions import Question
from eval.runner import RunOptions

ARTICLES = [
    {"url": "https://example.org/ferry", "title": "Ferry strike ends", "source": "Harbour News",
     "published": "2017-03-06", "body": "The ferry workers ended their strike in Calais on Monday after talks."},
    {"url": "https://example.org/vote", "title": "Election called", "source": "Harbour News",
     "published": "2017-03-07", "body": "The prime minister called an early election for June."},
]


class HarbourQuiz:
    """A two-question benchmark over two articles, as a new benchmark module would define it."""

    name = "harbour-quiz"
    description = "a two-question quiz about the harbour"
    details = "Index two harbour articles into their own store and ask about them."
    examples = None
    usage = "[--shout] [options]"
    compares_retrievers = False

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--shout", action="store_true", help="ask in capitals")

    def prepare(self, services, params: argparse.Namespace, options: RunOptions) -> PreparedRun:
        data = benchmark_home(services.settings, self.name) / "articles.jsonl"
        data.parent.mkdir(parents=True, exist_ok=True)
        data.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
        store, _ = index_own_store(services.settings, self.name, [data], services.embedder, quiet=True)
        asks = ["When did the ferry strike end?", "When is the early election?"]
        questions = [Question(id=f"hq-{i}", question=q.upper() if params.shout else q, answers=(),
                              type="quiz", gold_articles=(a["url"],)) for i, (q, a) in enumerate(zip(asks, ARTICLES))]
        return PreparedRun(store, questions, f"{data} (2 questions)", self.name, "Harbour quiz",
                           info={"shout": params.shout}, facts={"articles": len(ARTICLES)})

    def extra_scores(self, question: Question, passages: Sequence, answer) -> dict[str, float | None]:
        return {"hq_first_is_gold": float(bool(passages) and passages[0].article_id in question.gold_articles)}

    def scoreboard(self, records: Sequence[dict], prepared: PreparedRun) -> tuple[list[str], dict]:
        hits = sum(r["metrics"].get("hq_first_is_gold") or 0 for r in records)
        return ([f"## Harbour quiz\n\n{hits:.0f} of {len(records)} first passages from the gold article "
                 f"({prepared.facts['articles']} articles)."], {"headline": {"harbour first gold": f"{hits:.0f}"}})

    def resume_command(self, params: argparse.Namespace) -> str:
        return f"newsdesk eval {self.name}" + (" --shout" if params.shout else "")
