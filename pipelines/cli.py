"""The `chanjiao` command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipelines import settings

FACT_KEYS = (
    "quote",
    "char_start",
    "char_end",
    "number_text",
    "value",
    "unit_text",
    "normalized_value",
    "base_unit",
    "qualifier",
    "indicator_code",
)


def _is_gold_or_manifest(f: Path) -> bool:
    """A CSV whose header names a `file` column is gold or a manifest about reports, not a report."""
    if f.suffix.lower() != ".csv":
        return False
    with f.open("rb") as fh:
        head = fh.readline(4096).decode("utf-8-sig", errors="replace").strip().lower()
    return head.split(",")[0] == "file"


def _expand(paths: list[str]) -> list[tuple[str, Path]]:
    """Files named, and the report files of folders named: a folder's other files (gold CSVs,
    manifests, notes) are not reports and are skipped."""
    from pipelines.ingest.intake import SUPPORTED_SUFFIXES

    out = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            out += [
                (str(f), f)
                for f in sorted(p.iterdir())
                if f.is_file()
                and not f.name.startswith(".")
                and f.suffix.lower() in SUPPORTED_SUFFIXES
                and not _is_gold_or_manifest(f)
            ]
        else:
            out.append((given, p))
    return out


def cmd_extract(args: argparse.Namespace) -> int:
    from pipelines.ingest.decode import DecodeError
    from pipelines.ingest.formats import Locator
    from pipelines.ingest.reports import facts_of_file

    status = 0
    rows = []
    for given, path in _expand(args.paths):
        try:
            report, facts = facts_of_file(path)
        except (OSError, DecodeError) as exc:
            print(f"chanjiao extract: {given}: {exc}", file=sys.stderr)
            status = 1
            continue
        if args.explain:
            from pipelines.extract.extractor import rejected_numbers
            from pipelines.ingest.reports import read_report

            for span, reason in rejected_numbers(read_report(path.read_bytes(), path.name).text):
                print(f"{Path(given).name}\tnot a fact\t{span}\t{reason}", file=sys.stderr)
        where_is = Locator(report.decoded.locations)
        for f in facts:
            row = {"source": given, **{k: getattr(f, k) for k in FACT_KEYS}, "subject": f.subject, "about": f.about}
            if report.decoded.locations:  # PDF, DOCX, XLSX, CSV: the page, cell and year column
                where = where_is(f.char_start, f.char_end, f.number_text, report.text)
                row |= {"page": where.page, "cell": where.cell, "period": where.period}
            rows.append(row)
            if args.format == "jsonl":
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    if args.format == "table":
        print("file\tquote\tnormalized_value\tbase_unit\tqualifier\tindicator_code")
        for r in rows:
            print(
                f"{Path(r['source']).name}\t{r['quote']}\t{r['normalized_value']}\t{r['base_unit']}\t"
                f"{r['qualifier']}\t{r['indicator_code']}"
            )
        print(f"{len(rows)} facts", file=sys.stderr)
    return status


def cmd_evaluate(args: argparse.Namespace) -> int:
    from pipelines.devtools.evaluate import predictions, read_gold, report, score

    gold = read_gold([Path(g) for g in args.gold])
    wanted = {g["file"] for g in gold}
    result = score(gold, predictions(path for _, path in _expand(args.reports) if path.name in wanted))
    print(report(result, verbose=args.verbose))
    if args.min_f1 is not None and result.f1 < args.min_f1:
        return 1
    return 0


def cmd_refresh(args: argparse.Namespace) -> int:
    from pipelines.steps import NoReportsError, check_inbox

    try:  # a mistyped inbox is caught before anything starts
        check_inbox(settings.Paths(inbox=args.inbox).inbox_dir)
        settings.max_shrink()
    except (NoReportsError, ValueError) as exc:
        print(f"chanjiao refresh: {exc}; nothing was published", file=sys.stderr)
        return 2
    from assets.run import refresh  # the orchestrated job lives with the code location

    ok = refresh(
        inbox=args.inbox,
        published=args.published,
        allow_shrink=args.allow_shrink,
        rebuild=args.rebuild,
        verbose=args.verbose,
    )
    return 0 if ok else 1


def cmd_fetch(args: argparse.Namespace) -> int:
    from pipelines.ingest.fetch import SourcesError, fetch_from_file

    sources = args.sources or settings.sources_file()
    if args.sources and not args.sources.exists():
        print(f"chanjiao fetch: {args.sources}: no such file", file=sys.stderr)
        return 2
    from pipelines.signals import interrupt_on_sigterm

    try:
        with interrupt_on_sigterm():
            summary = fetch_from_file(sources, settings.data_dir())
    except SourcesError as exc:
        print(f"chanjiao fetch: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("chanjiao fetch: stopped; the fetch index is as it was", file=sys.stderr)
        return 130
    for url in summary.fetched:
        print(f"fetched       {url}", file=sys.stderr)
    for url in summary.not_modified:
        print(f"not modified  {url}", file=sys.stderr)
    for url, reason in summary.failed.items():
        print(f"FAILED        {url}: {reason}", file=sys.stderr)
    for url in summary.removed:
        print(f"removed       {url} (no longer in {sources})", file=sys.stderr)
    print(
        f"{len(summary.outcomes)} sources: {len(summary.fetched)} fetched, {len(summary.not_modified)} not "
        f"modified, {len(summary.failed)} failed",
        file=sys.stderr,
    )
    return 1 if summary.failed else 0


def cmd_ui(args: argparse.Namespace) -> int:
    from assets.ui import run_ui

    return run_ui(port=args.port)


def _size(n: int | None) -> str:
    if n is None:
        return "?"
    for unit in ("B", "KiB", "MiB"):
        if n < 1024:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GiB"


def _source(given: str | None) -> str:
    from pipelines.publish.download import normalise_source

    return normalise_source(given or str(settings.published_dir()))


def cmd_datasets_list(args: argparse.Namespace) -> int:
    from pipelines.publish.download import DownloadError, list_versions

    try:
        source = _source(args.source)
        rows = list_versions(source)
    except DownloadError as exc:
        print(f"chanjiao datasets list: {exc}", file=sys.stderr)
        return 1
    if not rows:
        print(f"no datasets in {source}", file=sys.stderr)
        return 0
    print("dataset\tversion\tlatest\tcreated\tsize\trows")
    for r in rows:
        counts = " ".join(f"{t}={n}" for t, n in sorted(r["rows"].items()))
        print(
            f"{r['dataset']}\t{r['version']}\t{'latest' if r['latest'] else '-'}\t{r['created'] or '?'}\t"
            f"{_size(r['bytes'])}\t{counts}"
        )
    return 0


def cmd_download(args: argparse.Namespace) -> int:
    from pipelines.publish.download import DownloadError, download, interrupt_on_sigterm

    if args.to is not None and args.to.exists() and not args.to.is_dir():
        print(f"chanjiao download: --to {args.to} is a file, not a folder", file=sys.stderr)
        return 2
    try:
        source = _source(args.source)
        with interrupt_on_sigterm():
            result = download(args.dataset, source, version=args.version, fmt=args.format, target=args.to)
    except (DownloadError, OSError) as exc:
        print(f"chanjiao download: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("chanjiao download: stopped; partial files removed", file=sys.stderr)
        return 130
    for f in result.files:
        lister = "catalog.json" if f.name == "SHA256SUMS" else "SHA256SUMS"
        state = f"NOT VERIFIED (no hash in {lister})" if f.name in result.unverified else "verified"
        print(f"{state:<9} {f.name}", file=sys.stderr)
    verified = len(result.files) - len(set(result.unverified) & {f.name for f in result.files})
    print(
        f"{args.dataset} {result.version} ({args.format}): {verified} of {len(result.files)} files verified, "
        f"saved in {result.path}",
        file=sys.stderr,
    )
    print(result.path)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from pipelines.publish.serve import serve

    root = args.dir or settings.published_dir()
    if not root.is_dir():
        print(f"chanjiao serve: {root}: no such folder (run `chanjiao refresh` first)", file=sys.stderr)
        return 2

    def ready(server) -> None:
        host, port = server.server_address[:2]
        print(f"serving {root} on http://{host}:{port}/ (Ctrl-C stops)", file=sys.stderr, flush=True)

    try:
        serve(root, args.port, on_ready=ready)
    except OSError as exc:
        print(f"chanjiao serve: port {args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print("serve: stopped", file=sys.stderr)
    return 0


class Parser(argparse.ArgumentParser):
    """Usage mistakes as one line (the program and the problem), exit status 2."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


