"""A claim copied from a sentence with its names swapped round: who did what to whom, turned about.

"Russian President Vladimir Putin phoned his Turkish counterpart, Recep Tayyip Erdogan on Thursday to express
his condolences" (a DW story in the demo archive) came back, asked what Erdoğan said about the strikes
(blind s48-05, s46-09, both unanswerable), as "Recep Tayyip Erdogan phoned his Turkish counterpart, Vladimir
Putin on Thursday …" and "… Recep Tayyip Erdogan phoned his Turkish counterpart, Recep Tayyip Erdogan …".
Every word of either is in the sentence, so word overlap and MiniLM (which hardly sees word order) called
both supported, and the answers went out unflagged.

`swapped_names(claim, sentence)` finds the run of words the two share around which the names moved: a run of
at least `MIN_SHARED` words ("phoned his Turkish counterpart") that a name directly precedes in both, a
different name in each, where the claim's name is one the sentence writes only from that run on (the other
party, the object). "Russia does not consider the Free Syrian Army a terrorist group, Lavrov said" written as
"Lavrov said Russia does not consider …" moves the speaker, not a party to the act: the shared run starts at
Russia in both. "Washington and Moscow agreed" for "Moscow and Washington agreed" names before the run
what the sentence names before it too.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from index.text import fold

# Words the two must share in a row for the names around them to be the same act's parties: "phoned his
# Turkish counterpart" is four; "met with" (Kerry met with Lavrov / Lavrov met with Kerry) is too short to say.
MIN_SHARED = 3
_TOKEN = re.compile(r"[\w'’.-]*\w|[,;:]")
# Capitalised words that open a sentence or a title rather than name a party. A pronoun is no name: "Kerry and
# Lavrov agreed on the imperative of …" for a quote's "We agreed on the imperative of …" (blind s49-10) resolves it.
_NOT_NAMES = frozenset("the a an he she they it we i you his her their its our on in at to of and or but president minister "
                       "prime foreign secretary turkish russian".split())


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _name_before(tokens: list[str], at: int) -> str | None:
    """The last word of the run of capitalised words ending right before `tokens[at]` (a comma between allowed)."""
    j = at - 1
    if j >= 0 and tokens[j] in ",;:":
        j -= 1
    if j < 0 or not tokens[j][:1].isupper() or fold(tokens[j]).lower() in _NOT_NAMES:
        return None
    return fold(tokens[j]).lower().strip(".")


def swapped_names(claim: str, sentence: str) -> tuple[str, str] | None:
    """(the claim's name, the sentence's name) where the claim puts before a run of words it copies from
    `sentence` the name the sentence writes after that run, and another name than the sentence's before
    it; None when no copied run has its names turned about."""
    said, written = _tokens(claim), _tokens(sentence)
    matcher = SequenceMatcher(None, [fold(t).lower() for t in said], [fold(t).lower() for t in written],
                              autojunk=False)
    for block in matcher.get_matching_blocks():
        # The act is the copied run, so it opens with a lower-case word ("phoned …"); a run opening with a capital
        # starts inside a name: "Court of Appeals" in "10th Circuit Court of Appeals" and in "the United States
        # Court of Appeals for the D.C. Circuit" is one name's end, not an act (demo-001 was withheld for it).
        if block.size < MIN_SHARED or not said[block.a][:1].islower():
            continue
        mine, theirs = _name_before(said, block.a), _name_before(written, block.b)
        later = {fold(t).lower().strip(".") for t in written[block.b:]}
        if mine and theirs and mine != theirs and mine in later:
            return mine, theirs
    return None
