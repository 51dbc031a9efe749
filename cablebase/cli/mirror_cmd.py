"""``cablebase mirror --out DIR``: the public site as static files with their own search."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from cablebase.cli.common import NoArchiveError, add_db_option, no_archive_message, open_archive


def register(sub: argparse._SubParsersAction) -> None:
    mirror = sub.add_parser(
        "mirror",
        help="write the whole public site as static files (a mirror) with a browser search",
        description=(
            "Render every public page (cables, browse pages, explainers, Atom feeds, JSON "
            "records) into DIR, with links that work from any static file server and a "
            "Pagefind search index. A second run renders only the pages whose inputs "
            "changed and writes only the files whose bytes changed; what it needs to know "
            "is kept beside DIR (DIR.manifest.json)."
        ),
    )
    add_db_option(mirror)
    mirror.add_argument("--out", required=True, metavar="DIR", help="output directory")
    mirror.add_argument(
        "--base-url",
        default="",
        metavar="URL",
        help="the live site (https://...): comment forms become links to it, feeds point at it",
    )
    mirror.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="rendering processes (default: one per CPU)",
    )
    mirror.add_argument(
        "--no-search", action="store_true", help="skip the Pagefind index (faster, no search)"
    )
    mirror.add_argument(
        "--full",
        action="store_true",
        help="render every page again, not only those whose inputs changed (after a change "
        "of settings); files whose bytes are the same are still not rewritten",
    )
    mirror.set_defaults(handler=cmd_mirror)


def _megabytes(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


def cmd_mirror(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
    from rich.table import Table

    if args.base_url and not args.base_url.startswith(("http://", "https://")):
        print("cablebase mirror: --base-url must start with http:// or https://", file=sys.stderr)
        return 2
    try:
        open_archive(args, migrate=False)
    except NoArchiveError as exc:
        print(f"cablebase mirror: {no_archive_message(str(exc))}", file=sys.stderr)
        return 2
    from cablebase.mirror.build import build_mirror

    console = Console(stderr=True, highlight=False)
    columns = (TextColumn("rendering"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("pages", total=None)
        report = build_mirror(
            Path(args.out),
            base_url=args.base_url,
            workers=max(1, args.workers),
            search=not args.no_search,
            full=args.full,
            progress=lambda n: progress.advance(task, n),
        )
    tally = report.tally
    table = Table(title=f"mirror in {report.out}", show_header=False)
    for kind, n in sorted(tally.kinds.items()):
        table.add_row(kind, f"{n:,}")
    table.add_row("rendered", f"{report.pages:,} (new, or their inputs changed)")
    table.add_row("not rendered", f"{report.skipped:,} (inputs unchanged since the last build)")
    table.add_row(
        "build rate",
        f"{report.pages_per_second:,.0f} pages/s ({report.documents:,} in "
        f"{report.render_seconds:.1f} s, {report.render_cpu_seconds:.0f} s of processor time)",
    )
    if report.index_skipped:
        table.add_row("search index", "kept (no cable page changed)")
    elif report.index_seconds:
        table.add_row("search index", f"{report.index_seconds:.1f} s (Pagefind)")
    table.add_row("files written", f"{tally.written:,}")
    table.add_row("files unchanged", f"{tally.unchanged:,}")
    table.add_row("files removed", f"{tally.removed:,}")
    table.add_row("total size", _megabytes(tally.bytes))
    if report.raw_text_bytes:
        ratio = tally.bytes / report.raw_text_bytes
        raw = _megabytes(report.raw_text_bytes)
        table.add_row("raw cable text", f"{raw} (the mirror is {ratio:.1f}x)")
    Console(highlight=False).print(table)
    for address, status in report.failed[:20]:
        console.print(f"[red]failed[/] {address} (HTTP {status})")
    return 1 if report.failed else 0
