"""Options and helpers shared by the commands that touch the archive."""

from __future__ import annotations

import argparse
from pathlib import Path


class NoArchiveError(LookupError):
    """A command that reads was pointed at a SQLite file that does not exist (a typo?)."""


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help="SQLite file or database URL (default: $CABLEBASE_DATABASE_URL or ./cablebase.db)",
    )
    parser.add_argument(
        "--index",
        metavar="DIR",
        help="search index directory (default: $CABLEBASE_INDEX, or beside the SQLite file)",
    )


def open_archive(
    args: argparse.Namespace, *, migrate: bool = True, create: bool = False, site: bool = True
) -> None:
    """Configure Django for ``args.db`` and make sure the schema exists.

    Only ``create=True`` (ingest, demo) may make a new SQLite file; for the others a
    missing file raises ``NoArchiveError`` rather than leaving an empty archive behind a
    mistyped path. ``site=False`` is the quicker start-up for terminal commands.
    """
    from cablebase.django_setup import migrate as run_migrations
    from cablebase.django_setup import setup

    setup(getattr(args, "db", None), site=site)
    if getattr(args, "index", None):
        from cablebase.archive.search.index import set_index_dir

        set_index_dir(args.index)
    if not create:
        missing = missing_sqlite_file()
        if missing:
            raise NoArchiveError(missing)
    if migrate:
        run_migrations()


def missing_sqlite_file() -> str | None:
    """The configured SQLite file's path when it does not exist yet, else None."""
    from django.db import connection

    name = str(connection.settings_dict.get("NAME") or "")
    if connection.vendor != "sqlite" or name in ("", ":memory:") or name.startswith("file:"):
        return None
    return None if Path(name).exists() else name


def no_archive_message(path: str) -> str:
    return (
        f"no archive at {path}: check the path, or create one with "
        f"`cablebase ingest PATH --db {path}`"
    )
