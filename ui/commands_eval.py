"""`newsdesk eval`: run question sets and benchmarks, compare runs.

`newsdesk eval QUESTIONS.jsonl …` is short for `newsdesk eval run QUESTIONS.jsonl …`:
the first word after `eval` is a subcommand when it names one (run, compare,
or a benchmark of `eval.benchmarks.table`) and a question set otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ui.arguments import UsageError, parse_as_of, settings_from
from ui.json_output import print_json
from ui.commands_qa import add_llm_options

USAGE_HEAD = """newsdesk eval QUESTIONS.jsonl [options]        (same as: newsdesk eval run QUESTIONS.jsonl)
       newsdesk eval compare RUN_A RUN_B
       newsdesk eval feedback-to-set OUT.jsonl [--feedback FILE]"""


def subcommands() -> tuple[str, ...]:
    """run, compare and one subcommand per registered benchmark."""
    from eval.benchmarks import table

    return ("run", "compare", "feedback-to-set", *(b.name for b in table.BENCHMARKS))


def usage() -> str:
    """`newsdesk eval`'s usage lines: question sets, compare, then each registered benchmark."""
    from eval.benchmarks import table

    return "\n".join([USAGE_HEAD, *(f"       newsdesk eval {b.name} {b.usage}" for b in table.BENCHMARKS)])

EPILOG = """\
examples:
  newsdesk eval demo --retrieval-only          the bundled demo set, retrieval metrics only (fast)
  newsdesk eval my-questions.jsonl --llm none  extractive answers, no answer model
  newsdesk eval demo --resume                  continue the latest interrupted demo run
  newsdesk eval compare RUN_A RUN_B            metric deltas and questions that flipped
  newsdesk eval feedback-to-set fb.jsonl       the chat's 👍/👎 answers as a question set (then: newsdesk eval fb.jsonl)
  newsdesk eval realtimeqa --sample 150 --seed 1 --choices
  newsdesk eval injection                      hostile articles: how often an answer obeys one
  newsdesk eval run --help                     all options of a question-set run

Each question's result is written to OUT/results.jsonl as soon as it is done;
the report is OUT/report.md (+ summary.json and PNG charts).
exit status: 0 done, 1 some questions failed, 2 usage error, 130 interrupted (resume with --resume)
"""


class _AnyWord:
    """Subcommand 'choices' that accept any word: unknown words are question sets."""

    def __init__(self, names: dict) -> None:
        self.names = names

    def __contains__(self, value: object) -> bool:
        return True

    def __iter__(self):
        return iter(self.names)


class _QuestionSetOrSubcommand(argparse._SubParsersAction):
    """Routes `eval QUESTIONS.jsonl …` to the `run` subcommand."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - argparse signature
        super().__init__(*args, **kwargs)
        self.choices = _AnyWord(self._name_parser_map)

    def __call__(self, parser, namespace, values, option_string=None):  # noqa: ANN001 - argparse signature
        if values and values[0] not in self._name_parser_map:
            values = ["run", *values]
        super().__call__(parser, namespace, values, option_string)


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limit", type=int, metavar="N", help="only N questions (after --sample), spread over the question types "
                   "(seeded by --seed, kept in file order)")
    p.add_argument("--sample", type=int, metavar="N", help="a random sample of N questions (fixed by --seed)")
    p.add_argument("--seed", type=int, default=0, help="seed for --sample (default 0)")
    p.add_argument("--retrieval-only", action="store_true",
                   help="skip answer generation: retrieval metrics only (hundreds of questions a minute)")
    p.add_argument("--depth", type=int, default=10, metavar="N", help="retrieved passages scored (default 10)")
    p.add_argument("--out", metavar="DIR", help="run folder (default HOME/eval/NAME-MODE-TIMESTAMP)")
    p.add_argument("--resume", action="store_true",
                   help="continue the run in --out (default: the latest run of this set and mode), "
                        "skipping questions already done")
    p.add_argument("--json", action="store_true", help="print summary.json instead of the table")
    p.add_argument("--retriever", default="newsdesk", metavar="NAME[,NAME…]",
                   help="retrieval to measure: dense, keyword, rrf (plain fusion) or newsdesk (default), each "
                        "optionally with +/- cap, collapse, outlet-split, question-dates, names, title, recency, rerank "
                        "and +kw=W for the keyword ranking's weight in the fusion, +recency=DAYSxVOTES for the "
                        "recency prior's half-life and size (e.g. rrf+names, newsdesk-cap, newsdesk+kw=2, "
                        "newsdesk+recency=14x2); several, comma-separated, run one after another over the same store "
                        "into OUT/NAME and are printed side by side")
    add_llm_options(p)


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Add `newsdesk eval` and its subcommands."""
    from eval.benchmarks import table

    ev = sub.add_parser("eval", help="score answers on a question set or benchmark; compare runs", usage=usage(),
                        description="Measure retrieval (Hits@k, MRR, MAP), answers (EM, F1), citations, "
                                    "abstention and latency on a question set, and write a report.",
                        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    ev.set_defaults(handler=lambda args: _print_help(ev))
    evsub = ev.add_subparsers(dest="eval_command", prog="newsdesk eval", metavar="{QUESTIONS.jsonl," + ",".join(subcommands()) + "}",
                              action=_QuestionSetOrSubcommand)

    p = evsub.add_parser("run", parents=[parent], help="run a question set (the default)",
                         description="Run a JSON Lines question set (or a bundled set by name, e.g. 'demo') "
                                     "against the archive and write OUT/report.md.",
                         epilog="question format: one JSON object per line with id, question, answers (empty "
                                "for unanswerable), type, gold_articles; optional gold_evidence, history, "
                                "filters {since, until, sources}, as_of.")
    p.add_argument("questions", metavar="QUESTIONS.jsonl", help="question set file, or a bundled set's name")
    p.add_argument("--as-of", metavar="YYYY-MM-DD",
                   help="ask the questions that give no as_of of their own as of this date (default today); the "
                        "prompt names the day asked and the model's replies change with it, so pin it to compare "
                        "runs made on different days")
    _add_run_options(p)
    p.set_defaults(handler=cmd_run)

    p = evsub.add_parser("compare", help="metric deltas and flipped questions between two runs",
                         description="Compare two run folders over the questions they share.")
    p.add_argument("run_a", metavar="RUN_A")
    p.add_argument("run_b", metavar="RUN_B")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_compare)

    p = evsub.add_parser("feedback-to-set", parents=[parent], help="turn the chat's 👍/👎 answers into a question set",
                         description="Write the answers marked in the chat (HOME/feedback.jsonl) as a question set: "
                                     "a 👍 answer becomes the expected answer (its citations the gold articles), a 👎 "
                                     "with an expected answer becomes that answer, a 👎 without one is skipped "
                                     "(and counted). The latest mark of an answer counts.")
    p.add_argument("out", metavar="OUT.jsonl", help="the question set to write")
    p.add_argument("--feedback", metavar="FILE", help="the feedback log (default HOME/feedback.jsonl)")
    p.set_defaults(handler=cmd_feedback_to_set)

    for benchmark in table.BENCHMARKS:
        # A benchmark with examples keeps its help text as written; the others are wrapped by argparse.
        p = evsub.add_parser(benchmark.name, parents=[parent], help=benchmark.description,
                             description=benchmark.details, epilog=benchmark.examples,
                             formatter_class=argparse.RawDescriptionHelpFormatter if benchmark.examples
                             else argparse.HelpFormatter)
        benchmark.add_arguments(p)
        _add_run_options(p)
        p.set_defaults(handler=cmd_benchmark, benchmark=benchmark)


