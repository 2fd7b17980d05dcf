"""Which retrieval mechanisms are on: `RetrievalConfig`, the named presets and
the `--retriever` spelling the eval uses to compare them side by side.

Every mechanism we add on top of plain fusion must earn its place in the
README's ablation table, so each one is a switch here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True)
class RetrievalConfig:
    """Which mechanisms a `HybridRetriever` uses; each can be switched off to measure it.

    `per_article=None` means no cap. Explicit filters and the as-of cut-off
    always apply; `question_dates` only governs dates read from the question.
    """

    dense: bool = True
    keyword: bool = True
    # No cap: on the demo set at most 2 chunks per article cost answer recall@4 0.985 -> 0.955
    # (2026-12-01, newsdesk vs newsdesk+cap, headline weight off); '+cap' restores it.
    per_article: int | None = None
    collapse: bool = True
    outlet_split: bool = True
    # Off: on the demo set filters read from the question's date phrases cost article Hits@1 1.000 -> 0.987
    # and answer recall@4 0.970 -> 0.955 (2026-12-01, with the cap on); explicit --since/--until always apply.
    question_dates: bool = False
    # Off: on the demo set it cost article Hits@1 0.987 -> 0.974 and answer recall@4 0.955 -> 0.924
    # (2026-12-01, `--retriever newsdesk,newsdesk-names`); measure it on RealTimeQA with `+names`.
    names: bool = False
    # Headline matches weigh TITLE_WEIGHT (2x) body matches; off: on the demo set it cost answer recall@4
    # 0.955 -> 0.939 (2026-12-01, newsdesk+title vs newsdesk); the headline column is searched either way.
    title_weight: bool = False
    # The recency prior for current-events questions (qa/recency.py): the bonus halves every
    # `recency_half_life_days` before as-of and on the as-of day is worth `recency_votes` top-ranked RRF votes
    # (1 / 61 each); '+recency=DAYSxVOTES' in a spec. On: RealTimeQA, all 399 questions each as of its own
    # date (162 of them current-events), candidate pools replayed offline (2026-12-03). Chosen on the odd
    # weeks (199 q) as the best answer recall@4 + @10 that lowers neither Hits@10 nor MRR@10 by more than
    # 0.005, among half-lives 2-30 days and 0.5-4 votes: 3.5 days x 2 votes moved Hits@10 0.921 -> 0.927,
    # MRR 0.826 -> 0.821, answer recall@4/@10 0.563/0.603 -> 0.588/0.618. The even weeks (200 q), reported
    # not chosen on: Hits@1 0.721 = 0.721, Hits@10 0.877 -> 0.894, MRR 0.776 = 0.776, answer recall@4/@10
    # 0.525/0.565 -> 0.565/0.590. (Both halves were in view when `RECENCY_KEEPS_FIRST` was added.) The demo
    # set does not move (Hits@1, answer recall@4/@10 1.000, evidence recall 0.891 with and without).
    recency: bool = True
    recency_half_life_days: float = 3.5
    recency_votes: float = 2.0
    # The rerank stage (qa/rerank.py): the best `rerank_depth` fused passages rescored by their best
    # sentence, fused with the incoming order by weighted RRF (`rerank_weight` for the sentence ranking
    # against 1.0 for the fused order). Off: on 100 RealTimeQA calibration-week questions (2026-12-02,
    # depth 20) it moved answer recall@10 0.560 -> 0.580 but MRR@10 0.807 -> 0.774 (0.758-0.792 over
    # weights 0.5-4), and its ~125 sentences per question cost ~5 s at load 15 (README "Retrieval alone").
    rerank: bool = False
    rerank_depth: int = 40
    rerank_weight: float = 1.0
    # The keyword ranking's vote in the fusion, against 1.0 for the dense one (weighted RRF). 2.0: on
    # the odd RealTimeQA weeks (199 questions, 2026-12-02) 2 was best or tied on every metric of 1, 1.5,
    # 2 and 3 but answer recall@10 (0.603 vs 0.608); on the even weeks, chosen on nothing, it moved
    # Hits@1 0.698 -> 0.715, Hits@10 0.860 -> 0.877, MRR@10 0.757 -> 0.773, answer recall@4/@10
    # 0.520/0.560 -> 0.525/0.570, evidence recall 0.475 = 0.475. The demo set did not move (Hits@1,
    # answer recall@4/@10 1.000, evidence recall 0.891). 'newsdesk+kw=1' measures plain RRF again.
    keyword_weight: float = 2.0
    # Per-article diversity (qa/article_diversity.py): an article's n-th passage in the fused ranking
    # counts diversity_decay^(n-1) of its score, so near-ties go to other articles. Off: 0.95 was the best
    # decay on the odd RealTimeQA weeks and on the even weeks moved Hits@10 0.877 -> 0.888 and answer
    # recall@4/@10 0.525/0.570 -> 0.530/0.575 (2026-12-02), but it cost the demo set answer recall@4
    # 1.000 -> 0.977 (demo-063, demo-108: the answer in the right article's third chunk, rank 3 -> 5).
    diversity: bool = False
    diversity_decay: float = 0.95
    # Each retriever's head kept in the fused top k (qa/ranking_heads.py): a passage keyword search ranks
    # in its top `keyword_head` (dense: `dense_head`) stays in the top k however the other ranks it. 0 = off.
    # Off: on the odd RealTimeQA weeks keyword 3 (the smallest head reaching the best answer recall@10,
    # 0.603 -> 0.613, nothing else moved) and dense 2 (-> 0.618, keyword search's own figure) were chosen;
    # on the even weeks they lowered answer recall@10 0.570 -> 0.560 (keyword 3 alone: 0.565), and on the demo
    # set the dense head cut abstention recall 0.357 -> 0.214 (the nearest chunk always shown lifts the gate's
    # best cosine over 0.36) (2026-12-02, README "Retrieval alone").
    keyword_head: int = 0
    dense_head: int = 0

    def __post_init__(self) -> None:
        if not (self.dense or self.keyword):
            raise ValueError("a retriever needs dense or keyword search")
        if self.per_article is not None and self.per_article < 1:
            raise ValueError("per_article must be positive (or None for no cap)")
        if self.rerank_depth < 1 or self.rerank_weight < 0:
            raise ValueError("rerank_depth must be positive and rerank_weight non-negative")
        if self.keyword_weight <= 0:
            raise ValueError("keyword_weight must be positive")
        if not 0 < self.diversity_decay <= 1:
            raise ValueError("diversity_decay must be in (0, 1]")
        if self.recency_half_life_days <= 0 or self.recency_votes < 0:
            raise ValueError("recency_half_life_days must be positive and recency_votes non-negative")
        if self.keyword_head < 0 or self.dense_head < 0:
            raise ValueError("keyword_head and dense_head must be 0 (off) or positive")


_PLAIN = dict(per_article=None, collapse=False, outlet_split=False, question_dates=False, names=False,
              title_weight=False, keyword_weight=1.0, diversity=False, recency=False)
PRESETS: dict[str, RetrievalConfig] = {
    "dense": RetrievalConfig(keyword=False, **_PLAIN),    # MiniLM top-k
    "keyword": RetrievalConfig(dense=False, **_PLAIN),    # BM25 (tantivy) over the question's words
    "rrf": RetrievalConfig(**_PLAIN),                     # plain reciprocal rank fusion of the two
    "newsdesk": RetrievalConfig(),                        # the product: fusion plus every addition
}



# The additions a `--retriever` spec can switch on (+) or off (-), and the config field each sets.
ADDITIONS: dict[str, dict[str, Any]] = {  # field -> value, for dataclasses.replace
    "cap": {"per_article": 2}, "collapse": {"collapse": True}, "outlet-split": {"outlet_split": True},
    "question-dates": {"question_dates": True}, "names": {"names": True}, "title": {"title_weight": True},
    "recency": {"recency": True}, "rerank": {"rerank": True}, "diverse": {"diversity": True},
}
_OFF: dict[str, dict[str, Any]] = {
    "cap": {"per_article": None}, "collapse": {"collapse": False}, "outlet-split": {"outlet_split": False},
    "question-dates": {"question_dates": False}, "names": {"names": False}, "title": {"title_weight": False},
    "recency": {"recency": False}, "rerank": {"rerank": False}, "diverse": {"diversity": False},
}


_KEYWORD_WEIGHT = re.compile(r"\+kw=(\d+(?:\.\d+)?)")
_HEAD = re.compile(r"\+(kw|dense)-head=(\d+)")
_HEAD_FIELD = {"kw": "keyword_head", "dense": "dense_head"}
_RECENCY = re.compile(r"\+recency=(\d+(?:\.\d+)?)(?:x(\d+(?:\.\d+)?))?")


def parse_retriever(spec: str) -> RetrievalConfig:
    """A config from a spec: a preset, then any `+addition` / `-addition` ('rrf+names', 'newsdesk-cap'),
    and `+kw=W` for the keyword ranking's weight in the fusion ('newsdesk+kw=2'), `+kw-head=N` /
    `+dense-head=N` to keep that retriever's top N in the fused top k ('newsdesk+kw-head=3'), and
    `+recency=DAYS[xVOTES]` for the recency prior with that half-life and size ('newsdesk+recency=14x2').

    Raises `ValueError` with the valid words when the spec is unknown.
    """
    spec = spec.strip()
    fields: dict[str, Any] = {_HEAD_FIELD[m.group(1)]: int(m.group(2)) for m in _HEAD.finditer(spec)}
    spec = _HEAD.sub("", spec)
    for m in _RECENCY.finditer(spec):
        fields.update(recency=True, recency_half_life_days=float(m.group(1)))
        if m.group(2):
            fields["recency_votes"] = float(m.group(2))
    spec = _RECENCY.sub("", spec)
    weight = _KEYWORD_WEIGHT.search(spec)
    if weight:
        spec = spec[:weight.start()] + spec[weight.end():]
    parts = re.split(r"(?=[+-](?:cap|collapse|outlet-split|question-dates|names|title|recency|rerank|diverse)\b)", spec)
    base = parts[0]
    if base not in PRESETS:
        raise ValueError(f"unknown retriever {spec!r}: start with one of {', '.join(PRESETS)}, then optionally "
                         f"+ or - one of {', '.join(ADDITIONS)} (e.g. rrf+names, newsdesk-cap)")
    config = PRESETS[base]
    for part in parts[1:]:
        sign, name = part[0], part[1:]
        config = replace(config, **(ADDITIONS if sign == "+" else _OFF)[name])
    if weight:
        config = replace(config, keyword_weight=float(weight.group(1)))
    return replace(config, **fields) if fields else config


def parse_retrievers(specs: str) -> dict[str, RetrievalConfig]:
    """Comma-separated specs ('dense,keyword,rrf,newsdesk') -> name -> config, in order."""
    names = [s.strip() for s in specs.split(",") if s.strip()]
    if not names:
        raise ValueError("--retriever needs at least one name")
    return {name: parse_retriever(name) for name in dict.fromkeys(names)}
