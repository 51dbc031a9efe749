"""Configure Django from outside ``manage.py``: the CLI, benchmarks, workers."""

from __future__ import annotations

import os


def setup(db: str | None = None) -> None:
    """Point Django at ``db`` (a path or URL) and initialise it once per process."""
    if db:
        os.environ["CABLEBASE_DATABASE_URL"] = db if "://" in db else f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cablebase.settings")
    import django

    django.setup()


def migrate(verbosity: int = 0) -> None:
    """Create or upgrade the schema: the archive needs no set-up step from the user."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)