def _print_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _options(args: argparse.Namespace):
    from eval.runner import RunOptions

    for name in ("limit", "sample", "depth"):
        value = getattr(args, name, None)
        if value is not None and value < 1:
            raise UsageError(f"--{name} must be at least 1, got {value}")
    return RunOptions(retrieval_only=args.retrieval_only, depth=args.depth, limit=args.limit, sample=args.sample,
                      seed=args.seed, resume=args.resume, quiet=args.quiet)


def _settings(args: argparse.Namespace):
    return settings_from(args, llm=args.llm, llm_url=args.llm_url, llm_model=args.llm_model)


def finish(result, args: argparse.Namespace, resume_hint: str) -> int:
    """Print the outcome of an evaluation; the exit status."""
    outcome = result.outcome
    if args.json:
        print_json(result.summary, default=str)
    else:
        print(summary_table(result.summary))
        print(f"\nreport: {result.files.report_path}")
    if outcome.interrupted or not outcome.complete:
        print(f"interrupted after {len(outcome.records)} of {outcome.selected} questions; continue with:\n"
              f"  {resume_hint} --resume --out {outcome.out_dir}", file=sys.stderr)
        return 130
    if outcome.errors:
        print(f"{outcome.errors} question(s) failed; see {result.files.report_path} "
              "(they are retried with --resume)", file=sys.stderr)
        return 1
    return 0


HEADLINE = ("hits@1", "hits@4", "hits@10", "mrr@10", "map@10", "evidence_hits@4", "answer_recall@4", "answer_recall@10",
            "evidence_recall", "correct",
            "exact_match", "f1", "yes_no_accuracy", "citation_precision", "citation_recall", "unsupported_rate",
            "correct_flagged", "wrong_unflagged", "abstain_precision", "abstain_recall", "wrongful_abstention")


def summary_table(summary: dict) -> str:
    """The headline numbers as aligned text."""
    from eval.summary import label

    overall = summary["overall"]
    lines = [f"{summary['questions']} questions ({overall['errors']} failed), mode: {summary.get('mode')}"]
    for key in HEADLINE:
        value = overall["metrics"].get(key)
        if value is not None:
            lines.append(f"  {label(key).split(' (')[0]:34} {value:6.3f}   n={overall['counts'].get(key, '')}")
    for stage, lat in overall["latency_ms"].items():
        if lat["n"]:
            lines.append(f"  {'latency ' + stage.replace('_', ' ') + ' p50/p95 ms':34} "
                         f"{lat['p50']:.0f} / {lat['p95']:.0f}")
    for key, value in summary.get("headline", {}).items():
        lines.append(f"  {key:34} {value}")
    return "\n".join(lines)


