"""Two ``cablebase ingest`` started together on a new database: both finish, nothing twice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.archive.test_crash import databases  # noqa: F401 (a fixture: SQLite and PostgreSQL)


def _ingest(db: str, source: Path) -> subprocess.Popen:
    env = {**os.environ}
    env.pop("CABLEBASE_DATABASE_URL", None)
    command = [sys.executable, "-m", "cablebase", "ingest", "--db", db, "--workers", "0"]
    return subprocess.Popen(
        [*command, "--quiet", "--json", str(source)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_two_first_ingests_at_once_both_succeed(databases, samples_dir: Path) -> None:  # noqa: F811
    (first, second), (query, _) = databases
    del second
    seeds, pages = samples_dir / "seeds", samples_dir / "wikileaks-html"
    for attempt in range(3):  # the race is in the first second of both: try it a few times
        db = first if attempt == 0 else _fresh(first, attempt)
        if db is None:
            break
        procs = [_ingest(db, seeds), _ingest(db, pages)]
        results = [(p.wait(timeout=150), *p.communicate()) for p in procs]
        for code, _out, err in results:
            assert "already exists" not in err, err
            assert code == 0, err
    assert query("SELECT count(*) FROM cable")[0][0] == 4
    assert query("SELECT count(*) FROM django_migrations WHERE app = 'archive'")[0][0] >= 1


def _fresh(db: str, attempt: int) -> str | None:
    """Another new SQLite file beside the first (PostgreSQL: one attempt is enough)."""
    if "://" in db:
        return None
    return str(Path(db).with_name(f"attempt{attempt}.db"))
