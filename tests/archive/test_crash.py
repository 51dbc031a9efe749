"""kill -9 in the middle of an ingest, then the same command again: as good as one clean run.

On SQLite always (file databases in ``tmp_path``); on PostgreSQL too when the
suite runs against a server (``CABLEBASE_DATABASE_URL=postgresql://...``), in
two scratch databases created on it.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

TABLES = ("cable", "cable_version", "paragraph", "cable_reference", "cable_tag", "tag")
SERVER = os.environ.get("CABLEBASE_DATABASE_URL", "")

Query = Callable[[str], list[tuple]]

# ``cablebase ingest`` that kills itself with SIGKILL right after its N-th batch was
# written but before that batch's transaction commits: a crash at a known point inside
# a transaction, whatever the machine's speed (polling for a row count could miss it).
KILL_AT_BATCH = 4
SELF_KILLING_INGEST = """
import os, signal, sys
from cablebase.django_setup import setup
setup(sys.argv[sys.argv.index("--db") + 1])
import cablebase.archive.ingest as ingest
from cablebase.cli import main
real, calls = ingest.store_batch, []
def store_then_die(*args, **kwargs):
    result = real(*args, **kwargs)
    calls.append(1)
    if len(calls) == int(os.environ["KILL_AT_BATCH"]):
        os.kill(os.getpid(), signal.SIGKILL)
    return result
ingest.store_batch = store_then_die
sys.exit(main(sys.argv[1:]))
"""


def ingest_command(db: str, source: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "cablebase",
        "ingest",
        "--db",
        db,
        "--index",
        index_for(db),
        "--batch-size",
        "5",
        "--workers",
        "0",
        "--quiet",
        str(source),
    ]


def index_for(db: str) -> str:
    """Each database gets its own search index directory."""
    return f"{db}.index" if "://" not in db else f"{os.environ['CABLEBASE_INDEX']}/{db[-7:]}"


def search_ids(db: str, query: str) -> list[str]:
    command = ["search", query, "--db", db, "--index", index_for(db), "--json", "--limit", "200"]
    done = subprocess.run(
        [sys.executable, "-m", "cablebase", *command],
        capture_output=True,
        text=True,
        check=True,
    )
    return sorted(h["reference_id"] for h in json.loads(done.stdout)["hits"])


def snapshot(query: Query) -> dict:
    counts = {t: query(f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}
    cables = query(
        "SELECT reference_id, content_hash, version_count FROM cable ORDER BY reference_id"
    )
    complete = query("SELECT count(*) FROM source_file WHERE complete")[0][0]
    statuses = [r[0] for r in query("SELECT status FROM ingest_run ORDER BY id")]
    return {"counts": counts, "cables": cables, "complete": complete, "statuses": statuses}


def sqlite_query(path: Path) -> Query:
    def run(sql: str) -> list[tuple]:
        try:
            with closing(sqlite3.connect(path, timeout=30)) as con:
                return con.execute(sql).fetchall()
        except sqlite3.OperationalError:  # not created yet
            return [(0,)]

    return run


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.backend)])
def databases(request, tmp_path: Path) -> Iterator[tuple[list[str], list[Query]]]:
    """Two empty databases (clean, crashed): their URLs and a query function for each."""
    if request.param == "sqlite":
        paths = [tmp_path / "clean.db", tmp_path / "crashed.db"]
        yield [str(p) for p in paths], [sqlite_query(p) for p in paths]
        return
    if not SERVER.startswith("postgres"):
        pytest.skip("runs when the suite runs on PostgreSQL")
    import psycopg

    parts = urlsplit(SERVER)
    names = [f"crash_{os.getpid()}_{n}" for n in ("clean", "crashed")]
    urls = [urlunsplit(parts._replace(path=f"/{n}")) for n in names]
    with psycopg.connect(SERVER, autocommit=True) as admin:
        for name in names:
            admin.execute(f"CREATE DATABASE {name}")

    def pg_query(url: str) -> Query:
        def run(sql: str) -> list[tuple]:
            try:
                with psycopg.connect(url) as con:
                    return con.execute(sql).fetchall()
            except psycopg.errors.UndefinedTable:
                return [(0,)]

        return run

    try:
        yield urls, [pg_query(u) for u in urls]
    finally:
        with psycopg.connect(SERVER, autocommit=True) as admin:
            for name in names:
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.mark.slow
def test_kill_9_then_rerun_equals_one_clean_run(databases, samples_dir: Path) -> None:
    (clean, crashed), (query_clean, query_crashed) = databases
    source = samples_dir / "cablegate-2010-pages"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("CABLEBASE_DATABASE_URL", None)

    subprocess.run(ingest_command(clean, source), env=env, check=True, capture_output=True)

    command = ingest_command(crashed, source)
    killed = subprocess.run(
        [command[0], "-c", SELF_KILLING_INGEST, *command[3:]],
        env={**env, "KILL_AT_BATCH": str(KILL_AT_BATCH)},
        capture_output=True,
        text=True,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    stored_at_kill = query_crashed("SELECT count(*) FROM cable")[0][0]
    # the batches before the last one committed (5 records each, some cables twice)
    assert 0 < stored_at_kill < 5 * KILL_AT_BATCH, stored_at_kill

    rerun = subprocess.run(ingest_command(crashed, source), env=env, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    after_crash, one_run = snapshot(query_crashed), snapshot(query_clean)
    assert after_crash["statuses"] == ["running", "completed"]  # the killed run stays visible
    assert one_run["statuses"] == ["completed"]
    del after_crash["statuses"], one_run["statuses"]
    assert after_crash == one_run
    for query in ("embassy", "tag:PREL", '"quartet principles"'):  # the search index is whole
        assert search_ids(crashed, query) == search_ids(clean, query)
    assert search_ids(crashed, "embassy")
