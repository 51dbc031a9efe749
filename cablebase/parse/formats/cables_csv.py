"""Reader for the bulk CSV distribution (``cables-csv``), streamed row by row.

Columns (no header row): number, date ``MM/DD/YYYY HH:MM``, reference id,
origin, classification, references ``|``-separated, header, body. Quoting is
RFC 4180; the real distribution also escapes quotes with a backslash
(``\\"``), which is tolerated. Rows are cut from the byte stream one physical
line at a time, so a 1.7 GB file is never held in memory and every row keeps
its own bytes (for its hash) and its first line number (for errors).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from cablebase.parse.context import Context
from cablebase.parse.errors import ParseError
from cablebase.parse.ids import cite_to_id
from cablebase.parse.record import Reference
from cablebase.parse.state import Meta, ParseState
from cablebase.parse.text import MAX_BYTES

COLUMNS = (
    "number",
    "date",
    "reference_id",
    "origin",
    "classification",
    "references",
    "header",
    "body",
)
_DATE_RE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d\d)\s*$")

# The csv module refuses fields over 128 KiB by default, but real cables run
# past that; rows are already capped at MAX_BYTES above, so that is the limit.
csv.field_size_limit(MAX_BYTES)


@dataclass(slots=True)
class CsvRow:
    """One row of the distribution: its first line number, its fields, its raw bytes."""

    line: int
    fields: list[str]
    raw: bytes = b""


def _quotes(line: bytes) -> int:
    """Quote characters that open or close a field (backslash-escaped ones do not)."""
    return line.count(b'"') - line.count(b'\\"') + line.count(b'\\\\"')


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def csv_rows(stream: BinaryIO, *, path: str | None = None) -> Iterator[CsvRow]:
    """Yield the rows of a CSV stream one at a time; raises ParseError for an unclosed row."""
    line_no = 0
    buf: list[bytes] = []
    size = 0
    start = 1
    open_quotes = 0
    for line in stream:
        line_no += 1
        if not buf:
            start = line_no
            if not line.strip():
                continue
        buf.append(line)
        size += len(line)
        open_quotes += _quotes(line)
        if size > MAX_BYTES:
            raise ParseError(
                f"row is over {MAX_BYTES:,} bytes (unclosed quote?)",
                path=path,
                line=start,
                format="cables-csv",
            )
        if open_quotes % 2:
            continue
        raw = b"".join(buf)
        buf, size, open_quotes = [], 0, 0
        text = _decode(raw)
        reader = csv.reader([text], escapechar="\\", doublequote=True, strict=False)
        try:
            fields = next(reader)
        except (csv.Error, StopIteration) as exc:
            raise ParseError(
                f"bad CSV row: {exc}", path=path, line=start, format="cables-csv"
            ) from None
        yield CsvRow(line=start, fields=fields, raw=raw)
    if buf:
        raise ParseError(
            "unterminated quoted field at end of file", path=path, line=start, format="cables-csv"
        )


def _iso(date: str) -> str | None:
    m = _DATE_RE.match(date)
    if not m:
        return None
    mo, d, y, h, mi = (int(g) for g in m.groups())
    try:  # 13/45/2006 25:61 has the shape but is no date
        datetime(y, mo, d, h, mi)
    except ValueError:
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:00Z"


def read(row: CsvRow, context: Context, *, path: str | None = None) -> ParseState:
    if len(row.fields) < 8:
        raise ParseError(
            f"expected 8 columns ({', '.join(COLUMNS)}), found {len(row.fields)}",
            path=path,
            line=row.line,
            format="cables-csv",
        )
    _number, date, rid, origin, classification, refs, header, body = row.fields[:8]
    created = _iso(date)
    if created is None:
        raise ParseError(
            f"bad date: the date column is {date!r} (expected a real MM/DD/YYYY HH:MM)",
            path=path,
            line=row.line,
            format="cables-csv",
        )
    rid = rid.strip().upper()
    meta = Meta(
        reference_id=rid or None,
        created=created,
        classification=classification.strip() or None,
        origin=origin.strip() or None,
    )
    for cited in (r.strip() for r in refs.split("|")):
        if cited:
            resolved = cite_to_id(cited, rid[:2] if rid else None)
            meta.references.append(
                Reference(
                    label=None,
                    kind="cable" if resolved else "other",
                    reference_id=resolved,
                    text=cited,
                )
            )
    return ParseState(text=body, transmission=header, meta=meta, context=context)
