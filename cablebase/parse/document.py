"""Entry points: detect a format, parse one document, a CSV row, or a whole file."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cablebase.parse import rules
from cablebase.parse.context import Context
from cablebase.parse.errors import ParseError
from cablebase.parse.formats import cables_csv, repost_text, telegram_text, wikileaks_html
from cablebase.parse.formats.cables_csv import CsvRow, csv_rows
from cablebase.parse.record import CableRecord, Source
from cablebase.parse.state import ParseState
from cablebase.parse.text import CLASSIFICATION_RE, DTG_RE, MAX_BYTES, decode

FORMATS = ("telegram-text", "repost-text", "wikileaks-html", "cables-csv")

_CSV_HEAD_RE = re.compile(rb'^\s*"?\d+"?\s*,\s*"?\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d\d"?\s*,')
_HTML_RE = re.compile(rb"<(?:!doctype|html|pre|table|body)\b", re.I)
_META_RE = re.compile(rb"Reference ID\s+Created\s+Released\s+Classification\s+Origin")
_CABLE_MARK_RE = re.compile(
    r"(?m)^[ \t]*(?:TAGS?\b|SUBJECT\s*:|SUBJ\s*:|E\.\s?O\.\s?\d{5}|EO\s+\d{5}|FM\s+[A-Z]|"
    r"DE\s+R[A-Z]{3}|VZCZC|REF(?:TEL)?S?\s*:|(?i:CLASSIFIED\s+BY)|"
    r"\d{1,2}\s?\.\s?\((?:U|C|S|SBU|TS|C/NF|S/NF|S//NF)\))"
)


# A copy that lost its line breaks has its keywords inside its first line.
_FLAT_MARK_RE = re.compile(r"E\.O\.\s?\d{5}|\bTAGS:|\bSUBJECT:|(?i:classified\s+by)")


def _looks_like_cable(text: str) -> bool:
    head = text[:20000]
    if _CABLE_MARK_RE.search(head):
        return True
    if CLASSIFICATION_RE.match(head.lstrip()[:60]) and _FLAT_MARK_RE.search(head, 0, 8000):
        return True
    return bool(DTG_RE.search(head[:2000]) and CLASSIFICATION_RE.search(head[:4000]))


def detect_format(head: bytes, path: str | None = None) -> str:
    """The format of a document from its first bytes (and file name); ParseError if no cable."""
    fmt = _bytes_format(head, path)
    if fmt is not None:
        return fmt
    return _telegram_or_error(decode(head[:65536], path=path), path)


def _bytes_format(head: bytes, path: str | None) -> str | None:
    """The formats recognisable from bytes alone; None means "decode and look"."""
    if path and str(path).lower().endswith(".csv") and not _HTML_RE.search(head[:2048]):
        return "cables-csv"
    if not head.strip():
        raise ParseError("empty input", path=path)
    if b"\x00" in head[:65536]:
        raise ParseError("binary data (NUL bytes), not a cable", path=path)
    # Substring tests first: the patterns start with these literals.
    if head.find(b"<", 0, 4096) != -1 and _HTML_RE.search(head[:4096]):
        return "wikileaks-html"
    if _CSV_HEAD_RE.match(head):
        return "cables-csv"
    if b"Reference ID" in head and _META_RE.search(head):
        return "repost-text"
    return None


def _telegram_or_error(text: str, path: str | None) -> str:
    if _looks_like_cable(text):
        return "telegram-text"
    raise ParseError("no cable found (no classification, DTG or header keywords)", path=path)


def _check_format(format: str, path: str | None) -> None:
    if format != "auto" and format not in FORMATS:
        raise ParseError(
            f"unknown format {format!r} (one of auto, {', '.join(FORMATS)})", path=path
        )


def _finish(state: ParseState, fmt: str, path: str | None, raw: bytes) -> CableRecord:
    rules.run(state)
    record = state.record
    record.source = Source(format=fmt, path=path, sha256=hashlib.sha256(raw).hexdigest())
    found_any = (
        record.reference_id
        or record.dtg
        or record.subject
        or record.tags
        or record.classification
        or record.classified_by
        or record.references
        or record.eo
    )
    if not found_any:
        raise ParseError(
            "no cable found (no id, date, classification or header)", path=path, format=fmt
        )
    return record


def parse_document(
    data: bytes,
    *,
    path: str | None = None,
    format: str = "auto",
    context: Context | None = None,
) -> CableRecord:
    """Parse one cable (telegram text, repost or cable-viewer page) into a record."""
    _check_format(format, path)
    context = context or Context()
    text: str | None = None
    if format == "auto":
        fmt = _bytes_format(data[:65536], path)
        if fmt is None:  # decode once, for detection and parsing alike
            text = decode(data, path=path)
            fmt = _telegram_or_error(text, path)
    else:
        fmt = format
    if fmt == "cables-csv":
        import io

        rows = csv_rows(io.BytesIO(data), path=path)
        first = next(rows, None)
        if first is None:
            raise ParseError("no rows in CSV", path=path, format=fmt)
        if next(rows, None) is not None:
            raise ParseError(
                "CSV holds several cables: use parse_path or csv_rows", path=path, format=fmt
            )
        return parse_csv_row(first, path=path)
    if text is None:
        text = decode(data, path=path, format=fmt)
    try:
        if fmt == "wikileaks-html":
            state = wikileaks_html.read(text, context, path=path)
        elif fmt == "repost-text":
            state = repost_text.read(text, context, path=path)
        else:
            if format != "auto" and not _looks_like_cable(text):  # auto: detect_format did
                raise ParseError(
                    "no cable found (no classification, DTG or header keywords)",
                    path=path,
                    format=fmt,
                )
            state = telegram_text.read(text, context)
        return _finish(state, fmt, path, data)
    except ParseError:
        raise
    except RecursionError:  # pragma: no cover - defensive: deeply nested HTML
        raise ParseError("document too deeply nested", path=path, format=fmt) from None


def parse_csv_row(
    row: CsvRow, *, path: str | None = None, context: Context | None = None
) -> CableRecord:
    """Parse one row of the bulk CSV; ParseError names the path and the row's line."""
    state = cables_csv.read(row, context or Context(), path=path)
    try:
        return _finish(state, "cables-csv", path, row.raw)
    except ParseError as exc:
        exc.line = row.line
        raise


