"""The sentences of an article that a retrieved passage covers, read whole from the article body.

A passage is a chunk, and a chunk boundary can fall inside a sentence: "… they wrote to
the DOJ IG on Feb." ends one chunk and "15, two days after Flynn resigned." starts the
next, so the timeline quoted the fragment and lost its day. Splitting the article body
(not the chunk) keeps such a sentence whole; the sentences kept are those overlapping
the passage. The body's offsets are kept, so quotes stay exact spans of the article.
"""

from __future__ import annotations



def sentences_over(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The sentence spans of an article body (`qa.evidence.claim_spans`) overlapping the passage [start, end)."""
    return [(s, e) for s, e in spans if s < end and e > start]


def same_paragraph(body: str, earlier_end: int, later_start: int) -> bool:
    """True when no paragraph break (a blank line or a line break) separates two sentences of `body`."""
    return "\n" not in body[earlier_end:later_start]
