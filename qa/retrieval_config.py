"""Which retrieval mechanisms are on: `RetrievalConfig`, the named presets and
the `--retriever` spelling the eval uses to compare them side by side.

Every mechanism we add on top of plain fusion must earn its place in the
README's ablation table, so each one is a switch here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RetrievalConfig:
    """Which mechanisms a `HybridRetriever` uses; each can be switched off to measure it.

    `per_article=None` means no cap. Explicit filters and the as-of cut-off
    always apply; `question_dates` only governs dates read from the question.
    """

    dense: bool = True
    keyword: bool = True
    per_article: int | None = 2
    collapse: bool = True
    outlet_split: bool = True
    question_dates: bool = True
    names: bool = True

    def __post_init__(self) -> None:
        if not (self.dense or self.keyword):
            raise ValueError("a retriever needs dense or keyword search")
        if self.per_article is not None and self.per_article < 1:
            raise ValueError("per_article must be positive (or None for no cap)")


_PLAIN = dict(per_article=None, collapse=False, outlet_split=False, question_dates=False, names=False)
PRESETS: dict[str, RetrievalConfig] = {
    "dense": RetrievalConfig(keyword=False, **_PLAIN),    # MiniLM top-k
    "keyword": RetrievalConfig(dense=False, **_PLAIN),    # FTS5 BM25 over the question's words
    "rrf": RetrievalConfig(**_PLAIN),                     # plain reciprocal rank fusion of the two
    "newsdesk": RetrievalConfig(),                        # the product: fusion plus every addition
}


