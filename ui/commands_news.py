"""`newsdesk timeline` and `newsdesk quotes`: a story's events in date order, and who said what."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from qa.query import MAX_K, QuestionError, parse_date_option
from qa.services import Services
from ui.arguments import UsageError, settings_from
from ui.printable import printable

WIDTH = 100


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Add `newsdesk timeline` and `newsdesk quotes`."""
    p = sub.add_parser(
        "timeline", parents=[parent], help="the events of a story in date order, each cited",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="The events of a story, one line each in date order: the day, what happened and the "
                    "article it comes from (outlet, headline, the sentence quoted). The day is one the text "
                    "names, read against the publication date (\"on Tuesday\" in an article of Friday 2 Oct "
                    "2015 is 29 Sep), marked 'event', or else the publication date, marked 'published'. "
                    "Undated articles are listed apart. No language model is used.",
        epilog="examples:\n"
               "  newsdesk timeline \"Russia Syria air strikes\"\n"
               "  newsdesk timeline \"Northern Ireland election\" --since 2017-02-01 --until 2017-03-31\n"
               "  newsdesk timeline \"Khalid Masood\" --source BBC --json\n"
               "  newsdesk timeline \"Sessions Russia\" --plot sessions.png\n"
               "exit status: 0 done (also with no events), 2 bad topic, dates or archive")
    p.add_argument("topic", help="what the story is about, in quotes")
    p.add_argument("--since", help="only events on or after this day (YYYY-MM-DD, YYYY-MM or YYYY)")
    p.add_argument("--until", help="only events on or before this day")
    p.add_argument("--source", action="append", default=[], metavar="OUTLET", help="only this outlet (repeatable)")
    p.add_argument("--limit", type=int, default=MAX_K, help=f"at most this many articles, 1-{MAX_K} (default {MAX_K})")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--plot", metavar="FILE", help="also draw the timeline as a PNG chart (days × outlets)")
    p.set_defaults(handler=cmd_timeline)

    q = sub.add_parser(
        "quotes", parents=[parent], help="who said what: a speaker's statements, or statements on a topic",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Attributed statements found at ingest — quotations and reported speech with their "
                    "speaker (“…,” Davutoğlu was quoted as saying; Lavrov said that …; according to the "
                    "Pentagon, …). A query matching a speaker lists that speaker's statements (spellings, "
                    "accents and titles ignored: Davutoglu = Prime Minister Ahmet Davutoğlu); otherwise the "
                    "statements about that topic, each with its speaker. Oldest first.",
        epilog="examples:\n"
               "  newsdesk quotes Lavrov\n"
               "  newsdesk quotes \"Davutoglu\" --json\n"
               "  newsdesk quotes \"witch hunt\" --since 2017-03-01\n"
               "exit status: 0 done (also with none found), 2 bad query or archive")
    q.add_argument("query", help="a speaker's name or a topic, in quotes")
    q.add_argument("--since", help="only articles published on or after this day")
    q.add_argument("--until", help="only articles published on or before this day")
    q.add_argument("--source", action="append", default=[], metavar="OUTLET", help="only this outlet (repeatable)")
    q.add_argument("--json", action="store_true", help="print one JSON object")
    q.set_defaults(handler=cmd_quotes)


