"""Plain multi-row INSERTs for the ingest's hot tables.

Django's ``bulk_create`` spends most of its time compiling and preparing
every value of every row; for the ingest's tens of rows per cable that was
the bottleneck. Here the SQL is built once per table and values are prepared
by the model field only where the database needs conversion (dates, JSON,
booleans), so the stored values are exactly what the ORM would write.

On PostgreSQL the rows go in with ``COPY ... FROM STDIN`` instead: psycopg's
pipelined ``executemany`` adapts and sends each row as its own statement, which
held a 20,000-cable ingest on PostgreSQL for 39 of its 111 seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection, models

PREPARED = (models.DateTimeField, models.DateField, models.JSONField, models.BooleanField)


def insert_rows(model: type[models.Model], columns: Sequence[str], rows: list[tuple]) -> None:
    """INSERT ``rows`` (tuples in ``columns`` order, by attname) into ``model``'s table."""
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in columns]
    convert = [(i, f) for i, f in enumerate(fields) if isinstance(f, PREPARED)]
    if convert:
        prepared: list[Any] = []
        for row in rows:
            values = list(row)
            for i, field in convert:
                values[i] = field.get_db_prep_save(values[i], connection)
            prepared.append(values)
    else:
        prepared = rows
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(f.column) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # the driver's own cursor: Django's wrapper has no COPY
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for values in prepared:
                    copy.write_row(values)
            return
        marks = ", ".join(["%s"] * len(fields))
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", prepared)
