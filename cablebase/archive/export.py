"""Export all cables, or a query's hits, as JSON Lines, bulk-distribution CSV or Parquet.

Streamed: cables are read in chunks by primary key, so memory stays flat
however large the archive.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from django.db.models import QuerySet

from cablebase.archive.models import Cable
from cablebase.archive.record_rows import record_from_cable

FORMATS = ("jsonl", "csv", "parquet")
CHUNK = 500
PARQUET_ROWS = 2000


def cables_for(query: str | None) -> QuerySet[Cable]:
    """The cables to export; raises ``QueryError`` for a malformed query."""
    if query:
        from cablebase.archive.search import filter_cables

        return filter_cables(query)
    return Cable.objects.all()


def iter_cables(qs: QuerySet[Cable]) -> Iterator[Cable]:
    """Cables in reference-id order with their related rows, a chunk at a time."""
    ordered = qs.order_by("reference_id").prefetch_related(
        "paragraphs", "references", "cabletag_set__tag"
    )
    yield from ordered.iterator(chunk_size=CHUNK)


def csv_row(cable: Cable, number: int) -> list[str]:
    """The bulk distribution's columns: number, date, id, origin, class, refs, header, body."""
    created = cable.created.strftime("%m/%d/%Y %H:%M") if cable.created else ""
    refs = "|".join(r.cited_id or r.text for r in cable.references.all())
    return [
        str(number),
        created,
        cable.reference_id,
        cable.origin,
        cable.classification,
        refs,
        cable.header,
        cable.body,
    ]


def write_jsonl(qs: QuerySet[Cable], out: IO[str]) -> int:
    count = 0
    for cable in iter_cables(qs):
        out.write(json.dumps(record_from_cable(cable).to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(qs: QuerySet[Cable], out: IO[str]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    count = 0
    for count, cable in enumerate(iter_cables(qs), start=1):
        writer.writerow(csv_row(cable, count))
    return count


def parquet_schema():  # -> pyarrow.Schema
    """Every record field: text, except ``sections`` (int) and ``partial`` (bool)."""
    import pyarrow as pa

    from cablebase.parse.record import RECORD_FIELDS

    types = {"sections": pa.int64(), "partial": pa.bool_()}
    return pa.schema([(name, types.get(name, pa.string())) for name in RECORD_FIELDS])


def _parquet_value(value: object) -> object:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_parquet(qs: QuerySet[Cable], path: Path) -> int:
    """One row per cable: scalar fields as columns, lists and nested objects as JSON text."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    batch: list[dict] = []
    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        for cable in iter_cables(qs):
            record = record_from_cable(cable).to_dict()
            batch.append({key: _parquet_value(value) for key, value in record.items()})
            count += 1
            if len(batch) >= PARQUET_ROWS:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch.clear()
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count


def export(query: str | None, fmt: str, out: Path) -> int:
    """Write the export to ``out``; returns the number of cables."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    qs = cables_for(query)
    if fmt == "parquet":
        return write_parquet(qs, out)
    with out.open("w", encoding="utf-8", newline="") as handle:
        return write_jsonl(qs, handle) if fmt == "jsonl" else write_csv(qs, handle)