def _retrievers(args: argparse.Namespace) -> dict:
    from qa.retrieval_config import parse_retrievers

    try:
        return parse_retrievers(args.retriever)
    except ValueError as exc:
        raise UsageError(f"--retriever: {exc}") from None


def finish_all(results: dict, args: argparse.Namespace, resume_hint: str, base: Path) -> int:
    """Print several retrievers' runs side by side (also written to BASE/retrievers.md); the worst exit status."""
    from eval.ablation import TABLE_FILE, side_by_side

    if len(results) == 1:
        return finish(next(iter(results.values())), args, resume_hint)
    table = side_by_side({name: r.summary for name, r in results.items()})
    base.mkdir(parents=True, exist_ok=True)
    (base / TABLE_FILE).write_text(table + "\n", encoding="utf-8")
    if args.json:
        print_json({name: r.summary for name, r in results.items()}, default=str)
    else:
        print(table)
        print(f"\nreports: {base}/NAME/report.md; table: {base / TABLE_FILE}")
    statuses = []
    for name, result in results.items():
        outcome = result.outcome
        if outcome.interrupted or not outcome.complete:
            print(f"{name}: interrupted; continue with {resume_hint} --retriever {name} --resume --out "
                  f"{outcome.out_dir}", file=sys.stderr)
            statuses.append(130)
        elif outcome.errors:
            print(f"{name}: {outcome.errors} question(s) failed", file=sys.stderr)
            statuses.append(1)
    return max(statuses, default=0)


def _run_dirs(args: argparse.Namespace, settings, name: str, retrievers: dict) -> tuple[Path | None, dict]:
    """The base folder and, per retriever, its run folder (None: the default for a single run)."""
    from eval.run import default_out

    if len(retrievers) == 1:
        return (Path(args.out) if args.out else None), {n: (Path(args.out) if args.out else None) for n in retrievers}
    base = Path(args.out) if args.out else default_out(settings, f"{name}-retrievers", _options(args))
    return base, {n: base / n for n in retrievers}


def cmd_run(args: argparse.Namespace) -> int:
    """Evaluate a question set (with each retriever asked for)."""
    from eval.ablation import use_retriever
    from eval.questions import load_questions, resolve_question_set, with_as_of
    from eval.run import evaluate_set
    from qa.services import Services

    path = resolve_question_set(args.questions)
    questions = with_as_of(load_questions(path), parse_as_of(args.as_of))
    retrievers = _retrievers(args)
    settings = _settings(args)
    base, outs = _run_dirs(args, settings, path.stem, retrievers)
    services = Services(settings)
    qa = services.answerer(answers=not args.retrieval_only)
    product = len(retrievers) == 1 and "newsdesk" in retrievers  # the engine's own retriever, unchanged
    results = {name: evaluate_set(services, questions, _options(args), out_dir=outs[name], name=path.stem,
                                  questions_file=str(path), qa=qa if product else use_retriever(qa, config))
               for name, config in retrievers.items()}
    return finish_all(results, args, f"newsdesk eval {args.questions}", base or Path("."))


def cmd_compare(args: argparse.Namespace) -> int:
    """Compare two runs."""
    from eval.compare import compare_runs, render_comparison

    comparison = compare_runs(args.run_a, args.run_b)
    if args.json:
        print_json(comparison.to_json())
    else:
        print(render_comparison(comparison))
    return 0


def cmd_feedback_to_set(args: argparse.Namespace) -> int:
    """Write the feedback log's marked answers as a question set; 1 when lines were unreadable or nothing was made."""
    from eval.feedback_log import feedback_path
    from eval.feedback_set import feedback_to_set
    from eval.questions import write_questions

    source = Path(args.feedback) if args.feedback else feedback_path(settings_from(args).home)
    if not source.is_file():
        raise UsageError(f"{source}: no feedback yet (mark answers with 👍/👎 in the chat first)")
    made = feedback_to_set(source)
    for problem in made.problems:
        print(problem, file=sys.stderr)
    if not made.questions:
        print(f"{source}: no question made: {made.summary()}", file=sys.stderr)
        return 1
    out = write_questions(made.questions, Path(args.out))
    print(f"wrote {out}: {made.summary()}")
    return 1 if made.problems else 0


def cmd_benchmark(args: argparse.Namespace) -> int:
    """Run a registered benchmark (with each retriever asked for, where it compares retrievers)."""
    from eval.benchmarks.benchmark import run_prepared
    from qa.services import Services

    benchmark = args.benchmark
    retrievers = _retrievers(args) if benchmark.compares_retrievers else {"newsdesk": None}
    settings = _settings(args)
    base, outs = _run_dirs(args, settings, benchmark.name, retrievers)
    services = Services(settings)
    prepared = benchmark.prepare(services, args, _options(args))
    results = {name: run_prepared(benchmark, prepared, services, _options(args), out_dir=outs[name],
                                  retriever=config)
               for name, config in retrievers.items()}
    return finish_all(results, args, benchmark.resume_command(args), base or Path("."))
