"""The table of the ``ratelimit`` cache (Django's DatabaseCache), shared by every worker."""

from django.core.management import call_command
from django.db import migrations

TABLE = "cablebase_ratelimit"


def create_table(apps, schema_editor) -> None:
    call_command("createcachetable", TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop_table(apps, schema_editor) -> None:
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("discussion", "0002_trusted_group")]

    operations = [migrations.RunPython(create_table, drop_table)]
