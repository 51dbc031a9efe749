"""Search commands: search, similar, reindex.

Exit codes: 0 success, 1 nothing found, 2 usage errors (a malformed query, an
unknown cable, a search index that cannot be used).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cablebase.cli.common import add_db_option, cable_or_report
from cablebase.cli.common import err as _err
from cablebase.cli.common import open_or_report as _open


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="search the archive (see docs/search.md)")
    p.add_argument("query", metavar="QUERY")
    add_db_option(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=20, help="hits per page")
    p.add_argument("--page", type=int, default=1)
    p.add_argument("--sort", choices=("relevance", "date", "-date"), default="relevance")
    p.add_argument("--facets", action="store_true", help="also print facet counts")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("similar", help="the cables most like one cable, by their text")
    p.add_argument("reference_id", metavar="ID")
    add_db_option(p)
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_similar)

    p = sub.add_parser("reindex", help="rebuild the search index from the store")
    add_db_option(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(handler=cmd_reindex)


def _console():  # -> rich.console.Console
    from rich.console import Console

    return Console(highlight=False)


def report_query_error(query: str, exc: Any) -> None:
    """The parser's message and a caret under the place it points at."""
    _err(f"bad query: {exc.message}")
    if len(query) <= 200:
        print(f"  {query}\n  {' ' * exc.position}^", file=sys.stderr)


def rich_snippet(snippet: Any):  # -> rich.text.Text
    """A snippet's text with its matches in bold: rich styles spans, no markup to escape."""
    from rich.text import Text

    text = Text(snippet.text)
    for start, end in snippet.spans:
        text.stylize("bold yellow", start, end)
    return text


def _date(cable: Any) -> str:
    return cable.created.strftime("%Y-%m-%d") if cable.created else "????-??-??"


def _tags(cable: Any) -> list[str]:
    return cable.tag_list


def _hit_json(hit: Any) -> dict[str, Any]:
    from cablebase.archive.utc import iso_utc

    c = hit.cable
    return {
        "reference_id": hit.reference_id,
        "created": iso_utc(c.created),
        "origin": c.origin or None,
        "classification": c.classification or None,
        "subject": c.subject or None,
        "tags": _tags(c),
        "score": round(hit.score, 4),
        "snippet": hit.snippet.text,
        "highlights": [list(span) for span in hit.snippet.spans],
    }


def cmd_search(args: argparse.Namespace) -> int:
    if not _open(args):
        return 2
    from cablebase.archive.search import QueryError, SearchIndexError, search

    try:
        result = search(
            args.query, page=args.page, per_page=args.limit, sort=args.sort, facets=args.facets
        )
    except QueryError as exc:
        report_query_error(args.query, exc)
        return 2
    except SearchIndexError as exc:
        _err(str(exc))
        return 2
    if args.json:
        out = {
            "query": result.query,
            "total": result.total,
            "page": result.page,
            "pages": result.pages,
            "per_page": result.per_page,
            "hits": [_hit_json(h) for h in result.hits],
        }
        if args.facets:
            out["facets"] = {k: [list(p) for p in v] for k, v in result.facets.items()}
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0 if result.total else 1
    _print_hits(result, args.facets)
    return 0 if result.total else 1


def _print_hits(result: Any, facets: bool) -> None:
    from rich.markup import escape

    console = _console()
    console.print(f"{result.total} cables, page {result.page} of {result.pages}")
    for hit in result.hits:
        c = hit.cable
        console.print(
            f"[bold]{hit.reference_id}[/bold]  {_date(c)}  {escape(c.origin)}  "
            f"[dim]{escape(c.classification)}[/dim]"
        )
        if c.subject:
            console.print(f"  {escape(c.subject)}")
        console.print("  ", rich_snippet(hit.snippet), sep="")
    if facets:
        for name, values in result.facets.items():
            shown = ", ".join(f"{escape(str(v))} ({n})" for v, n in values[:10])
            console.print(f"[bold]{name}[/bold]: {shown}")


def cmd_similar(args: argparse.Namespace) -> int:
    if not _open(args):
        return 2
    from cablebase.archive.search import SearchIndexError, similar

    cable = cable_or_report(args.reference_id)
    if cable is None:
        return 2
    try:
        found = similar(cable, limit=max(1, min(args.limit, 100)))
    except SearchIndexError as exc:
        _err(str(exc))
        return 2
    if args.json:
        from cablebase.archive.utc import iso_utc

        out = [
            {
                "reference_id": s.reference_id,
                "created": iso_utc(s.cable.created),
                "origin": s.cable.origin or None,
                "subject": s.cable.subject or None,
                "score": round(s.score, 4),
            }
            for s in found
        ]
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0 if found else 1
    from rich.markup import escape

    console = _console()
    console.print(f"cables like [bold]{cable.reference_id}[/bold]  {escape(cable.subject)}")
    for s in found:
        console.print(
            f"[bold]{s.reference_id}[/bold]  {_date(s.cable)}  {escape(s.cable.origin)}  "
            f"{escape(s.cable.subject)}"
        )
    return 0 if found else 1


def cmd_reindex(args: argparse.Namespace) -> int:
    if not _open(args):
        return 2
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from cablebase.archive.search import IndexBusy, SearchIndexError, index_dir, reindex

    show = not args.quiet and sys.stderr.isatty()
    columns = ("Indexing", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    try:
        stderr = Console(stderr=True)
        with Progress(*columns, console=stderr, disable=not show, transient=True) as bar:
            task = bar.add_task("index", total=None)
            count = reindex(lambda done, total: bar.update(task, completed=done, total=total))
    except IndexBusy as exc:
        _err(f"{exc}: wait for the ingest or reindex to finish")
        return 2
    except SearchIndexError as exc:
        _err(str(exc))
        return 2
    print(f"{count} cables indexed in {index_dir()}", file=sys.stderr)
    return 0
