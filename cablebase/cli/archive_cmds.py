"""Archive commands: ingest, show, export, stats, quarantine.

Exit codes: 0 success, 1 some inputs failed or nothing found, 2 usage errors
(a malformed query, a missing path, a bad database URL).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from cablebase.cli.common import add_db_option, cable_or_report
from cablebase.cli.common import err as _err
from cablebase.cli.common import open_or_report as _open


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="store cables from files, directories, archives, bulk CSV")
    p.add_argument("paths", nargs="+", metavar="PATH")
    add_db_option(p)
    p.add_argument("--workers", type=int, default=None, help="parse processes (0: in-process)")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="parse on a Dask cluster")
    p.add_argument("--batch-size", type=int, default=500, help="records per transaction")
    p.add_argument("--json", action="store_true", help="print the run report as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--no-source-bytes",
        action="store_true",
        help="keep only hash, path and size of source files, not their bytes",
    )
    p.set_defaults(handler=cmd_ingest)

    p = sub.add_parser("show", help="print one cable")
    p.add_argument("reference_id", metavar="ID")
    add_db_option(p)
    p.add_argument("--json", action="store_true", help="the record as JSON")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("export", help="export all cables or a query's hits")
    p.add_argument("query", nargs="?", default=None, metavar="QUERY")
    add_db_option(p)
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("stats", help="numbers about the archive")
    add_db_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("quarantine", help="list inputs that failed to ingest, with reasons")
    add_db_option(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=200)
    p.set_defaults(handler=cmd_quarantine)


def _console(stderr: bool = False):  # -> rich.console.Console
    from rich.console import Console

    return Console(file=sys.stderr if stderr else sys.stdout, highlight=False)


# -- ingest ---------------------------------------------------------------------------------
def cmd_ingest(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        for path in missing:
            _err(f"{path}: no such file or directory")
        return 2
    if args.batch_size < 1:
        _err("--batch-size must be at least 1")
        return 2
    if not _open(args, create=True):
        return 2
    from cablebase.archive.ingest import ingest
    from cablebase.archive.pipeline import make_executor
    from cablebase.cli.ingest_display import IngestProgress, render_table

    try:
        executor, closer = make_executor(args.workers, args.scheduler)
    except OSError as exc:
        _err(f"cannot reach the Dask scheduler {args.scheduler}: {exc}")
        return 2
    command = "cablebase ingest " + " ".join(str(p) for p in args.paths)
    try:
        with IngestProgress(
            enabled=not args.quiet and not args.json and sys.stderr.isatty()
        ) as bar:
            report = ingest(
                args.paths,
                executor=executor,
                batch_size=args.batch_size,
                on_progress=bar.advance,
                command=command,
                keep_bytes=not args.no_source_bytes,
            )
    finally:
        if hasattr(closer, "close"):  # a Dask client
            closer.close()
        elif closer is not None:  # a process pool
            closer.shutdown(cancel_futures=True)
    if args.json:
        print(json.dumps(report.__dict__ | {"cables": report.cables}, indent=2))
    else:
        console = _console()
        console.print(render_table(report))
        for message in report.errors[:10]:
            console.print(f"[red]failed[/red] {message}", markup=True)
        if report.failed > 10:
            console.print(f"… and {report.failed - 10} more: see `cablebase quarantine`")
    return 1 if report.failed else 0


# -- show -----------------------------------------------------------------------------------
def cmd_show(args: argparse.Namespace) -> int:
    if not _open(args):
        return 2
    cable = cable_or_report(args.reference_id)
    if cable is None:
        return 1
    if args.json:
        from cablebase.archive.record_rows import record_from_cable

        print(json.dumps(record_from_cable(cable).to_dict(), indent=2, ensure_ascii=False))
        return 0
    # Read from the row itself: the record form would import the whole parser (0.1 s).
    from rich.markup import escape

    from cablebase.archive.utc import iso_utc

    console = _console()
    console.print(f"[bold]{cable.reference_id}[/bold]  {escape(cable.subject)}")
    by = (cable.classified_by_name, cable.classified_by_title)
    declassify = cable.declassify_on.isoformat() if cable.declassify_on else cable.declassify_rule
    for label, value in (
        ("origin", cable.origin),
        ("created", iso_utc(cable.created)),
        ("released", iso_utc(cable.released)),
        ("classification", cable.classification),
        ("classified by", ", ".join(x for x in by if x)),
        ("reasons", ", ".join(cable.reasons or [])),
        ("declassify", declassify),
        ("precedence", cable.precedence),
        ("tags", " ".join(cable.tag_list)),
        ("versions", str(cable.version_count)),
    ):
        if value:
            console.print(f"[dim]{label:>14}[/dim]  {escape(str(value))}")
    console.print()
    console.print(escape(cable.body))
    return 0


# -- export ---------------------------------------------------------------------------------
def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if not out.parent.exists():
        _err(f"{out.parent}: no such directory")
        return 2
    if not _open(args):
        return 2
    from cablebase.archive.export import export
    from cablebase.archive.query import QueryError
    from cablebase.cli.search_cmds import report_query_error

    try:
        count = export(args.query, args.format, out)
    except QueryError as exc:
        report_query_error(args.query or "", exc)
        return 2
    print(f"{count} cables written to {out} ({args.format})", file=sys.stderr)
    return 0


# -- stats, quarantine ----------------------------------------------------------------------
def cmd_stats(args: argparse.Namespace) -> int:
    if not _open(args):
        return 2
    from cablebase.archive.stats import archive_stats

    stats = archive_stats()
    if args.json:
        print(json.dumps(stats, indent=2, ensure_ascii=False))
        return 0
    from rich.table import Table

    table = Table(show_header=False, title="cablebase archive")
    for key, value in stats.items():
        if isinstance(value, dict):
            value = _breakdown(key, value, stats["cables"])
        table.add_row(key.replace("_", " "), "" if value is None else str(value))
    _console().print(table)
    return 0


def _breakdown(key: str, counts: dict[str, Any], cables: int) -> str:
    """Every entry (every year, in order); the top origins end with what the others hold."""
    shown = ", ".join(f"{k}: {v}" for k, v in counts.items())
    if key == "top_origins":
        rest = cables - sum(counts.values())
        if rest > 0:
            shown += f", others: {rest}"
    return shown


def cmd_quarantine(args: argparse.Namespace) -> int:
    if not _open(args):
        return 2
    from cablebase.archive.models import Quarantine
    from cablebase.archive.utc import iso_utc

    rows = list(Quarantine.objects.order_by("-created", "path")[: max(args.limit, 1)])
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "path": q.path,
                        "line": q.line,
                        "sha256": q.sha256 or None,
                        "format": q.format or None,
                        "reason": q.reason,
                        "run": q.run_id,
                        "created": iso_utc(q.created),
                    }
                    for q in rows
                ],
                indent=2,
            )
        )
        return 0
    if not rows:
        print("quarantine is empty")
        return 0
    # One line per entry, path first: greppable, and never wrapped mid-path.
    print(f"{len(rows)} quarantined inputs")
    for q in rows:
        where = q.path if q.line is None else f"{q.path}:{q.line}"
        print(f"{where}\t{q.reason}")
    return 0
