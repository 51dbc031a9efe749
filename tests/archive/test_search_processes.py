"""The index across processes: kill -9 between the store's commit and the index's, and a
long-running searcher that sees another process's ingest without a restart.

Real subprocesses on a file database (SQLite), or a scratch database on the server when
the suite runs on PostgreSQL.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

SERVER = os.environ.get("CABLEBASE_DATABASE_URL", "")
TESTS = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.backend)])
def store(request, tmp_path: Path) -> Iterator[str]:
    """An empty database (path or URL) of its own."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    if not SERVER.startswith("postgres"):
        pytest.skip("runs when the suite runs on PostgreSQL")
    import psycopg

    name = f"search_{os.getpid()}"
    with psycopg.connect(SERVER, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield urlunsplit(urlsplit(SERVER)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(SERVER, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def env_for(index: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "CABLEBASE_INDEX": str(index)}
    env.pop("CABLEBASE_DATABASE_URL", None)
    env["PYTHONPATH"] = str(TESTS)
    return env


# Stores two batches of records; the second store commit is followed by kill -9 where
# the index's catch-up would run.
CRASHER = textwrap.dedent(
    """
    import os, signal, sys
    from cablebase.django_setup import migrate, setup
    setup(sys.argv[1]); migrate()
    from cablebase.archive.ingest import store_records
    from cablebase.archive.search import index as index_module
    from tests.archive.factory import make_record
    store_records([make_record(f"06FIRST{n}", body="gas pipelines") for n in range(3)])
    def die(self, progress=None):
        os.kill(os.getpid(), signal.SIGKILL)
    index_module.Engine.catch_up = die
    store_records([make_record(f"06SECOND{n}", body="gas and oil") for n in range(4)])
    """
)


def search_json(db: str, index: Path, query: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "cablebase", "search", query, "--db", db, "--json", "--limit", "50"],
        env=env_for(index),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


@pytest.mark.slow
def test_kill_9_between_store_and_index_commits_is_caught_up(store: str, tmp_path: Path) -> None:
    index = tmp_path / "store.index"
    crashed = subprocess.run(
        [sys.executable, "-c", CRASHER, store], env=env_for(index), capture_output=True, timeout=120
    )
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr
    behind = json.loads((index / "cablebase-search.json").read_text())
    found = search_json(store, index, "gas")
    assert found["total"] == 7  # the second batch was caught up before searching
    assert {h["reference_id"] for h in found["hits"]} >= {"06SECOND0", "06SECOND3"}
    ahead = json.loads((index / "cablebase-search.json").read_text())
    assert ahead["versions"] > behind["versions"]


SERVER_LOOP = textwrap.dedent(
    """
    import sys
    from cablebase.django_setup import setup
    setup(sys.argv[1])
    from cablebase.archive.search import search
    for line in sys.stdin:
        print(search(line.strip(), facets=False).total, flush=True)
    """
)


@pytest.mark.slow
def test_a_running_searcher_sees_another_process_ingest(
    store: str, tmp_path: Path, samples_dir: Path
) -> None:
    index = tmp_path / "store.index"
    env = env_for(index)
    ingest = [sys.executable, "-m", "cablebase", "ingest", "--db", store, "--workers", "0"]
    subprocess.run([*ingest, "--quiet", str(samples_dir / "seeds")], env=env, check=True)
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER_LOOP, store],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:

        def ask(query: str) -> int:
            assert server.stdin and server.stdout
            server.stdin.write(query + "\n")
            server.stdin.flush()
            return int(server.stdout.readline())

        seeds = ask("")
        before = ask("hamas")
        assert seeds > 0
        pages = samples_dir / "cablegate-2010-pages"
        subprocess.run([*ingest, "--quiet", str(pages)], env=env, check=True, timeout=600)
        assert ask("") > seeds + 300  # the same process, no restart
        assert ask("hamas") > before
    finally:
        server.kill()
        server.wait()
