"""``cablebase parse PATH...``: print the record(s) of cable files.

JSON (``--json``: one object, or an array for several), JSON Lines
(``--jsonl``: one record a line, the form for CSV distributions) or a
readable summary (default, with rich). ``-`` reads standard input. Exit 0
when every input parsed, 1 when some failed (each failure on stderr as
``path:line: reason`` while the others still print), 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

from cablebase.parse import (
    FORMATS,
    CableRecord,
    Context,
    ParseError,
    detect_format,
    parse_csv_stream,
    parse_document,
    parse_path,
)
from cablebase.parse.ids import split_id


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "parse",
        help="parse cable files and print their records",
        description="Parse cables (bare telegrams, reposts, cable-viewer pages, the bulk CSV).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files to parse; - reads stdin")
    p.add_argument("--format", default="auto", choices=("auto", *FORMATS))
    p.add_argument("--reference-id", metavar="ID", help="id of the cable a fragment comes from")
    p.add_argument("--year", type=int, metavar="YYYY", help="year of the cable a fragment is from")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print JSON")
    out.add_argument("--jsonl", action="store_true", help="print one JSON record per line")
    p.set_defaults(handler=handle)


def _records(args: argparse.Namespace, context: Context) -> Iterator[CableRecord | ParseError]:
    for path in args.paths:
        if path == "-":
            yield from _stdin(args.format, context)
        else:
            yield from parse_path(path, format=args.format, context=context)


def _stdin(fmt: str, context: Context) -> Iterator[CableRecord | ParseError]:
    """Standard input: one cable, or a CSV distribution streamed row by row."""
    stream = sys.stdin.buffer
    head = stream.peek(65536)[:65536] if hasattr(stream, "peek") else b""
    try:
        detected = detect_format(head, "<stdin>") if fmt == "auto" and head else fmt
    except ParseError as exc:
        yield exc
        return
    if detected == "cables-csv":
        yield from parse_csv_stream(stream, path="<stdin>", context=context)
        return
    try:
        yield parse_document(stream.read(), path="<stdin>", format=fmt, context=context)
    except ParseError as exc:
        yield exc


def handle(args: argparse.Namespace) -> int:
    if args.year is not None and not 1900 <= args.year <= 2100:
        print(f"cablebase parse: --year {args.year} is not a year (YYYY)", file=sys.stderr)
        return 2
    if args.reference_id and split_id(args.reference_id) is None:
        print(
            f"cablebase parse: --reference-id {args.reference_id!r} is not a reference id "
            "(like 06MOSCOW1323)",
            file=sys.stderr,
        )
        return 2
    context = Context(
        reference_id=args.reference_id.upper() if args.reference_id else None, year=args.year
    )
    failed = 0
    collected: list[dict] = []
    console = None
    if not (args.json or args.jsonl):
        from rich.console import Console

        console = Console(highlight=False, soft_wrap=True)
    for item in _records(args, context):
        if isinstance(item, ParseError):
            failed += 1
            print(str(item), file=sys.stderr)
            continue
        if args.jsonl:
            sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        elif args.json:
            collected.append(item.to_dict())
        else:
            _summary(console, item)
    if args.json:
        payload = collected[0] if len(collected) == 1 and len(args.paths) == 1 else collected
        if collected or not failed:
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()
    return 1 if failed else 0


def _summary(console, r: CableRecord) -> None:  # type: ignore[no-untyped-def]
    """A readable summary: identity, header fields, paragraph count, warnings."""
    from rich.markup import escape
    from rich.table import Table

    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()

    def row(label: str, value: object) -> None:
        if value not in (None, "", []):
            table.add_row(label, escape(str(value)))

    row("reference id", r.reference_id)
    row("origin", f"{r.origin or '?'} ({r.origin_code})" if r.origin_code else r.origin)
    row("created", r.created)
    row("released", r.released)
    row("classification", r.classification)
    row("caveats", ", ".join(r.caveats))
    row("precedence", r.precedence)
    row("dtg", r.dtg)
    row("from", r.sender)
    row("to", "; ".join(x.name for x in r.recipients))
    row("info", "; ".join(x.name for x in r.info_recipients))
    row("subject", r.subject)
    row("tags", ", ".join(r.tags))
    if r.classified_by:
        row(
            "classified by",
            ", ".join(x for x in (r.classified_by.name, r.classified_by.title) if x),
        )
    row("reasons", ", ".join(r.reasons))
    row("declassify", r.declassify_on or r.declassify_rule)
    row(
        "references",
        "; ".join(f"{x.label or '-'}: {x.reference_id or x.text}" for x in r.references),
    )
    row("paragraphs", len(r.paragraphs))
    row("signers", ", ".join(r.signers))
    row("source", f"{r.source.format} {r.source.path or ''}" if r.source else None)
    if r.partial:
        row("partial", "publisher's partial extract")
    row("warnings", "; ".join(r.warnings))
    console.print(table)
    console.print()
