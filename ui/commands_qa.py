"""`newsdesk ask` and `newsdesk bench query`."""

from __future__ import annotations

import argparse
import sys
import textwrap

from index.errors import NewsdeskError
from qa.answer import Answer, Done, ShortAnswer, SourcesFound, TextDelta
from qa.backends import BACKENDS, choices_help, needing
from qa.query import MAX_K, QuestionError, parse_date_option, understand_in_archive
from qa.services import Services
from qa.short_answer_check import NOT_IN_PASSAGES
from ui.arguments import parse_as_of, settings_from
from ui.json_output import print_json
from ui.commands_scale import register_bench as register_scale_bench

QUOTE_WIDTH = 96


def add_llm_options(p: argparse.ArgumentParser) -> None:
    """--llm, --llm-url, --llm-model (shared by ask, chat, eval and bench)."""
    p.add_argument("--llm", choices=list(BACKENDS), help=choices_help())
    p.add_argument("--llm-url", help=f"with --llm {'/'.join(needing('llm_url'))}: server URL, "
                                     "e.g. http://127.0.0.1:8080/v1")
    p.add_argument("--llm-model", help=f"with --llm {'/'.join(needing('llm_model'))}: model name the server expects")


def llm_settings(args: argparse.Namespace) -> dict:
    """Settings overrides from the LLM options."""
    return {"llm": args.llm, "llm_url": args.llm_url, "llm_model": args.llm_model}


