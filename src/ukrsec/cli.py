"""The ``ukrsec`` command: ``parse`` a corpus into tables, ``report`` it as rendered notebooks, ``export``
analysis tables and PLOVER event records."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__

EPILOG = """examples:
  ukrsec parse --out tables/                 parse the bundled seeds into tables/*.parquet
  ukrsec parse my_articles/ --out t/ --format csv --jobs 2
  ukrsec parse export.csv --out t/ --text-col body --date-col publish_date
  ukrsec fetch urls.txt --out pages/ && ukrsec parse pages/ --out t/
  ukrsec report my_articles/ --out reports/  render every notebook on your corpus
  ukrsec export positions t/ --out positions.csv --format csv --period week
  ukrsec export plover t/ --out commitments.jsonl   commitments as PLOVER-style event records
"""


COLUMN_OPTIONS = (("--text-col", "text", "article text"), ("--title-col", "title", "headline"),
                  ("--date-col", "published", "publication date"), ("--outlet-col", "outlet", "outlet"),
                  ("--url-col", "url", "URL"), ("--id-col", "id", "article id"),
                  ("--lang-col", "language", "language code (de, en)"))


def _is_url(path: str | None) -> bool:
    return path is not None and "://" in path


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="ukrsec",
        description="Turn news pages about security guarantees for Ukraine into research tables "
        "(articles, sentences, actors, mentions, events, commitments, quotes) and reports.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"ukrsec {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    _parse_parser(sub)
    _fetch_parser(sub)
    _export_parser(sub)
    _report_parser(sub)
    _notebooks_parser(sub)
    return p


def _parse_parser(sub: argparse._SubParsersAction) -> None:
    pa = sub.add_parser(
        "parse",
        help="parse a folder or file of articles into tables",
        description="Parse articles (.txt .md .html .htm .json .jsonl .csv .tsv .parquet .warc .warc.gz, "
        "recursively; a folder, a file or an fsspec URL such as s3://bucket/corpus/) into the "
        "tables of the data model, one file per table. Files that cannot be read "
        "are listed on stderr and saved in problems.<format>. See docs/inputs.md.",
    )
    pa.add_argument("path", nargs="?", default=None,
                    help="folder, file or fsspec URL (default: the bundled seeds)")
    pa.add_argument("--out", required=True, help="output folder for the tables")
    pa.add_argument(
        "--format", choices=["parquet", "csv"], default="parquet", help="table format (default parquet)"
    )
    pa.add_argument(
        "--jobs", type=int, default=1, help="worker processes (default 1); same tables as a serial run"
    )
    pa.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="parse on a Dask cluster, e.g. tcp://host:8786 (needs the 'dask' extra)",
    )
    pa.add_argument("--max-bytes", type=int, default=None, help="skip files larger than this (default 20 MB)")
    pa.add_argument("--strict", action="store_true", help="exit with status 1 when any file is a problem")
    pa.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    cols = pa.add_argument_group(
        "columns", "which column of a table (CSV, TSV, Parquet) or key of a JSON record holds each field; "
        "without these, the usual names are tried (text/body/content/article_text, title/headline, "
        "published/date/publish_date/seendate, outlet/source/media_name/domain, url/link, id, language/lang)")
    for opt, fld, label in COLUMN_OPTIONS:
        cols.add_argument(opt, dest=f"col_{fld}", default=None, metavar="NAME", help=f"column of the {label}")


def _report_parser(sub: argparse._SubParsersAction) -> None:
    pr = sub.add_parser(
        "report",
        help="render every notebook on a corpus (executed .ipynb and .html)",
        description="Parse the corpus once, run every numbered notebook on its tables with papermill and "
        "write standalone HTML pages (offline; interactive charts), the executed notebooks, "
        "index.html (a summary of the corpus) and tables/ (every table to download).",
    )
    pr.add_argument("path", nargs="?", default=None, help="folder or file (default: the bundled seeds)")
    pr.add_argument("--out", required=True, help="output folder for the reports")
    pr.add_argument(
        "--notebooks", default=None, help="folder of notebooks (default: the project's notebooks/)"
    )
    pr.add_argument(
        "-p",
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extra notebook parameter, e.g. -p actor=FR (repeatable)",
    )
    pr.add_argument(
        "--cell-timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="stop with an error when one cell runs longer (default 600)",
    )
    pr.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="stop with an error when the whole report runs longer (default 3600)",
    )
    pr.add_argument(
        "--show-code", action="store_true", help="keep the code cells in the pages (hidden by default)"
    )
    pr.add_argument(
        "--jobs", type=int, default=None, help="notebooks run at once and parse processes (default 2)"
    )
    pr.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def _notebooks_parser(sub: argparse._SubParsersAction) -> None:
    pn = sub.add_parser(
        "notebooks",
        help="copy the notebooks into a folder to open them in JupyterLab",
        description="Copy the numbered notebooks that 'report' runs into DIR (files already there are kept), "
        "then e.g. `jupyter lab DIR`. Each notebook's first cell sets its parameters (corpus = None: the "
        "bundled seeds).",
    )
    pn.add_argument("dir", help="folder to copy the notebooks into (created if missing)")


def _fetch_parser(sub: argparse._SubParsersAction) -> None:
    pf = sub.add_parser(
        "fetch",
        help="download a list of URLs politely into a folder that 'parse' reads",
        description="Download every URL of a list (one a line, # comments) politely: robots.txt is obeyed, "
        "one request at a time per host with a pause between two, retries with backoff, timeouts, a size "
        "limit, HTML only. Main text and metadata (trafilatura) go to OUT/<host>/*.json, failures to "
        "OUT/fetch-problems.csv; running again skips what is there. Then: ukrsec parse OUT --out tables/",
    )
    pf.add_argument("urls", help="text file with one URL a line")
    pf.add_argument("--out", required=True, help="folder for the pages (also the cache)")
    pf.add_argument("--delay", type=float, default=1.0,
                    help="seconds between requests to one host (default 1)")
    pf.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for an answer (default 20)")
    pf.add_argument("--retries", type=int, default=2, help="retries after timeouts, 429 and 5xx (default 2)")
    pf.add_argument("--max-bytes", type=int, default=10 * 1024 * 1024,
                    help="largest page in bytes (default 10 MB)")
    pf.add_argument("--workers", type=int, default=4,
                    help="hosts fetched at once, one connection each (default 4)")
    pf.add_argument("--contact", default=None, metavar="EMAIL_OR_URL",
                    help="added to the user agent, so that site owners can reach you")
    pf.add_argument("--strict", action="store_true", help="exit with status 1 when any URL failed")
    pf.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


EXPORTS = ("positions", "shifts", "first_reports", "plover")


def _export_parser(sub: argparse._SubParsersAction) -> None:
    pe = sub.add_parser(
        "export",
        help="write an analysis table (positions, shifts, first reports) or PLOVER event records",
        description="Write positions over time (corpus.positions), shifts or first reports as CSV or "
        "Parquet, or the commitments as PLOVER-style event records (JSON lines: actor, recipient, event "
        "type, mode, date, source, evidence). PATH is a folder of tables written by 'ukrsec parse' "
        "(opened as is) or a folder or file of articles (parsed). See docs/positions.md.",
    )
    pe.add_argument("what", choices=EXPORTS, help="what to export")
    pe.add_argument("path", nargs="?", default=None,
                    help="tables or articles (default: the bundled seeds)")
    pe.add_argument("--out", required=True, help="output file (or folder: <what>.<format> inside it)")
    pe.add_argument("--format", choices=["csv", "parquet", "jsonl"], default=None,
                    help="csv or parquet for tables (default parquet); jsonl for plover (the default)")
    pe.add_argument("--period", choices=["day", "week", "month"], default="day",
                    help="period of positions and shifts (default day)")


def _export(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .analysis import export
    from .notebook import open_corpus

    fmt = args.format or ("jsonl" if args.what == "plover" else "parquet")
    if (args.what == "plover") != (fmt == "jsonl"):
        parser.error("plover records are written as jsonl; tables as csv or parquet")
    if args.path is not None and not Path(args.path).exists():
        parser.error(f"path not found: {args.path}")
    out = Path(args.out)
    if out.is_dir() or args.out.endswith(("/", "\\")):
        out = out / f"{args.what}.{fmt}"
    corpus = open_corpus(args.path)
    if args.what == "plover":
        records = export.plover_records(corpus.commitments, corpus.articles, corpus.actors)
        export.write_jsonl(records, out)
        print(f"{len(records)} event records ({len(corpus.commitments) - len(records)} commitments without "
              f"a PLOVER event type left out) -> {out}", file=sys.stderr)
        return 0
    if args.what == "first_reports":
        table = corpus.first_reports()
    else:
        table = getattr(corpus, args.what)(period=args.period)
    export.write_table(table, out, fmt)
    print(f"{len(table)} rows of {args.what} -> {out}", file=sys.stderr)
    return 0


def _fetch(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .fetch import FetchOptions, fetch

    if not Path(args.urls).is_file():
        parser.error(f"URL list not found: {args.urls}")
    if args.delay < 0 or args.timeout <= 0 or args.retries < 0 or args.max_bytes < 1 or args.workers < 1:
        parser.error("--delay and --retries must be >= 0, --timeout, --max-bytes and --workers > 0")
    if Path(args.out).exists() and not Path(args.out).is_dir():
        parser.error(f"--out must be a folder, but {args.out} is a file")
    opts = FetchOptions(delay=args.delay, timeout=args.timeout, retries=args.retries,
                        max_bytes=args.max_bytes, contact=args.contact, workers=args.workers,
                        progress=not args.quiet and sys.stderr.isatty())
    result = fetch(args.urls, args.out, opts)
    for row in result.problems:
        print(f"problem: {row['source_path']}: {row['problem']}", file=sys.stderr)
    print(f"{len(result.fetched)} fetched, {len(result.cached)} already there, "
          f"{len(result.problems)} problems -> {args.out} (next: ukrsec parse {args.out} --out tables/)",
          file=sys.stderr)
    return 1 if args.strict and result.problems else 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``ukrsec`` console script."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    if args.command == "parse":
        return _parse(args, parser)
    if args.command == "fetch":
        return _fetch(args, parser)
    if args.command == "export":
        return _export(args, parser)
    if args.command == "notebooks":
        return _notebooks(args, parser)
    return _report(args, parser)


def _check_parse_args(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Exit with a usage error for a missing path, a bad number or an --out that is a file."""
    if args.path is not None and not _is_url(args.path) and not Path(args.path).exists():
        parser.error(f"path not found: {args.path}")
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.max_bytes is not None and args.max_bytes < 1:
        parser.error("--max-bytes must be a positive number of bytes")
    if Path(args.out).exists() and not Path(args.out).is_dir():
        parser.error(f"--out must be a folder, but {args.out} is a file")


def _dask_client(args: argparse.Namespace, parser: argparse.ArgumentParser) -> object | None:
    """A ``distributed.Client`` for --scheduler, or None."""
    if not args.scheduler:
        return None
    try:
        from distributed import Client
    except ImportError:
        parser.error("--scheduler needs dask.distributed: pip install 'ukrsec[dask]'")
    return Client(args.scheduler)


def _parse(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .corpus import load_corpus
    from .load import DEFAULT_MAX_BYTES, ColumnError
    from .load.remote import is_url

    _check_parse_args(args, parser)
    client = _dask_client(args, parser)
    stream = args.format == "parquet" and not is_url(args.out)  # tables written batch by batch
    try:
        corpus = load_corpus(
            args.path,
            jobs=args.jobs,
            client=client,
            max_bytes=args.max_bytes if args.max_bytes is not None else DEFAULT_MAX_BYTES,
            progress=not args.quiet and sys.stderr.isatty(),
            out=args.out if stream else None,
            **{fld: getattr(args, f"col_{fld}") for _, fld, _ in COLUMN_OPTIONS},
        )
    except ColumnError as e:
        print(f"ukrsec parse: {e}", file=sys.stderr)
        return 2
    finally:
        if client is not None:
            client.close()
    out = args.out if stream else corpus.save(args.out, format=args.format)
    for row in corpus.problems.itertuples():
        print(f"problem: {row.source_path}: {row.problem}", file=sys.stderr)
    n = corpus.rows
    print(
        f"{n('articles')} articles, {n('sentences')} sentences, {n('mentions')} mentions, "
        f"{n('events')} events, {n('commitments')} commitments, {n('quotes')} quotes, "
        f"{n('problems')} problems -> {out}",
        file=sys.stderr,
    )
    return 1 if args.strict and len(corpus.problems) else 0


def _report(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .report import ReportError, render_reports

    params: dict[str, str] = {}
    for item in args.param:
        if "=" not in item:
            parser.error(f"--param expects NAME=VALUE, got {item!r}")
        k, v = item.split("=", 1)
        params[k.strip()] = v
    if args.path is not None and not Path(args.path).exists():
        parser.error(f"path not found: {args.path}")
    if Path(args.out).exists() and not Path(args.out).is_dir():
        parser.error(f"--out must be a folder, but {args.out} is a file")
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    limits = {}
    for name in ("cell_timeout", "timeout"):
        value = getattr(args, name)
        if value is not None:
            if value <= 0:
                parser.error(f"--{name.replace('_', '-')} must be a positive number of seconds")
            limits[name] = value
    try:
        index = render_reports(
            args.path, args.out, notebooks=args.notebooks, params=params, jobs=args.jobs,
            show_code=args.show_code, progress=not args.quiet, **limits,
        )
    except ReportError as e:
        print(f"ukrsec report: {e}", file=sys.stderr)
        return 1
    print(f"open {index.resolve()}", file=sys.stderr)
    return 0


def _notebooks(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .report import ReportError, copy_notebooks, list_notebooks

    if Path(args.dir).exists() and not Path(args.dir).is_dir():
        parser.error(f"{args.dir} is a file, not a folder")
    try:
        copied = copy_notebooks(args.dir)
        names = [p.name for p in list_notebooks()]
    except ReportError as e:
        print(f"ukrsec notebooks: {e}", file=sys.stderr)
        return 1
    kept = len(names) - len(copied)
    print(f"{len(copied)} notebook(s) copied to {args.dir}" + (f", {kept} already there kept" if kept else "")
          + f"; open them with: jupyter lab {args.dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
