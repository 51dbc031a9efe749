"""Configure Django from outside ``manage.py``: the CLI, benchmarks, workers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# A constant key for PostgreSQL's advisory lock that serialises migrations ("cbmigrat").
MIGRATION_LOCK_KEY = 0x63626D6967726174


# The apps whose models the terminal commands read: the others (admin, sessions,
# static files, the site's views and API) cost start-up time and are never used there.
TERMINAL_APPS = (
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "cablebase.archive",
    "cablebase.discussion",
)


def setup(db: str | None = None, *, site: bool = True) -> None:
    """Point Django at ``db`` (a path or URL) and initialise it once per process.

    ``site=False`` loads only ``TERMINAL_APPS``, about a tenth of a second less for the
    commands that read the archive from a terminal (the admin's autodiscovery of every
    ``admin.py`` was most of it); migrations then cover those apps only, and the others
    follow on the next ``ingest`` or ``serve``.
    """
    if db:
        os.environ["CABLEBASE_DATABASE_URL"] = db if "://" in db else f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cablebase.settings")
    import django
    from django.apps import apps

    if not site and not apps.ready:
        from django.conf import settings

        settings.INSTALLED_APPS = [app for app in settings.INSTALLED_APPS if app in TERMINAL_APPS]
    django.setup()


def migrate(verbosity: int = 0) -> None:
    """Create or upgrade the schema: the archive needs no set-up step from the user.

    Nothing happens when every migration is applied (a cheap check, so read commands
    stay quick); otherwise one process at a time migrates, so two first ingests into a
    new database cannot both create ``django_migrations``.
    """
    if not pending_migrations():
        return
    from django.core.management import call_command

    with migration_lock():
        call_command("migrate", interactive=False, verbosity=verbosity)


def pending_migrations() -> bool:
    """True unless every migration file of every app is recorded as applied."""
    from django.apps import apps
    from django.db import DatabaseError, connection

    on_disk = set()
    for config in apps.get_app_configs():
        folder = Path(config.path) / "migrations"
        if folder.is_dir():
            on_disk |= {
                (config.label, f.stem)
                for f in folder.glob("[0-9]*.py")
                if not f.name.startswith("__")
            }
    try:
        if "django_migrations" not in connection.introspection.table_names():
            return True
        with connection.cursor() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations")
            applied = set(cursor.fetchall())
    except DatabaseError:
        return True
    return not on_disk <= applied


@contextmanager
def migration_lock() -> Iterator[None]:
    """Hold an exclusive lock across processes while migrating.

    SQLite: ``flock`` on ``<file>.migrate-lock`` beside the database (removed when done;
    a process that locked the removed file finds every migration applied). PostgreSQL:
    a session advisory lock. Other back ends: no lock.
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK_KEY])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK_KEY])
        return
    name = str(connection.settings_dict.get("NAME") or "")
    if connection.vendor != "sqlite" or not name or name == ":memory:" or "mode=memory" in name:
        yield
        return
    import fcntl

    lock_path = Path(f"{name}.migrate-lock")
    try:
        handle = lock_path.open("a")
    except OSError:  # a read-only folder: no lock file, and no second writer either
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            lock_path.unlink(missing_ok=True)
            fcntl.flock(handle, fcntl.LOCK_UN)
