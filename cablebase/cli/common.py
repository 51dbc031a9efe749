"""Options and helpers shared by the commands that touch the archive."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


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


def err(message: str) -> None:
    print(f"cablebase: {message}", file=sys.stderr)


def open_or_report(args: argparse.Namespace, *, create: bool = False) -> bool:
    """Open the archive (``create``: make it if need be); a bad setting is a usage error.

    The commands that read start Django with only the apps they read (quicker); ingest,
    which may create the archive, creates all of it.
    """
    from cablebase.dburl import DatabaseURLError

    try:
        open_archive(args, create=create, site=create)
    except DatabaseURLError as exc:
        err(str(exc))
        return False
    except NoArchiveError as exc:
        err(no_archive_message(str(exc)))
        return False
    except Exception as exc:  # server down, unwritable file ...
        from django.db import DatabaseError

        if isinstance(exc, DatabaseError):
            err(f"cannot open the database: {exc}")
            return False
        raise
    return True


def cable_or_report(reference_id: str) -> Any:  # -> Cable | None
    """The stored cable with this id, or None after saying on stderr that there is none."""
    from cablebase.archive.models import Cable

    cable = Cable.objects.by_reference(reference_id)
    if cable is None:
        err(f"{reference_id}: no such cable in the archive")
    return cable
