"""Search moved to one tantivy index beside the store (``cablebase.archive.search``).

Drop what only the database's own full-text search used: on SQLite the FTS5
table ``cable_fts``, its content view and its triggers; on PostgreSQL the
generated ``search_vector`` column and its GIN index. Going back recreates
them as 0003 made them.
"""

import importlib

from django.db import migrations

before = importlib.import_module("cablebase.archive.migrations.0003_fulltext")

SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS cable_fts_au",
    "DROP TRIGGER IF EXISTS cable_fts_ad",
    "DROP TRIGGER IF EXISTS cable_fts_ai",
    "DROP TABLE IF EXISTS cable_fts",
    "DROP VIEW IF EXISTS cable_fts_source",
]
POSTGRES_FORWARD = [
    "DROP INDEX IF EXISTS cable_search_vector_gin",
    "ALTER TABLE cable DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("archive", "0003_fulltext")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": before.SQLITE_FORWARD, "postgresql": before.POSTGRES_FORWARD}),
        ),
    ]
