"""Search moved to one tantivy index beside the store (``cablebase.archive.search``).

Drop what only the database's own full-text search used: on SQLite the FTS5
table ``cable_fts``, its content view and its triggers; on PostgreSQL the
generated ``search_vector`` column and its GIN index. Going back recreates
them as 0003 made them.
"""

import importlib

from django.db import migrations

before = importlib.import_module("cablebase.archive.migrations.0003_fulltext")

# Dropping is what 0003 did when reversed, and going back is 0003 itself.
_run = before._run


class Migration(migrations.Migration):
    dependencies = [("archive", "0003_fulltext")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": before.SQLITE_BACKWARD, "postgresql": before.POSTGRES_BACKWARD}),
            _run({"sqlite": before.SQLITE_FORWARD, "postgresql": before.POSTGRES_FORWARD}),
        ),
    ]
