"""Full-text structures, one flavour per database vendor.

SQLite: ``cable_fts``, an FTS5 table with external content (the view
``cable_fts_source`` over ``cable``) so the text is stored once; triggers on
``cable`` keep it in sync whatever writes the rows.
PostgreSQL: a stored generated ``tsvector`` column ``search_vector`` (subject,
tags and reference id weighted A, body D) with a GIN index.
Neither stems words (FTS5 ``unicode61``, PostgreSQL ``simple``), so both
backends find the same cables; ``prefix*`` covers word endings.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIEW IF NOT EXISTS cable_fts_source AS
       SELECT id, reference_id, subject, tag_codes AS tags, body FROM cable""",
    """CREATE VIRTUAL TABLE IF NOT EXISTS cable_fts USING fts5(
       reference_id, subject, tags, body,
       content='cable_fts_source', content_rowid='id',
       tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS cable_fts_ai AFTER INSERT ON cable BEGIN
       INSERT INTO cable_fts(rowid, reference_id, subject, tags, body)
       VALUES (new.id, new.reference_id, new.subject, new.tag_codes, new.body);
       END""",
    """CREATE TRIGGER IF NOT EXISTS cable_fts_ad AFTER DELETE ON cable BEGIN
       INSERT INTO cable_fts(cable_fts, rowid, reference_id, subject, tags, body)
       VALUES ('delete', old.id, old.reference_id, old.subject, old.tag_codes, old.body);
       END""",
    """CREATE TRIGGER IF NOT EXISTS cable_fts_au
       AFTER UPDATE OF reference_id, subject, tag_codes, body ON cable BEGIN
       INSERT INTO cable_fts(cable_fts, rowid, reference_id, subject, tags, body)
       VALUES ('delete', old.id, old.reference_id, old.subject, old.tag_codes, old.body);
       INSERT INTO cable_fts(rowid, reference_id, subject, tags, body)
       VALUES (new.id, new.reference_id, new.subject, new.tag_codes, new.body);
       END""",
    "INSERT INTO cable_fts(cable_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS cable_fts_au",
    "DROP TRIGGER IF EXISTS cable_fts_ad",
    "DROP TRIGGER IF EXISTS cable_fts_ai",
    "DROP TABLE IF EXISTS cable_fts",
    "DROP VIEW IF EXISTS cable_fts_source",
]
POSTGRES_FORWARD = [
    """ALTER TABLE cable ADD COLUMN IF NOT EXISTS search_vector tsvector
       GENERATED ALWAYS AS (
         setweight(to_tsvector('simple', coalesce(reference_id, '')), 'A') ||
         setweight(to_tsvector('simple', coalesce(subject, '')), 'A') ||
         setweight(to_tsvector('simple', coalesce(tag_codes, '')), 'A') ||
         setweight(to_tsvector('simple', coalesce(body, '')), 'D')
       ) STORED""",
    "CREATE INDEX IF NOT EXISTS cable_search_vector_gin ON cable USING GIN (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS cable_search_vector_gin",
    "ALTER TABLE cable DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("archive", "0002_tag_codes_ingest_errors")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
