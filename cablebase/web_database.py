"""Database settings that only the web server gets: a PostgreSQL statement timeout.

A facet query over stale planner statistics once ran for minutes and held a worker (and
the test suite). Every PostgreSQL connection a web worker opens carries
``-c statement_timeout=...`` (``WEB_STATEMENT_TIMEOUT``, ``CABLEBASE_WEB_STATEMENT_TIMEOUT``):
a runaway query is cancelled, its request answers 500 and the error is logged. Ingest and
the other commands never import the WSGI/ASGI modules, so their long statements run freely.
SQLite has no such setting; its web connections are kept open between requests instead
(``SQLITE_CONN_MAX_AGE``): Django otherwise closes the connection after every request, and
opening one again (the pragmas, the schema parsed anew) cost more than a stored page.
"""

from __future__ import annotations

import re
from typing import Any

POSTGRESQL = "django.db.backends.postgresql"
SQLITE = "django.db.backends.sqlite3"
SQLITE_CONN_MAX_AGE = 60
_TIMEOUT = re.compile(r"\d+(?:us|ms|s|min|h|d)?")
_SET_TIMEOUT = re.compile(r"(?:-c\s*|--)statement[_-]timeout=\S*")


def statement_timeout_options(database: dict[str, Any], timeout: str) -> None:
    """Add ``-c statement_timeout=<timeout>`` to a PostgreSQL DATABASES entry's options."""
    timeout = timeout.strip().replace(" ", "")
    if database.get("ENGINE") != POSTGRESQL or timeout in ("", "0"):
        return
    if not _TIMEOUT.fullmatch(timeout):
        raise ValueError(
            f"statement timeout {timeout!r}: give a number with an optional unit (30s, 500ms)"
        )
    options = database.setdefault("OPTIONS", {})
    others = _SET_TIMEOUT.sub("", options.get("options", "")).split()
    options["options"] = " ".join([*others, f"-c statement_timeout={timeout}"])


def limit_web_statements() -> None:
    """Apply ``WEB_STATEMENT_TIMEOUT`` to every database; connections opened later get it."""
    from django.conf import settings
    from django.db import connections

    timeout = str(getattr(settings, "WEB_STATEMENT_TIMEOUT", "") or "")
    for alias in connections:
        # The same dict every connection of this alias reads its parameters from.
        database = connections.settings[alias]
        statement_timeout_options(database, timeout)
        if database.get("ENGINE") == SQLITE and not database.get("CONN_MAX_AGE"):
            database["CONN_MAX_AGE"] = SQLITE_CONN_MAX_AGE
