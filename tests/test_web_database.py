"""The web server's PostgreSQL statement timeout: set for web workers only, and it bites.

A facet query over stale statistics once ran for minutes and held a worker; with
``-c statement_timeout`` on every web connection PostgreSQL cancels it instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cablebase.web_database import statement_timeout_options

ROOT = Path(__file__).resolve().parents[1]
PG = "django.db.backends.postgresql"


def test_postgresql_connections_get_the_timeout_beside_their_own_options() -> None:
    database = {"ENGINE": PG, "OPTIONS": {"options": "-c search_path=archive"}}
    statement_timeout_options(database, "30s")
    assert database["OPTIONS"]["options"] == "-c search_path=archive -c statement_timeout=30s"
    statement_timeout_options(database, "500ms")  # a second call replaces, never stacks
    assert database["OPTIONS"]["options"] == "-c search_path=archive -c statement_timeout=500ms"


@pytest.mark.parametrize("timeout", ["0", ""])
def test_zero_or_nothing_turns_it_off(timeout: str) -> None:
    database = {"ENGINE": PG, "OPTIONS": {}}
    statement_timeout_options(database, timeout)
    assert database["OPTIONS"] == {}


def test_sqlite_is_left_alone() -> None:
    database = {"ENGINE": "django.db.backends.sqlite3", "OPTIONS": {"timeout": 5}}
    statement_timeout_options(database, "30s")
    assert database["OPTIONS"] == {"timeout": 5}


@pytest.mark.parametrize("timeout", ["30 seconds", "1;DROP", "-c x=1", "1e3"])
def test_a_malformed_timeout_is_refused(timeout: str) -> None:
    with pytest.raises(ValueError, match="statement timeout"):
        statement_timeout_options({"ENGINE": PG}, timeout)


def _options_after(module: str, **env: str) -> dict:
    """DATABASES' OPTIONS in a fresh process once ``module`` is imported (no connection made)."""
    code = (
        f"import {module}, json; from django.conf import settings; "
        "print(json.dumps(settings.DATABASES['default'].get('OPTIONS', {})))"
    )
    run_env = {**os.environ, "CABLEBASE_DATABASE_URL": "postgresql://web@127.0.0.1:1/none", **env}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=run_env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("module", ["cablebase.wsgi", "cablebase.asgi"])
def test_the_web_entry_points_set_it(module: str) -> None:
    assert "statement_timeout=30s" in _options_after(module)["options"]


def test_the_environment_tunes_it() -> None:
    tuned = _options_after("cablebase.wsgi", CABLEBASE_WEB_STATEMENT_TIMEOUT="5s")
    assert tuned["options"] == "-c statement_timeout=5s"


def test_commands_such_as_ingest_run_without_it() -> None:
    assert "statement_timeout" not in json.dumps(_options_after("cablebase.django_setup"))


@pytest.mark.django_db
def test_postgresql_cancels_a_statement_that_runs_past_it(db_vendor: str) -> None:
    if db_vendor != "postgresql":
        pytest.skip("SQLite has no statement timeout")
    from django.db import OperationalError, connections

    settings_dict = {**connections.settings["default"]}
    settings_dict["OPTIONS"] = {**settings_dict.get("OPTIONS", {})}
    statement_timeout_options(settings_dict, "200ms")
    web = connections["default"].__class__(settings_dict, alias="web-timeout-test")
    try:
        with web.cursor() as cursor:
            cursor.execute("SELECT 1")
            with pytest.raises(OperationalError, match="statement timeout"):
                cursor.execute("SELECT pg_sleep(5)")
    finally:
        web.close()
