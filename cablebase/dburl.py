"""Turn ``--db PATH`` / ``CABLEBASE_DATABASE_URL`` into a Django DATABASES entry.

Accepted: a bare file path, ``sqlite:///relative.db``, ``sqlite:////abs/path.db``,
and ``postgresql://user:password@host:port/name`` (``postgres://`` too).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

DEFAULT_DB = "cablebase.db"


class DatabaseURLError(ValueError):
    pass


def database_url(explicit: str | None = None) -> str:
    return explicit or os.environ.get("CABLEBASE_DATABASE_URL") or f"sqlite:///{DEFAULT_DB}"


def django_database(url: str) -> dict:
    if "://" not in url:  # a plain path
        url = f"sqlite:///{url}"
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        # sqlite:///rel.db -> path "rel.db"; sqlite:////abs.db -> "/abs.db"
        raw = url.split("://", 1)[1]
        path = raw[1:] if raw.startswith("/") else raw
        if not path:
            raise DatabaseURLError(f"{url!r}: no SQLite file path given")
        path = str(Path(path).expanduser())
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": path,
            "OPTIONS": {
                # WAL lets readers (the web site, sqlite3, Datasette) work while ingest writes.
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;"
                ),
                "transaction_mode": "IMMEDIATE",
            },
            "TEST": {"NAME": os.environ.get("CABLEBASE_TEST_SQLITE") or None},
        }
    if scheme in {"postgresql", "postgres", "pgsql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise DatabaseURLError(f"{url!r}: no database name given")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": unquote(parts.hostname or ""),
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
        }
    raise DatabaseURLError(
        f"{url!r}: unsupported database URL scheme {scheme!r} (use sqlite:/// or postgresql://)"
    )
