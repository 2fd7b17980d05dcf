"""`newsdesk ask` and `newsdesk bench query`."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from datetime import date

from index.runtime import ModelsMissing
from qa.answer import Answer, Done, SourcesFound, TextDelta, build_qa
from qa.llm import LLMError
from qa.query import QuestionError
from ui.cli import UsageError, settings_from


def add_llm_options(p: argparse.ArgumentParser) -> None:
    """--llm, --llm-url, --llm-model (shared by ask, chat, eval and bench)."""
    p.add_argument("--llm", choices=["embedded", "openai", "none"],
                   help="answer model: the embedded Qwen 1.5B (default), an OpenAI-compatible server, "
                        "or none (extractive: quotes the best sentences)")
    p.add_argument("--llm-url", help="with --llm openai: server URL, e.g. http://127.0.0.1:8080/v1")
    p.add_argument("--llm-model", help="with --llm openai: model name the server expects")


def llm_settings(args: argparse.Namespace) -> dict:
    """Settings overrides from the LLM options."""
    return {"llm": args.llm, "llm_url": args.llm_url, "llm_model": args.llm_model}


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
               "\"last week\") become filters automatically; explicit flags win.")
    p.add_argument("question", help="the question, in quotes")
    p.add_argument("--since", help="only articles published on or after this date (YYYY-MM-DD)")
    p.add_argument("--until", help="only articles published on or before this date (YYYY-MM-DD)")
    p.add_argument("--source", action="append", default=[], metavar="OUTLET", help="only this outlet (repeatable)")
    p.add_argument("--k", type=int, help="passages to retrieve (default 6)")
    p.add_argument("--as-of", help="read 'last week', 'recently' relative to this date (default today)")
    add_llm_options(p)
    p.add_argument("--json", action="store_true", help="print one JSON object instead of streaming text")
    p.set_defaults(handler=cmd_ask)


def register_bench(bench_sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Add `newsdesk bench query`."""
    p = bench_sub.add_parser("query", parents=[parent], help="question-answering latency",
                             description="p50/p95 of retrieval, time to first token and total answer time over a "
                                         "fixed question list (default: questions about the demo archive), for the "
                                         "configured answer model and for --llm none.")
    p.add_argument("--questions", help="a text file with one question per line, or a question-set .jsonl")
    add_llm_options(p)
    p.set_defaults(handler=cmd_bench_query)


def _as_of(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of must be a date like 2017-03-01, got {value!r}") from None


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer one question, streaming or as JSON."""
    try:
        qa = build_qa(settings_from(args, k=args.k, **llm_settings(args)))
        events = qa.ask_stream(args.question, since=args.since, until=args.until, sources=args.source,
                               k=args.k, as_of=_as_of(args.as_of))
        answer = None
        streamed = ""
        stream = not args.json and qa.llm is not None
        for event in events:
            if isinstance(event, SourcesFound) and not args.json and not args.quiet:
                print(f"[{len(event.passages)} passages retrieved; answering…]", file=sys.stderr, flush=True)
            elif isinstance(event, TextDelta) and stream:
                print(event.text, end="", flush=True)
                streamed += event.text
            elif isinstance(event, Done):
                answer = event.answer
    except (QuestionError, ModelsMissing, LLMError) as exc:
        print(f"newsdesk ask: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    assert answer is not None
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False))
    else:
        if streamed:
            print()
        print(format_answer(answer, streamed))
    return 0


def format_answer(answer: Answer, streamed: str = "") -> str:
    """The verified answer (unless already streamed as is) and its numbered sources."""
    lines = []
    if answer.standalone_question != answer.question:
        lines.append(f"(understood as: {answer.standalone_question})")
    flagged = [s.text for s in answer.sentences if not s.supported]
    if answer.text.strip() != streamed.strip():
        lines.append(("\nChecked answer (citations renumbered):\n" if streamed else "") + answer.text)
    if flagged:
        lines.append(f"\n⚠ {len(flagged)} sentence(s) not supported by the cited passages:")
        lines += [f"  - {s}" for s in flagged]
    if answer.citations:
        lines.append("\nSources:")
    for c in answer.citations:
        lines.append(f"[{c.n}] {c.source or 'unknown outlet'} · {c.published or 'undated'} · {c.title}")
        if c.url:
            lines.append(f"    {c.url}")
        lines.append(textwrap.indent(textwrap.fill(f"“{c.quote}”", 96), "    "))
    return "\n".join(lines)


def cmd_bench_query(args: argparse.Namespace) -> int:
    """Print latency percentiles for the configured model and for --llm none."""
    from qa.bench import DEFAULT_QUESTIONS, bench_query, load_questions

    settings = settings_from(args, **llm_settings(args))
    questions = load_questions(args.questions) if args.questions else DEFAULT_QUESTIONS
    try:
        rows = bench_query(settings, questions)
    except (QuestionError, ModelsMissing, LLMError) as exc:
        print(f"newsdesk bench query: {exc}", file=sys.stderr)
        return 2
    print(f"{len(questions)} questions; milliseconds")
    print(f"{'llm':12} {'retrieve p50':>13} {'p95':>8} {'first token p50':>16} {'p95':>8} {'total p50':>10} {'p95':>8}")
    for name, r in rows.items():
        print(f"{name:12} {r['retrieve'][0]:13.0f} {r['retrieve'][1]:8.0f} {r['first_token'][0]:16.0f} "
              f"{r['first_token'][1]:8.0f} {r['total'][0]:10.0f} {r['total'][1]:8.0f}")
    return 0
