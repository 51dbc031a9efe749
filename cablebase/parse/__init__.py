"""``cablebase.parse``: every cable format into one record (pure Python, no storage).

Readers in :mod:`cablebase.parse.formats` turn bytes into a parse state; the
header rules in :mod:`cablebase.parse.rules` fill the
:class:`~cablebase.parse.record.CableRecord`. See ``docs/record.md``.
"""

from __future__ import annotations

from cablebase.parse.context import Context
from cablebase.parse.document import (
    FORMATS,
    detect_format,
    parse_csv_row,
    parse_csv_stream,
    parse_document,
    parse_path,
)
from cablebase.parse.errors import ParseError
from cablebase.parse.formats.cables_csv import CsvRow, csv_rows
from cablebase.parse.record import (
    CableRecord,
    ClassifiedBy,
    Paragraph,
    Recipient,
    Reference,
    Source,
)

__all__ = [
    "FORMATS",
    "CableRecord",
    "ClassifiedBy",
    "Context",
    "CsvRow",
    "Paragraph",
    "ParseError",
    "Recipient",
    "Reference",
    "Source",
    "csv_rows",
    "detect_format",
    "parse_csv_row",
    "parse_csv_stream",
    "parse_document",
    "parse_path",
]
