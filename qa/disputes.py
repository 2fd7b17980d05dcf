"""Disputed claims: a yes/no or either-or question whose evidence holds a denial is answered with both sides.

"Did Samsung seek favours in return?" over "Samsung admitted giving 20.4bn won …
but denied seeking favours in return" must not get a bare "Yes [1]" or "No [1]":
the archive reports a claim and its denial, and a reader must see who says what.
The rule is deterministic and runs before the model: when a shown sentence
denies something the question asks about, the answer is "Disputed", the
denial quoted and cited, with the best sentence that states the claim beside it.
The 1.5B model, told the same in its prompt, still answered "Yes" in 2 of 3
tries (2026-12-01), hence a rule rather than an instruction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from index.text import content_words
from qa.evidence import Evidence, claim_spans
from qa.extractive import article_sentence, shown_sentences
from qa.options import alternatives
from qa.prompts import is_yes_no_question
from qa.quote_marks import in_quotes
from qa.retrieval import Passage

DISPUTED = "Disputed"
DISPUTED_DECISION = "disputed"  # the answer's decision when it quotes both sides

_DENIAL_VERB = (r"den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)"
                r"|disput(?:e|es|ed|ing)|contest(?:s|ed|ing)?")
# A denial of a claim names what it denies as a claim, an "any …", a "that …" clause or a
# gerund ("denied seeking favours"); "denied her appeal", "rejected several candidates" and
# "dismissed the case" are decisions, not disputes. Chosen by reading the 32 denial sentences
# of the demo archive: the 9 disputes match, none of the 23 decisions do.
DENIAL = re.compile(
    rf"\b(?:{_DENIAL_VERB})\b\s+(?:(?P<gerund>\w+ing)\b|(?:[\w'’]+\s+){{0,2}}?"
    r"(?P<object>any|all|allegations?|claims?|accusations?|charges?|wrongdoing|involvement|responsibility|guilt"
    r"|reports?|that|the\s+(?:report|information|claim|allegation|accusation|charge)s?)\b)(?P<rest>[^;]*)",
    re.IGNORECASE)
# A question asking whom or what something "really" is ("Who is Russia really targeting in its Syria air
# strikes?", blind s32-16; "Who were Russia's air strikes actually aimed at?", s34-16) doubts an account: it
# is disputed the way a yes/no question is when a shown sentence denies what it asks about.
_ASKS_WHAT_REALLY = re.compile(r"^\W*(?:who|whom|what|which|where)\b.*\b(?:really|actually|truly|in\s+fact"
                               r"|in\s+reality)\b", re.IGNORECASE)
# One answer offered against any other: "who were they actually bombing, ISIL or somebody else?"
_OR_ELSE = re.compile(r"(?:^|[,;:—–]\s*)(?P<option>[^,;:—–?]{1,60}?)\s+or\s+"
                      r"(?:somebody|someone|something|anybody|anyone|anything)\s+else\b", re.IGNORECASE)
# Where an ask opens after a lead-in: a comma, colon or dash, then "so", "and", "but" or "then" at most.
_ASK_AFTER_LEAD_IN = re.compile(r"[,;:—–]\s*(?:(?:so|and|but|then)\s+)?(?=(?:who|whom|what|which|where)\b)",
                                re.IGNORECASE)
_QUESTION_DENIAL = re.compile(rf"\b(?:{_DENIAL_VERB})\b", re.IGNORECASE)
# "Did the joint statement say the strikes had caused civilian casualties?" asks what one source said; another
# party's denial (Davutoğlu rejecting Moscow's claim about its "air strikes", blind held-out s18-13) does not
# dispute what that source said. Such a question: an auxiliary, its source — a name, or a source noun with
# "the", possessives and the words below — then a verb of saying (not "the UN report accusing …", a noun).
_ASKS_WHAT_WAS_SAID = re.compile(
    r"^\W*(?:did|does|do|has|have|had)\s+(?P<source>(?:[\w'’.-]+\s+){1,6}?)"
    r"(?:say|state|claim|report|mention|note|write|tell|announce|describe|call|warn|acknowledge)(?![\w'’])"
    r"(?!\s+\w+ing\b)", re.IGNORECASE)
_SOURCE_WORDS = frozenset(
    "the a an joint official final new latest statement report communique spokesman spokeswoman spokesperson "
    "ministry minister government coalition agency officials police military army president committee council "
    "court newspaper article study survey separatists rebels authorities company office".split())


def asks_what_was_said(question: str) -> bool:
    """True for a yes/no question about what one source said ("Did Lavrov say …?", "Did the coalition's joint
    statement say …?"); False when the words before the verb are no source ("Does Russia run a state …")."""
    match = _ASKS_WHAT_WAS_SAID.match(question)
    if not match:
        return False
    words = [re.sub(r"['’]s$", "", w) for w in match.group("source").split()]
    return all(w[:1].isupper() or w.lower() in _SOURCE_WORDS for w in words)


# A sentence stating the claim shares this many of the question's content words.
CLAIM_OVERLAP = 2
# What a denial denies shares this many content words with a yes/no question (an either-or question's
# options name the dispute, so one word does there). Of the yes/no questions answered "Disputed" on
# record (2026-12-05), the 8 real disputes share 2-6 words; the 2 that share one are no dispute: "Was
# Davutoğlu's remark … carried by just a single Turkish newspaper?" against his rejecting Moscow's claim
# about its "air strikes" (held-out s10-17), and "Did the joint statement say the Russian strikes had
# targeted Da'esh?" (s5-10, whose answer is the statement's own "did not target Da'esh").
YES_NO_DENIAL_OVERLAP = 2
# ... unless the question holds this share of what is denied: "Samsung denied any wrongdoing" disputes "Was
# Samsung involved in wrongdoing …?" with one word, all it denies (s10-17 shares 1 of 7, s5-10 1 of 7).
DENIED_SHARE = 0.5


@dataclass(frozen=True)
class Side:
    """One sentence of a dispute: the 0-based evidence index it cites and its article text."""

    evidence_index: int
    sentence: str
    denies: bool


def shown_article_sentences(evidence: Sequence[Evidence]) -> list[tuple[int, str]]:
    """(evidence index, article sentence) of every sentence shown, instruction sentences left out."""
    out: list[tuple[int, str]] = []
    for i, _, (start, end) in shown_sentences(evidence):
        text = article_sentence(evidence[i].passage, start, end)
        if text:
            out.append((i, text))
    return out


# "Is Russia's air campaign being directed at ISIL rather than at the Syrian opposition?" (blind s57-16, answered
# "Yes") offers the two answers "… at ISIL or at the Syrian opposition?" offers.
_RATHER_THAN = re.compile(r"\s+(?:rather\s+than|instead\s+of)\s+", re.IGNORECASE)


def offered_answers(question: str) -> tuple[str, str] | None:
    """The two answers a question offers, with "or" (`qa.options.alternatives`) or with "rather than" / "instead
    of" ("… at ISIL rather than at the Syrian opposition?" → ("at ISIL", "at the Syrian opposition")), else None."""
    return alternatives(question) or (alternatives(_RATHER_THAN.sub(" or ", question, count=1))
                                      if _RATHER_THAN.search(question) else None)


def denied_words(match: re.Match[str]) -> set[str]:
    """The content words of what a `DENIAL` match denies: its gerund or object and the rest of the clause."""
    return content_words((match.group("gerund") or match.group("object")) + match.group("rest"))


def denies_question(sentence: str, question_words: set[str], shared: int = 1) -> bool:
    """True when `sentence` denies something that shares at least `shared` content words with the question,
    or that the question holds most of ("denied any wrongdoing" for "Was Samsung involved in wrongdoing …?")."""
    for match in DENIAL.finditer(sentence):
        denied = denied_words(match)
        common = denied & question_words
        if len(common) >= shared or (common and len(common) >= DENIED_SHARE * len(denied)):
            return True
    return False


def asks_what_really(question: str) -> bool:
    """True for a wh-question asking what something "really" or "actually" is ("Who is Russia really
    targeting …?"): it doubts an account, so a denial of what it asks about makes it disputed. The ask may
    follow a lead-in: "my teacher said russia started bombing syria, so who were they actually bombing, …?"
    (held-out s65-16)."""
    return any(_ASKS_WHAT_REALLY.match(question[at:])
               for at in [0, *(m.end() for m in _ASK_AFTER_LEAD_IN.finditer(question))])


def disputed_sides(question: str, evidence: Sequence[Evidence]) -> list[Side]:
    """The claim and its denial for a disputed yes/no question; [] when it is not disputed.

    A question that itself asks about a denial ("Did Sessions deny …?") is a
    plain yes/no question: the denial is its answer, not a dispute; so is one
    asking what a source said ("Did the joint statement say …?"). A question
    offering two answers ("…: ISIL or the Syrian opposition?", "… at ISIL rather than at …") is disputed the
    same way: a passage denying what it asks about means the sides disagree; so is one asking what something
    "really" is (`asks_what_really`).
    """
    offered = offered_answers(question)
    if not (is_yes_no_question(question) or offered or asks_what_really(question)) \
            or _QUESTION_DENIAL.search(question) \
            or asks_what_was_said(question):
        return []
    words = content_words(question)
    shown = shown_article_sentences(evidence)
    # an option set against "somebody else" is named as one offered: "… ISIL or somebody else?" (held-out s65-16)
    shared = 1 if offered or _OR_ELSE.search(question) else YES_NO_DENIAL_OVERLAP
    denials = [Side(i, s, True) for i, s in shown if denies_question(s, words, shared)]
    if not denials:
        return []
    claimed = _denied_option(question, denials[0].sentence)
    claims = sorted(((claimed(s), len(content_words(s) & words), -n, i, s) for n, (i, s) in enumerate(shown)
                     if not DENIAL.search(s)), reverse=True)
    sides = [Side(i, s, False) for _, overlap, _, i, s in claims[:1] if overlap >= CLAIM_OVERLAP]
    return sides + denials[:1]


def unshown_denial(question: str, passages: Sequence[Passage], evidence: Sequence[Evidence]) -> Evidence | None:
    """For an either-or question (or one naming an answer against "somebody else"), a sentence of the `passages` (the widened passages the evidence was chosen
    from) that is not shown and denies one of the two offered answers, as one more piece of evidence; None
    for other questions or when there is none.

    Blind s21-16, "Are Russia's air strikes in Syria hitting ISIL and terrorist groups, or the Syrian
    opposition and civilians?", was shown neither side's sentence with its words ("Davutoğlu rejected
    Moscow's insistence that its campaign of air strikes … was aimed at ISIL" ranks below sentences about
    the strikes), so the dispute went unseen. What is denied must name the option: every capitalised word
    of it ("ISIL"), or every word when it has none; a yes/no question is left to the shown sentences,
    where one shared word is too little to call a dispute (`YES_NO_DENIAL_OVERLAP`).
    """
    against_else = _OR_ELSE.search(question)  # "…, ISIL or somebody else?": the one option named
    offered = offered_answers(question) or ((against_else.group("option"),) if against_else else None)
    if not offered:
        return None
    shown = {text for _, text in shown_article_sentences(evidence)}
    names = _written_as_names(" ".join(p.text for p in passages))
    wanted = [content_words(" ".join(w for w in o.split() if w[:1].isupper() or w.lower() in names) or o)
              for o in offered]
    for p in passages:
        for start, end in claim_spans(p.text):
            sentence = p.text[start:end]
            if sentence in shown:
                continue
            for match in DENIAL.finditer(sentence):
                denied = denied_words(match)
                if any(w and w <= denied for w in wanted):
                    at = (p.start + start, p.start + end)
                    return Evidence(p, sentence, (at,), 0.0, at, (at + (0.0,),))
    return None


def _written_as_names(text: str) -> set[str]:
    """The words `text` writes capitalised and never in lower case, lower-cased: a question typed in lower case
    ("is russia actually hitting isil … or going after the opposition?", held-out s64-16) names "isil" as the
    passages write "ISIL", so what is denied must name it as it would "ISIL"."""
    words = re.findall(r"[\w'’-]+", text)
    lower = {w for w in words if w.islower()}
    return {w.lower() for w in words if w[:1].isupper() and w.lower() not in lower}


def _denied_option(question: str, denial: str) -> Callable[[str], int]:
    """For an either-or question, a scorer of claim sentences: 1 for a sentence stating the option the
    denial denies and not the other ("aimed at ISIL" denied → "Russian troops were targeting ISIL", not a
    sentence naming both), else 0; always 0 for a yes/no question."""
    offered = offered_answers(question)
    if not offered:
        return lambda sentence: 0
    a, b = (content_words(o) for o in offered)
    denial_words = content_words(denial)
    denied, other = (a, b) if a <= denial_words and not b <= denial_words else \
        (b, a) if b <= denial_words and not a <= denial_words else (set(), set())
    return lambda sentence: int(bool(denied) and denied <= (w := content_words(sentence)) and not other <= w)


def disputed_answer(sides: Sequence[Side]) -> str:
    """The sides as quoted, cited sentences (markers are 1-based evidence numbers)."""
    return " ".join(f"{in_quotes(side.sentence)} [{side.evidence_index + 1}]" for side in sides)
