"""Options and helpers shared by the commands that touch the archive."""

from __future__ import annotations

import argparse


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


def open_archive(args: argparse.Namespace, *, migrate: bool = True) -> None:
    """Configure Django for ``args.db`` and make sure the schema exists."""
    from cablebase.django_setup import migrate as run_migrations
    from cablebase.django_setup import setup

    setup(getattr(args, "db", None))
    if getattr(args, "index", None):
        from cablebase.archive.search.index import set_index_dir

        set_index_dir(args.index)
    if migrate:
        run_migrations()
