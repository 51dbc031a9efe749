"""Turn ``--db PATH`` / ``CABLEBASE_DATABASE_URL`` into a Django DATABASES entry.

Parsing is dj-database-url's; this module adds a bare file path as shorthand for
``sqlite:///PATH``, refuses what cablebase cannot store in (other engines, no name),
and sets the SQLite pragmas that let readers work while an ingest writes.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

DEFAULT_DB = "cablebase.db"
ENGINES = ("django.db.backends.sqlite3", "django.db.backends.postgresql")


class DatabaseURLError(ValueError):
    pass


def database_url(explicit: str | None = None) -> str:
    return explicit or os.environ.get("CABLEBASE_DATABASE_URL") or f"sqlite:///{DEFAULT_DB}"


def django_database(url: str) -> dict:
    if "://" not in url:  # a plain path
        url = f"sqlite:///{url}"
    try:
        config = dict(dj_database_url.parse(url))
    except ValueError as exc:
        raise DatabaseURLError(
            f"{url!r}: unsupported database URL (use sqlite:///PATH or postgresql://...): {exc}"
        ) from exc
    if config["ENGINE"] not in ENGINES:
        raise DatabaseURLError(f"{url!r}: cablebase stores in SQLite or PostgreSQL only")
    if not config.get("NAME") or config["NAME"] == ":memory:":
        raise DatabaseURLError(f"{url!r}: no database name or SQLite file path given")
    if config["ENGINE"] == "django.db.backends.postgresql":
        config["CONN_MAX_AGE"] = 60
        return config
    config["NAME"] = str(Path(config["NAME"]).expanduser())
    config["OPTIONS"] = {
        # WAL lets readers (the web site, sqlite3, Datasette) work while ingest writes.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
    config["TEST"] = {"NAME": os.environ.get("CABLEBASE_TEST_SQLITE") or None}
    return config
