"""A short answer listing things, written as its passage writes the list.

The model writes a list its own way: "democratic, united, secular" for Lavrov's "democratic, united and
secular" (blind held-out s18-12, scored wrong), "Hama, Homs, Idlib" for the joint statement's "Hama, Homs and
Idlib". A short answer is meant to be copied from its sentence, so when the items it lists stand in one shown
sentence in the same order, separated only by commas, "and" or "or" and closing with "and"/"or", that span
becomes the short answer ("and" kept "and": "Rishi Sunak and Liz Truss" is not the passage's "either Rishi
Sunak or Liz Truss"). A run out of the middle of a longer list ("Qatar, Saudi Arabia" in "… Germany,
Qatar, Saudi Arabia, Turkey …") does not close with "and" and is left as the model wrote it ("Qatar and Saudi
Arabia"): the passage's span would not say "both".
"""

from __future__ import annotations

import re
from typing import Sequence

_SPLIT = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)
_SEPARATOR = r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+"
_CLOSING = re.compile(r"\b(?:and|or)\b", re.IGNORECASE)


def list_items(short: str) -> list[str]:
    """The items a short answer lists ("A, B and C" → [A, B, C]); one item when it lists nothing."""
    return [item.strip() for item in _SPLIT.split(short.strip(" .;")) if item.strip()]


def as_the_list_is_written(short: str, sentences: Sequence[str]) -> str | None:
    """The span of `sentences` listing `short`'s items as the passage writes them, when it differs from
    `short` and closes with "and"/"or"; None otherwise (one item, not listed so, or already as written)."""
    items = list_items(short)
    if len(items) < 2:
        return None
    pattern = re.compile(
        r"(?<!\w)" + re.escape(items[0])
        + "".join(rf"(?P<sep{k}>{_SEPARATOR})(?:the\s+)?{re.escape(item)}" for k, item in enumerate(items[1:]))
        + r"(?!\w)", re.IGNORECASE)
    said = _CLOSING.search(short)  # "Rishi Sunak and Liz Truss" is not "… or Liz Truss"
    for sentence in sentences:
        match = pattern.search(sentence)
        closing = _CLOSING.search(match.group(f"sep{len(items) - 2}")) if match else None
        if closing and (not said or closing.group(0).lower() == said.group(0).lower()):
            return match.group(0) if match.group(0) != short else None
    return None
