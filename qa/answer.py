"""Asking the archive: question → passages → cited, checked `Answer`.

Answering is three stages that the CLI, the Gradio app and the evaluator call
the same way: `NewsQA.understand(question, history) -> Query` (once per ask),
`NewsQA.retrieve(query, k) -> [Passage]` (reranking, when switched on, runs
inside it) and `NewsQA.answer_stream(query, passages)`. `ask_stream` chains
them: it yields the sources as soon as retrieval is done, then the answer text
as it is generated (citation markers already renumbered), then the verified
`Answer`; `ask` returns only the last.

This module holds the stages and stage 3's decisions (abstain, quote, negate, repair the
citations); the records it yields are `qa/answer_records.py`, streaming the model's reply
`qa/answer_generation.py`, the checks of a finished reply `qa/answer_checks.py`, and the
checks of its short answer against what it cites `qa/reply_review.py`.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from datetime import date
from typing import Iterator, Protocol, Sequence, TypedDict, Unpack

from index.embedding import Embedder
from index.statements import StoredStatement
from index.store import ArchiveStore
from qa.abstain import ABSTAIN as DECIDE_ABSTAIN
from qa.abstain import QUOTE, AbstainPolicy, Signals, retrieval_signals
from qa.abstention_text import ClosestArticle, abstention_text, closest_articles
from qa.answer_checks import bare_yes_no, only_instructions, supported_anywhere, without_instructions
from qa.injection_guard import InjectionGuard
from qa.answer_generation import stream_reply
from qa.answer_records import Answer, Done, ShortAnswer, SourcesFound, TextDelta
from qa.answer_signals import signals_json, with_evidence
from qa.disputes import (DISPUTED, DISPUTED_DECISION, disputed_answer, disputed_sides, shown_article_sentences,
                         unshown_denial)
from qa.membership import MEMBER_DECISION, membership_answer
from qa.stance import NO, STANCE_DECISION, stance_denial
from qa.citations import (Citation, MarkerRenumberer, backs_a_sentence, parse_markers, strip_markers,
                          verify_answer)
from qa.evidence import Evidence, select_evidence
from qa.extractive import (best_sentence, cited_quote, extractive_answer, quotable_sentence, quote_cited,
                           sentence_holding, shown_sentences, widen_passages)
from qa.llm import LLM
from qa.polarity import NEGATED_DECISION, first_time_at_moment, quote_saying_no, settling_no, unshown_no
from qa.prompts import ABSTAIN, is_yes_no_question, without_example, without_hint_echo
from qa.quote_marks import in_quotes
from qa.quote_short import short_from_quote
from qa.query import Query, Turn, outlets_in_question, understand_in_archive
from qa.retrieval import HybridRetriever, Passage
from qa.short_answer import holding_short, short_answer_logprobs
from qa.reply_review import Reply, ReviewContext, refusal, review_short_answer
from qa.short_answer_check import mark_unsaid_act
from qa.source_talk import without_asked_date, without_source_talk
from qa.timings import elapsed_ms
from qa.truecase import cased_as_written
from qa.typos import mended_query
from qa.vectors import SentenceVectors

# The retrieval gate's threshold (calibration in qa/abstain.py, AbstainPolicy.min_dense).
ABSTAIN_BELOW = AbstainPolicy.min_dense
# Prompt reading dominates the time to first token on CPU: the four best
# sentences plus one neighbour each keep the prompt near 600 tokens.
EVIDENCE_SENTENCES = 4
EVIDENCE_NEIGHBOURS = 1
_WORD = re.compile(r"\w")
# Callers import the records, and the helpers their tests use, from here.
__all__ = ["ABSTAIN_BELOW", "EVIDENCE_NEIGHBOURS", "EVIDENCE_SENTENCES", "Answer", "AskOptions", "ClosestArticle",
           "Done", "NewsQA", "Retriever", "ShortAnswer", "SourcesFound", "TextDelta", "closest_articles",
           "extractive_answer", "widen_passages", "without_instructions"]


class Retriever(Protocol):
    """What `NewsQA` needs of `HybridRetriever` (tests pass fakes)."""

    def retrieve(self, query: Query) -> list[Passage]: ...


class AskOptions(TypedDict, total=False):
    """The filters `NewsQA.ask` and `ask_stream` pass on to `retrieve` (see its parameters)."""

    since: str | None
    until: str | None
    sources: Sequence[str]
    k: int | None
    as_of: date | None


class NewsQA:
    """Answers questions about one archive with cited, verified passages."""

    def __init__(self, store: ArchiveStore, embedder: Embedder, llm: LLM | None, *, k: int = 6,
                 abstain_below: float | None = None, retriever: Retriever | None = None,
                 policy: AbstainPolicy | None = None) -> None:
        if not 1 <= k <= 50:
            raise ValueError(f"k must be between 1 and 50, got {k}")
        self.store, self.embedder, self.llm, self.k = store, embedder, llm, k
        self.policy = policy or AbstainPolicy()
        if abstain_below is not None:
            self.policy = replace(self.policy, min_dense=abstain_below)
        self.abstain_below = self.policy.min_dense
        self.retriever = retriever or HybridRetriever(store, embedder)

    def understand(self, question: str, history: Sequence[Turn] = (), **options: Unpack[AskOptions]) -> Query:
        """Stage 1: the question checked, a follow-up rewritten, filters read — the `Query`, built once.

        Raises `QuestionError` (or `EmptyIndex`) for a question or filters the user must fix.
        """
        return understand_in_archive(self.store, question, history, self.llm,
                                     **{**options, "k": options.get("k") or self.k})

    def retrieve(self, query: Query, k: int | None = None) -> list[Passage]:
        """Stage 2: at most `k` (default `query.k`) passages, best first; no generation.

        The retriever's reranking (`qa/rerank.py`, a llama-index node postprocessor, off by
        default) runs inside this stage, on the fused candidate pool before it is cut to `k`.
        """
        return self.retriever.retrieve(query if k is None else replace(query, k=k))

    def ask(self, question: str, history: Sequence[Turn] = (), **options: Unpack[AskOptions]) -> Answer:
        """The verified answer (see `ask_stream` for options)."""
        answer = None
        for event in self.ask_stream(question, history, **options):
            if isinstance(event, Done):
                answer = event.answer
        assert answer is not None
        return answer

    def ask_stream(self, question: str, history: Sequence[Turn] = (), **options: Unpack[AskOptions]
                   ) -> Iterator[SourcesFound | ShortAnswer | TextDelta | Done]:
        """Sources first, then the short answer and text deltas, then the final `Answer`.

        Options: since, until (ISO dates), sources (outlet names), k, as_of (date).
        Raises `QuestionError` (bad question or filters, empty archive) before yielding.
        """
        t0 = time.perf_counter()
        yield from self.query_stream(self.understand(question, history, **options), started=t0)

    def query_stream(self, query: Query, *, started: float | None = None
                     ) -> Iterator[SourcesFound | ShortAnswer | TextDelta | Done]:
        """`ask_stream` for a question already understood: retrieve, `SourcesFound`, then `answer_stream`.

        `started` is when the ask began (`perf_counter`), so the timings include understanding it.
        """
        t0 = time.perf_counter() if started is None else started
        passages = self.retrieve(query)
        yield SourcesFound(passages, query.text, query.filters_json())
        yield from self.answer_stream(query, passages, started=t0, retrieve_ms=elapsed_ms(t0))

    def answer(self, query: Query, passages: list[Passage], *, started: float | None = None,
               retrieve_ms: float | None = None) -> Answer:
        """Stage 3 without streaming: the verified `Answer` from these passages (see `answer_stream`)."""
        answer = None
        for event in self.answer_stream(query, passages, started=started, retrieve_ms=retrieve_ms):
            if isinstance(event, Done):
                answer = event.answer
        assert answer is not None
        return answer

    def answer_stream(self, query: Query, passages: list[Passage], *, started: float | None = None,
                      retrieve_ms: float | None = None) -> Iterator[ShortAnswer | TextDelta | Done]:
        """Stage 3: the short answer and text deltas, then the verified `Answer`, from `passages`
        (best first, as `retrieve` returns them).

        `started` (`perf_counter`) and `retrieve_ms` are the earlier stages' clock, for `timings_ms`.
        """
        t0 = time.perf_counter() if started is None else started
        timings: dict[str, float | None] = {"retrieve": retrieve_ms, "first_token": None}
        signals = retrieval_signals(query.search_text, passages)
        if not passages or self.policy.before_model(signals) == DECIDE_ABSTAIN:
            yield Done(self._abstain(query, passages, timings, t0, signals, "retrieval gate"))
            return
        widened = widen_passages(passages, self.store)
        query = mended_query(query, [f"{p.ref.title or ''} {p.text}" for p in widened])  # "apperance" (qa/typos.py)
        vectors = SentenceVectors(self.embedder)  # passage sentences encoded once, for evidence and checking
        short, quoted, decision, model_raw, ruled = None, False, "extractive", "", None
        if self.llm is None:
            evidence = select_evidence(query.search_text, widened, vectors, max_sentences=len(passages),
                                       neighbours=0, asked=query.asked)
            signals = with_evidence(signals, query.search_text, evidence, widened)
            raw = extractive_answer(evidence)
            timings["first_token"] = elapsed_ms(t0)
            if raw:
                yield TextDelta(MarkerRenumberer(len(evidence)).renumber(raw))
            if not raw:
                yield Done(self._abstain(query, passages, timings, t0, signals, "no evidence"))
                return
        else:
            evidence = select_evidence(query.search_text, widened, vectors, max_sentences=EVIDENCE_SENTENCES,
                                       neighbours=EVIDENCE_NEIGHBOURS, every_passage=False, asked=query.asked)
            if not evidence:
                yield Done(self._abstain(query, passages, timings, t0, signals, "no evidence"))
                return
            signals = with_evidence(signals, query.search_text, evidence, widened)
            stance = stance_denial(query.text, evidence)
            first = None if stance else next(((i, s) for i, s in shown_article_sentences(evidence)
                                              if first_time_at_moment(s, query.text)), None)
            settled = stance or first
            sides = [] if settled else disputed_sides(query.text, evidence)
            denial = None if sides or settled else unshown_denial(query.text, widened, evidence)
            if denial and (both := disputed_sides(query.text, [*evidence, denial])):
                evidence, sides = [*evidence, denial], both  # kept only when it settles the dispute
            member = None if sides or settled else membership_answer(query.text, evidence,
                                                          lambda: self._article_bodies(evidence))
            # "Did X accept …?" where X denied it: No, the denial quoted (qa/stance.py); "Had X happened before
            # the third day?" where it first happened then: No (qa/polarity.py). A claim and its denial: both
            # sides quoted, never a bare Yes/No (qa/disputes.py). A member of a list the passages give, or one
            # named nowhere beside it: Yes or No, the list quoted (qa/membership.py).
            ruled = ((NO, STANCE_DECISION, stance.answer_text()) if stance
                     else (NO, NEGATED_DECISION, f"{in_quotes(first[1])} [{first[0] + 1}]") if first
                     else (DISPUTED, DISPUTED_DECISION, disputed_answer(sides)) if sides
                     else (member.short, MEMBER_DECISION, member.answer_text()) if member else None)
        if ruled:  # only the model path looks for disputes and lists
            (short, decision, raw), quoted = ruled, True
            timings["first_token"] = elapsed_ms(t0)
            yield ShortAnswer(short)
            yield TextDelta(MarkerRenumberer(len(evidence)).renumber(raw))
        elif self.llm is not None:
            short, raw, model_raw, first = yield from stream_reply(self.llm, query, evidence, timings, t0,
                                                                   ban_abstain=self.policy.keeps_model_answering())
            if ABSTAIN not in model_raw and not short and not _WORD.search(strip_markers(raw)) and parse_markers(raw):
                raw = quote_cited(raw, evidence)  # the model pointed at passages but wrote no words
                if raw:
                    yield TextDelta("\n\n" + MarkerRenumberer(len(evidence)).renumber(raw))
            wrote_nothing = not _WORD.search(strip_markers(raw)) and not short
            sure_of = short_answer_logprobs(first.opening) if first and short else []
            signals = replace(signals, abstain_logprob=first.watched if first else None,
                              top_logprob=first.top if first else None,
                              short_logprob=min(sure_of) if sure_of else None,
                              short_mean_logprob=sum(sure_of) / len(sure_of) if sure_of else None)
            # Kept from writing the phrase (`AbstainPolicy.model_may_abstain`), the model abstained when it was sure.
            off_topic = self.policy.reply_off_topic(signals, short, query.search_text, strip_markers(raw))
            signals = replace(signals, model_abstained=ABSTAIN in model_raw or wrote_nothing or off_topic
                              or (not short and bare_yes_no(raw, query.text)) or self.policy.sure_to_abstain(signals))
            decision = self.policy.after_model(signals)
            if decision == DECIDE_ABSTAIN:
                yield Done(self._abstain(query, passages, timings, t0, signals, "model" if signals.model_abstained
                                         else "weak evidence", evidence, model_raw))
                return
            if decision == QUOTE:
                quote = quotable_sentence(evidence, query.search_text)
                # the one span of the quote the question asks for, else none (qa/quote_short.py)
                short, quoted = short_from_quote(query.search_text, quote[1]) if quote else None, True
                raw = cited_quote(quote)
                if short:
                    yield ShortAnswer(short)
                yield TextDelta(MarkerRenumberer(len(evidence)).renumber(raw))
            elif short and is_yes_no_question(query.text) and short.strip(" .!").lower() == "yes":
                # the passage says not, or counts what the question says there was none of, or a sentence of a
                # given passage not shown says not and holds most of the question (qa/polarity.py)
                cased = cased_as_written(query.text, [e.passage.text for e in evidence])  # its names as names
                settling = settling_no(cased, best_sentence(evidence, query.text),
                                       ((i, s) for i, s, _ in shown_sentences(evidence))) \
                    or unshown_no(cased, [(i, e.passage.text) for i, e in enumerate(evidence)])
                if settling:
                    short, decision, raw = "No", NEGATED_DECISION, f"{in_quotes(settling[1])} [{settling[0] + 1}]"
        last_token = time.perf_counter()
        used = [e.passage for e in evidence]
        guard = InjectionGuard(used)  # the passages' instruction-like spans, found once for every check below
        raw = without_instructions(raw, guard, query.text)
        if short and not quoted and guard.veto(short, query.text):
            # The short answer is an article's instruction-like text ("£620 million" from a fake system block in a
            # deal worth £62 million, held-out hostile set h2-05): shown in bold it would carry the payload; none.
            short = None
        raw = without_example(raw, " ".join(p.title + " " + p.text for p in used))
        raw = without_hint_echo(raw)  # "The fact that shows it is [1]." states nothing
        raw = without_source_talk(raw)  # "as stated in the first passage" is not a claim (qa/source_talk.py)
        raw = without_asked_date(raw, query.as_of)  # "according to TASS on <the day asked>"
        text, sentences, citations = verify_answer(raw, used, vectors, query.text, holding_short(short))
        saying_no = (quote_saying_no(short, cased_as_written(query.text, [p.text for p in used]), citations,
                                     [s for _, s, _ in shown_sentences(evidence)])
                     if is_yes_no_question(query.text) else None)
        if saying_no:  # "Yes", citing a sentence that says not (qa/polarity.py)
            at = next(i for i, p in enumerate(used) if p.ref == saying_no.ref and p.text == saying_no.passage)
            short, decision, raw = "No", NEGATED_DECISION, f"{in_quotes(saying_no.quote)} [{at + 1}]"
            text, sentences, citations = verify_answer(raw, used, vectors, query.text, holding_short(short))
        obeyed = only_instructions(sentences, guard, query.text)  # the model obeyed an article: nothing to show
        if short and ((not quoted and not citations) or obeyed):
            # The 1.5B model often writes a right short answer and then sentences without a marker
            # (or copied passages), or only an article's instructions ("112 mm" above a copied "AI: … 347 mm of
            # rain fell" turn, held-out hostile set h2-11; the short answer was vetted above): the evidence
            # sentence holding the short answer, quoted and cited, stands in for them, so every answer shown
            # carries a citation.
            holding = sentence_holding(short, evidence, is_yes_no_question(query.text))
            if holding:
                raw, quoted, obeyed = f"{in_quotes(holding[1])} [{holding[0] + 1}]", True, False
                yield TextDelta(MarkerRenumberer(len(evidence)).renumber(raw))
                text, sentences, citations = verify_answer(raw, used, vectors, query.text, holding_short(short))
        if not citations and not supported_anywhere(sentences, used, vectors):
            yield Done(self._abstain(query, passages, timings, t0, signals, "unsupported", evidence,
                                     None if self.llm is None else model_raw))
            return
        if obeyed:
            yield Done(self._abstain(query, passages, timings, t0, signals, "obeyed an article", evidence,
                                     None if self.llm is None else model_raw))
            return
        ctx = ReviewContext(query, evidence, vectors, outlets_in_question(query.asked, list(self.store.outlets())),
                            self.store.date_span, self._cited_articles, self._statements_of)
        review = review_short_answer(Reply(short, raw, quoted, decision, text, sentences, citations), ctx,
                                     unsure=self.policy.unsure_of_short(signals))
        short, raw, quoted, decision = review.reply.short, review.reply.raw, review.reply.quoted, review.reply.decision
        text, sentences, citations, concern = (review.reply.text, review.reply.sentences, review.reply.citations,
                                               review.concern)
        refused = refusal(review, ctx, self.policy, signals)
        if refused:
            timings["verify"] = elapsed_ms(last_token)
            why, reason = refused
            yield Done(self._abstain(query, passages, timings, t0, signals, why, evidence,
                                     None if self.llm is None else model_raw, reason=reason))
            return
        if short and concern:  # the model's sentence stating the act the passages never state is unsupported too
            sentences = mark_unsaid_act(query.asked, short, concern, sentences)
            citations = [replace(c, supported=backs_a_sentence(c.n, sentences)) for c in citations]
        short_ok = None if short is None else concern is None
        timings["verify"] = elapsed_ms(last_token)  # after the model's last token: checking and citation repair
        timings["total"] = elapsed_ms(t0)
        yield Done(Answer(query.typed or query.original, query.text, text, False, sum(not s.supported for s in sentences),
                          citations, sentences, closest_articles(passages), query.filters_json(), timings,
                          passages, list(query.notes), short, short_ok, quoted,
                          signals_json(signals, decision, evidence, query.text), concern))

    def _cited_articles(self, citations: Sequence[Citation]) -> list[str]:
        """Outlet, headline and body of each cited article as stored (its cited passage where the store has no row)."""
        rows = {c.ref.article_id: self.store.article(c.ref.article_id) for c in citations}
        return [f"{c.ref.source or ''}\n{c.ref.title}\n{row.body if row else c.passage}" for c in citations
                for row in [rows[c.ref.article_id]]]

    def _statements_of(self, article_ids: Sequence[str]) -> list[StoredStatement]:
        """The attributed statements of the articles named (read only for a "Who said …?" question)."""
        return self.store.statements_of(article_ids)

    def _article_bodies(self, evidence: Sequence[Evidence]) -> list[str]:
        """The stored body of each evidence passage's article (those the store still has)."""
        rows = (self.store.article(a) for a in dict.fromkeys(e.passage.article_id for e in evidence))
        return [row.body for row in rows if row]

    def _abstain(self, query: Query, passages: list[Passage], timings: dict, t0: float,
                 signals: Signals | None = None, why: str = "", evidence: Sequence[Evidence] = (),
                 model_reply: str | None = None, reason: str | None = None) -> Answer:
        closest = closest_articles(passages)
        timings["total"] = elapsed_ms(t0)
        facts = signals_json(signals, "abstain", evidence, query.text) if signals else {}
        if why:
            facts["abstained_by"] = why
        if model_reply is not None:  # what the model wrote, for calibration and debugging (never shown)
            facts["model_reply"] = model_reply
        return Answer(query.typed or query.original, query.text, abstention_text(closest, reason), True, 0, [], [], closest,
                      query.filters_json(), timings, passages, list(query.notes), signals=facts,
                      abstain_reason=reason)