def port(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"port {n} is out of range (1-65535)")
    return n


def build_parser() -> argparse.ArgumentParser:
    ap = Parser(prog="chanjiao", description="Industry–education integration open data.")
    sub = ap.add_subparsers(dest="command", required=True, parser_class=Parser)

    p = sub.add_parser("refresh", help="run the main job: every asset, ending in a published release")
    p.add_argument("--inbox", type=Path, default=None, help=f"raw reports folder (default {settings.DEFAULT_INBOX})")
    p.add_argument("--published", type=Path, default=None, help="release folder (default published/)")
    p.add_argument(
        "--allow-shrink",
        action="store_true",
        help="publish even when the release removes more of the previous facts than CHANJIAO_MAX_SHRINK "
        f"(default {round(settings.DEFAULT_MAX_SHRINK * 100)}%%) allows",
    )
    p.add_argument(
        "--rebuild",
        action="store_true",
        help="run every step even when the inputs (inbox, manifest, fetched snapshots, code) are those "
        "the latest release was built from",
    )
    p.add_argument("--verbose", "-v", action="store_true", help="print the full Dagster log, not only progress")
    p.set_defaults(func=cmd_refresh)

    p = sub.add_parser("extract", help="facts from report files, touching nothing else")
    p.add_argument("paths", nargs="+", help="report files or folders")
    p.add_argument("--format", choices=("jsonl", "table"), default="table")
    p.add_argument(
        "--explain", action="store_true", help="also list, on stderr, the numbers held not to be facts and why"
    )
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("evaluate", help="precision, recall, F1, qualifier and code accuracy against gold")
    p.add_argument("--gold", nargs="+", required=True, help="gold CSV files or folders of them")
    p.add_argument("--reports", nargs="+", required=True, help="report files or folders")
    p.add_argument("--verbose", "-v", action="store_true", help="list missed, spurious and mislabelled facts")
    p.add_argument("--min-f1", type=float, default=None, help="exit 1 when F1 falls below this")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("fetch", help="fetch the report URLs of sources.yaml into the snapshot store")
    p.add_argument(
        "--sources",
        type=Path,
        default=None,
        help=f"YAML list of report URLs (default $CHANJIAO_SOURCES or {settings.DEFAULT_SOURCES.name})",
    )
    p.set_defaults(func=cmd_fetch)

    p = sub.add_parser("ui", help="the orchestration UI (webserver and daemon) on 127.0.0.1")
    p.add_argument("--port", type=port, default=3000)
    p.set_defaults(func=cmd_ui)

    p = sub.add_parser("datasets", help="published datasets and their versions")
    dsub = p.add_subparsers(dest="datasets_command", required=True)
    q = dsub.add_parser("list", help="every dataset version in a catalogue, the latest marked")
    q.add_argument(
        "--from",
        dest="source",
        default=None,
        metavar="DIR_OR_URL",
        help="a published/ folder or the http(s) URL of one (default $CHANJIAO_PUBLISHED or published/)",
    )
    q.set_defaults(func=cmd_datasets_list)

    p = sub.add_parser("download", help="download a dataset version, every file verified by its sha256 and size")
    p.add_argument("dataset")
    p.add_argument("--version", default=None, help="MAJOR.MINOR.PATCH or latest (default: the latest)")
    p.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    p.add_argument(
        "--from",
        dest="source",
        default=None,
        metavar="DIR_OR_URL",
        help="a published/ folder or the http(s) URL of one (default $CHANJIAO_PUBLISHED or published/)",
    )
    p.add_argument("--to", type=Path, default=None, help="target folder (default ./DATASET-VERSION)")
    p.set_defaults(func=cmd_download)

    p = sub.add_parser("serve", help="serve the published folder over HTTP on 127.0.0.1")
    p.add_argument("--port", type=port, default=8000)
    p.add_argument("--dir", type=Path, default=None, help="folder to serve (default $CHANJIAO_PUBLISHED or published/)")
    p.set_defaults(func=cmd_serve)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