def register_bench(bench_sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Add `newsdesk bench timeline`."""
    p = bench_sub.add_parser(
        "timeline", parents=[parent], help="timeline latency, cold start and warm",
        description="Wall time of `newsdesk timeline TOPIC --json` from a cold start (a fresh process: start-up, "
                    "imports, opening the store and MiniLM, the timeline), RUNS times per topic, and of the "
                    "timeline alone once the store and model are open (as the chat's Timeline view runs it). "
                    "Default topics: three stories of the full demo archive (`newsdesk demo --full`).")
    p.add_argument("--topics", metavar="FILE", help="a text file with one topic per line")
    p.add_argument("--runs", type=int, default=3, help="cold runs per topic (default 3)")
    p.set_defaults(handler=cmd_bench_timeline)


def cmd_bench_timeline(args: argparse.Namespace) -> int:
    """Print the timeline benchmark's table."""
    from ui.timeline_bench import bench_timeline, format_table, load_topics

    if args.runs < 1:
        raise UsageError(f"--runs must be at least 1, got {args.runs}")
    settings = settings_from(args)
    passed = [(flag, getattr(args, name)) for flag, name in (("--home", "home"), ("--store", "store"),
                                                            ("--chroma-url", "chroma_url"), ("--embed-url", "embed_url"))]
    cli_options = [part for flag, value in passed if value for part in (flag, str(value))]
    say = (lambda text: None) if args.quiet else (lambda text: print(text, file=sys.stderr, flush=True))
    rows = bench_timeline(settings, load_topics(args.topics), args.runs, cli_options, say)
    print(format_table(rows))
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    """Print the timeline of a topic (and draw it with --plot)."""
    from qa.timeline import build_timeline

    if not 1 <= args.limit <= MAX_K:
        raise QuestionError(f"--limit must be from 1 to {MAX_K}, got {args.limit}")
    services = Services(settings_from(args))
    store = services.store
    if not store.outlets():
        raise QuestionError("the archive is empty: index articles first with `newsdesk ingest PATH` or `newsdesk demo`")
    timeline = build_timeline(store, services.embedder, args.topic, since=args.since, until=args.until,
                              sources=args.source, limit=args.limit)
    if args.plot:
        from qa.timeline_chart import plot_timeline

        plot_timeline(timeline, Path(args.plot))
    if args.json:
        print(json.dumps(timeline.to_json(), ensure_ascii=False))
        return 0
    for note in timeline.notes:
        print(f"({printable(note)})")
    if not timeline.events and not timeline.undated:
        print(f"No events about “{printable(args.topic)}” in the archive.")
    for e in timeline.events:
        when = f"{e.day.isoformat()} {'event' if e.date_kind == 'event' else 'publ.'}"
        print(_event_lines(when, e))
    if timeline.undated:
        print("\nUndated (not placed on the timeline):")
        for e in timeline.undated:
            print(_event_lines("undated         ", e))
    if args.plot:
        print(f"\nchart: {args.plot}")
    return 0


def _event_lines(when: str, event) -> str:
    ref = event.citation.ref
    lines = [f"{when}  {printable(event.text)}",
             f"{'':18}— {printable(ref.source or 'unknown outlet')}, {ref.published or 'undated'}, "
             f"“{printable(ref.title)}”"
             + (f" (day from “{printable(event.date_phrase)}”)" if event.date_phrase else "")]
    if event.also_in:
        also = ", ".join(f"{printable(r.source or 'unknown outlet')} {r.published or 'undated'}" for r in event.also_in)
        lines.append(f"{'':18}  also reported by {also}")
    return "\n".join(lines)


def cmd_quotes(args: argparse.Namespace) -> int:
    """Print a speaker's statements, or the statements about a topic."""
    from qa.quotes import SPEAKER, find_quotes

    query = (args.query or "").strip()
    if not query:
        raise QuestionError("the query is empty: give a speaker's name or a topic")
    since = parse_date_option(args.since, "since")
    until = parse_date_option(args.until, "until", end=True)
    store = Services(settings_from(args)).store
    if not store.outlets():
        raise QuestionError("the archive is empty: index articles first with `newsdesk ingest PATH` or `newsdesk demo`")
    found = find_quotes(store, query, since=since, until=until, sources=args.source)
    if args.json:
        print(json.dumps({"query": found.query, "mode": found.mode,
                          "statements": [s.to_json() for s in found.statements]}, ensure_ascii=False))
        return 0
    what = "said by" if found.mode == SPEAKER else "about"
    print(f"{len(found.statements)} statement(s) {what} “{printable(query)}”")
    for s in found.statements:
        mark = "“…”" if s.kind == "quote" else "(reported)"
        text = textwrap.fill(printable(s.text), WIDTH, initial_indent="    ", subsequent_indent="    ")
        print(f"\n{s.ref.published or 'undated'} · {printable(s.speaker)} {mark} — "
              f"{printable(s.ref.source or 'unknown outlet')}, “{printable(s.ref.title)}”\n{text}")
    return 0