def parse_csv_stream(
    stream: BinaryIO, *, path: str | None = None, context: Context | None = None
) -> Iterator[CableRecord | ParseError]:
    """Records of a bulk CSV stream; a bad row is yielded as its error and the rows go on.

    An unreadable stream (an unclosed quote, say) ends the iteration with its error.
    """
    rows = csv_rows(stream, path=path)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except ParseError as exc:
            yield exc
            return
        try:
            yield parse_csv_row(row, path=path, context=context)
        except ParseError as exc:
            yield exc


def parse_path(
    path: str | os.PathLike[str],
    *,
    format: str = "auto",
    context: Context | None = None,
) -> Iterator[CableRecord | ParseError]:
    """Records of one file; errors are yielded, not raised, so a batch goes on.

    A CSV is streamed row by row; other formats are read whole (up to the size cap).
    """
    name = str(path)
    try:
        _check_format(format, name)
        p = Path(path)
        size = p.stat().st_size
        with p.open("rb") as fh:
            head = fh.read(65536)
        fmt = detect_format(head, name) if format == "auto" else format
    except ParseError as exc:
        yield exc
        return
    except OSError as exc:
        yield ParseError(f"cannot read: {exc.strerror or exc}", path=name)
        return
    if fmt == "cables-csv":
        with p.open("rb") as fh:
            yield from parse_csv_stream(fh, path=name, context=context)
        return
    if size > MAX_BYTES:
        yield ParseError(
            f"input is {size:,} bytes, over the {MAX_BYTES:,}-byte limit for one cable",
            path=name,
            format=fmt,
        )
        return
    try:
        yield parse_document(p.read_bytes(), path=name, format=fmt, context=context)
    except ParseError as exc:
        yield exc