def _k(value: str) -> int:
    try:
        k = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {value!r}") from None
    if not 1 <= k <= MAX_K:
        raise argparse.ArgumentTypeError(f"must be from 1 to {MAX_K}, got {k}")
    return k


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Add `newsdesk ask`."""
    p = sub.add_parser(
        "ask", parents=[parent], help="ask the archive a question",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Answer a question from the indexed articles. Every sentence cites its source; "
                    "when the archive does not say, the answer says so and lists the closest articles.",
        epilog="examples:\n"
               "  newsdesk ask \"What did TASS report about Palmyra?\"\n"
               "  newsdesk ask \"What happened in Northern Ireland?\" --since 2017-02-01 --until 2017-03-31\n"
               "  newsdesk ask \"Who won?\" --source BBC --source RTÉ --llm none --json\n"
               "outlets and dates named in the question (\"as reported by the BBC\", \"in February 2017\",\n"
               "\"last week\") become filters automatically; explicit flags win.\n"
               "a question may offer its answers (\"Who won? A) Smith B) Jones\"): the embedded model's short answer is then one of them.\n"
               "exit status: 0 answered (or abstained), 2 bad question, filters, archive or model")
    p.add_argument("question", help="the question, in quotes")
    p.add_argument("--since", help="only articles published on or after this date (YYYY-MM-DD)")
    p.add_argument("--until", help="only articles published on or before this date (YYYY-MM-DD)")
    p.add_argument("--source", action="append", default=[], metavar="OUTLET", help="only this outlet (repeatable)")
    p.add_argument("--k", type=_k, help=f"passages to retrieve, 1-{MAX_K} (default 6)")
    p.add_argument("--as-of", help="read 'last week', 'recently' relative to this date (default today)")
    add_llm_options(p)
    p.add_argument("--json", action="store_true",
                   help="print one JSON object instead of streaming text (indented on a terminal, one line when piped)")
    p.set_defaults(handler=cmd_ask)


def register_bench(bench_sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Add `newsdesk bench query`."""
    p = bench_sub.add_parser("query", parents=[parent], help="question-answering latency",
                             description="p50/p95 of retrieval, time to first token and total answer time over a "
                                         "fixed question list (default: 12 questions about the demo archive), for "
                                         "the configured answer model and for --llm none.")
    p.add_argument("--questions", help="a text file with one question per line, or a question-set .jsonl")
    add_llm_options(p)
    p.set_defaults(handler=cmd_bench_query)
    register_scale_bench(bench_sub, parent)


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer one question, streaming or as JSON."""
    settings = settings_from(args, k=args.k, **llm_settings(args))
    options = dict(since=args.since, until=args.until, sources=args.source, k=args.k, as_of=parse_as_of(args.as_of))
    say = (lambda text: None) if args.quiet or args.json else (lambda text: print(text, file=sys.stderr, flush=True))
    from qa.who_said_what import who_said_what  # brings the attribution patterns (~0.5 s) only for ask

    answer, streamed, streamed_short = None, "", None
    try:
        services = Services(settings)
        store = services.store
        # Understood before any model loads, so mistakes fail at once (no history: no rewrite, no model).
        query = understand_in_archive(store, args.question, **{**options, "k": args.k or settings.k})
        if not args.json:  # a question about statements gets the Who said what form, no model (README "The chat app")
            form = who_said_what(store, args.question, since=parse_date_option(args.since, "since"),
                                 until=parse_date_option(args.until, "until", end=True), sources=args.source)
            if form is not None and form.sides:
                say("(who said what: statements found at ingest, quoted as written; `newsdesk quotes` lists them all)")
                print(form.text())
                return 0
        for event in services.qa.query_stream(query):
            if isinstance(event, SourcesFound):
                say(f"[{len(event.passages)} passages retrieved; answering…]")
            elif isinstance(event, ShortAnswer) and not args.json:
                print(event.text, end="\n\n", flush=True)
                streamed_short = event.text
            elif isinstance(event, TextDelta) and not args.json:
                print(event.text, end="", flush=True)
                streamed += event.text
            elif isinstance(event, Done):
                answer = event.answer
    except NewsdeskError:
        if streamed:  # end the streamed text's line before `ui.cli` prints the error's
            print()
        raise
    assert answer is not None
    if args.json:
        print_json(answer.to_json())
        return 0
    if streamed:
        print()
    for note in ([f"understood as: {answer.standalone_question}"]
                 if answer.standalone_question != answer.question else []) + answer.notes:
        say(f"({note})")
    print(format_answer(answer, streamed, streamed_short))
    return 0


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def format_answer(answer: Answer, streamed: str = "", streamed_short: str | None = None) -> str:
    """The answer (unless already streamed as is), flagged sentences, and the numbered sources.

    A short answer the checking changed (the model's "Yes" over a passage that says "not") is
    printed again, under the checked answer's heading."""
    lines = []
    if answer.short_answer and not streamed:
        lines.append(answer.short_answer + "\n")
    if answer.short_answer and answer.short_answer_supported is False:
        why = getattr(answer, "short_answer_concern", None) or NOT_IN_PASSAGES
        lines.append(f"⚠ the short answer “{answer.short_answer}” may not answer the question: {why}")
    if answer.quoted:
        lines.append("(quoted from the archive)" if answer.short_answer
                     else "(quoted from the archive: the model gave no answer of its own)")
    if answer.abstained:  # the closest articles are listed below, with their URLs
        why = getattr(answer, "abstain_reason", None) or "the model found no answer in the passages"
        lines.append(answer.text.split(" Closest articles:")[0] if not streamed
                     else f"\nThe archive doesn't say after all: {why}.")
    elif not _same_text(answer.text, streamed) or (streamed and answer.short_answer != streamed_short):
        checked_short = (answer.short_answer + "\n\n" if streamed and answer.short_answer
                         and answer.short_answer != streamed_short else "")
        # a streamed short answer the checks withdrew (an article's instruction text, say) is said to be gone
        withdrawn = (f"(the short answer “{streamed_short}” above was withdrawn by the checks)\n\n"
                     if streamed and streamed_short and not answer.short_answer else "")
        lines.append(("\nChecked answer:\n" if streamed else "") + withdrawn + checked_short + answer.text)
    flagged = [s.text for s in answer.sentences if not s.supported]
    if flagged:
        lines.append(f"\n⚠ {len(flagged)} sentence(s) not supported by the passages they cite:")
        lines += [f"  - {s}" for s in flagged]
    if answer.citations:
        lines.append("\nSources:")
    for c in answer.citations:
        lines.append(f"[{c.n}] {c.source or 'unknown outlet'} · {c.published or 'undated'} · {c.title}")
        if c.url:
            lines.append(f"    {c.url}")
        lines.append(textwrap.indent(textwrap.fill(f"“{c.quote}”", QUOTE_WIDTH - 4), "    "))
    if answer.abstained and answer.closest:
        lines.append("\nClosest articles:")
        for a in answer.closest:
            lines.append(f"  - {a.source or 'unknown outlet'} · {a.published or 'undated'} · {a.title}"
                         + (f"\n    {a.url}" if a.url else ""))
    return "\n".join(lines).lstrip("\n")


def cmd_bench_query(args: argparse.Namespace) -> int:
    """Print latency percentiles for the configured model and for --llm none."""
    from qa.bench import DEFAULT_QUESTIONS, bench_query, format_table, load_questions

    settings = settings_from(args, **llm_settings(args))
    say = (lambda text: None) if args.quiet else (lambda text: print(text, file=sys.stderr, flush=True))
    questions = load_questions(args.questions) if args.questions else DEFAULT_QUESTIONS
    services = Services(settings)
    store = services.store
    if not store.outlets():
        raise QuestionError(f"the archive at {settings.store} is empty: run `newsdesk demo` first")
    embedder = services.embedder
    models = {"none": None} if settings.llm == "none" else {settings.llm: services.llm, "none": None}
    rows = bench_query(store, embedder, models, questions, k=settings.k, progress=say)
    stats = store.stats()
    print(f"{len(questions)} questions against {stats.articles} articles ({stats.chunks} chunks) in {settings.store}; "
          "milliseconds (first token over the questions that reached the model or extractive step)")
    print(format_table(rows))
    return 0
