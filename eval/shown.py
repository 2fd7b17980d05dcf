"""What the answer model is shown: the evidence sentences selected from the
top passages, as `NewsQA.ask` selects them for the embedded model.

Answer recall@k says an answer is somewhere in the top k chunks; the model
reads only the few best sentences of the first `NewsQA.k` passages (widened by
a sentence at each edge). `evidence_recall` measures that depth.
"""

from __future__ import annotations

from typing import Any, Sequence


def shown_sentences(qa: Any, question: str, passages: Sequence[Any], asked: str | None = None) -> list[str] | None:
    """The evidence texts the model would be shown for these passages (`question` searched, `asked` as the
    reader wrote it); None when `qa` cannot tell (an engine without store and embedder, e.g. a test fake)."""
    store, embedder, k = getattr(qa, "store", None), getattr(qa, "embedder", None), getattr(qa, "k", None)
    if store is None or embedder is None or not isinstance(k, int):
        return None
    from qa.answer import EVIDENCE_NEIGHBOURS, EVIDENCE_SENTENCES, widen_passages
    from qa.evidence import select_evidence

    top = list(passages[:k])
    if not top:
        return []
    evidence = select_evidence(question, widen_passages(top, store), embedder, max_sentences=EVIDENCE_SENTENCES,
                               neighbours=EVIDENCE_NEIGHBOURS, every_passage=False, asked=asked)
    return [e.text for e in evidence]
