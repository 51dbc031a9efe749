"""Ingest end to end into SQLite and PostgreSQL, against a bare FTS5 bulk insert and a COPY.

The archive's ingest runs in a child process (``cablebase ingest``) under ``/usr/bin/time``
so its peak memory is measured alone; baselines run in this process on the same texts.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.stages import Row, StageResult, require, require_module_file
from bench.stages.inputs import Sample, texts

GOAL_CABLES_PER_S = 1000
TIME = shutil.which("time") or "/usr/bin/time"


ARGS_AT_MOST = 1000


def linked_tree(paths: list[Path], root: Path) -> Path:
    """One directory of links to ``paths`` (folder/name kept): 250,000 paths overflow argv."""
    shutil.rmtree(root, ignore_errors=True)
    for path in paths:
        link = root / path.parent.name / path.name
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(path.resolve())
    return root


def child_ingest(db: str, paths: list[Path], env: dict[str, str]) -> dict[str, Any]:
    """Run the archive's ingest in a child; wall seconds and its peak RSS (KiB)."""
    py = sys.executable
    subprocess.run(
        [py, "-m", "bench.stages.ingest_child", "--db", db, "--migrate-only"],
        check=True,
        env=env,
        capture_output=True,
    )
    args = [str(p) for p in paths]
    if len(paths) > ARGS_AT_MOST:
        args = [str(linked_tree(paths, Path(env["BENCH_TMP"]) / "inputs"))]
    cmd = [py, "-m", "cablebase", "ingest", "--quiet", "--db", db, *args]
    rss_file = Path(env["BENCH_TMP"]) / "rss.txt"
    timed = [TIME, "-f", "%M", "-o", str(rss_file), *cmd] if os.path.exists(TIME) else cmd
    t0 = time.perf_counter()
    proc = subprocess.run(timed, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode not in (0, 1):  # 1 = some inputs failed, still a finished run
        tail = (proc.stderr or proc.stdout)[-800:]
        raise RuntimeError(f"ingest exited {proc.returncode}: {tail}")
    rss = None
    if rss_file.exists():
        with contextlib.suppress(ValueError):
            rss = int(rss_file.read_text().split()[-1])
    return {
        "seconds": seconds,
        "max_rss_kib": rss,
        "returncode": proc.returncode,
        "command": " ".join(cmd[1:4]) + f" ... ({len(paths)} paths)",
        "stderr_tail": proc.stderr[-600:],
    }


def sqlite_fts_baseline(s: Sample, db_path: Path) -> float:
    """Bulk insert of the same texts into a bare FTS5 table, one transaction."""
    if db_path.exists():
        db_path.unlink()
    t0 = time.perf_counter()
    con = sqlite3.connect(db_path)
    con.execute("CREATE VIRTUAL TABLE cable USING fts5(reference_id UNINDEXED, text)")
    with con:
        con.executemany("INSERT INTO cable VALUES (?, ?)", texts(s))
    con.close()
    return time.perf_counter() - t0


def pg_copy_baseline(s: Sample, url: str) -> tuple[float, int]:
    import psycopg

    t0 = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE bench_copy (reference_id text, text text)")
        with con.cursor() as cur, cur.copy("COPY bench_copy FROM STDIN") as copy:
            for row in texts(s):
                copy.write_row(row)
        seconds = time.perf_counter() - t0
        size = con.execute("SELECT pg_total_relation_size('bench_copy')").fetchone()[0]
        con.execute("DROP TABLE bench_copy")
    return seconds, size


def pg_size(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as con:
        return con.execute("SELECT pg_database_size(current_database())").fetchone()[0]


def cables_in(db: str, env: dict[str, str]) -> int | None:
    code = (
        "from cablebase.django_setup import setup; import sys; setup(sys.argv[1]);"
        "from cablebase.archive.models import Cable; print(Cable.objects.count())"
    )
    proc = subprocess.run([sys.executable, "-c", code, db], env=env, capture_output=True, text=True)
    return int(proc.stdout.strip()) if proc.returncode == 0 else None


def run(s: Sample, work: Path, postgres: bool = True) -> tuple[StageResult, dict[str, Any]]:
    """Returns the stage result and the databases it left for the search/web stages."""
    require_module_file("cablebase.archive.ingest")
    require("cablebase.django_setup")
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "BENCH_TMP": str(work)}
    result = StageResult("ingest", goal=f"{GOAL_CABLES_PER_S:,} cables/s end to end")
    raw = s.nbytes
    paths = s.all_paths()
    left: dict[str, Any] = {}

    db_file = work / "archive.sqlite3"

    def reset_sqlite() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_file}{suffix}").unlink(missing_ok=True)

    reset_sqlite()
    sq = child_ingest(f"sqlite:///{db_file}", paths, env)
    fts_file = work / "fts.sqlite3"
    fts_s = sqlite_fts_baseline(s, fts_file)
    stored = cables_in(f"sqlite:///{db_file}", env) or 0
    sq_size = sum(
        Path(f"{db_file}{x}").stat().st_size for x in ("", "-wal") if Path(f"{db_file}{x}").exists()
    )
    fts_size = fts_file.stat().st_size
    result.rows += [
        Row(
            "SQLite cables/s",
            s.cables / sq["seconds"],
            s.cables / fts_s,
            "cables/s",
            "bare FTS5 insert",
        ),
        Row(
            "SQLite peak RSS", (sq["max_rss_kib"] or 0) / 1024, None, "MiB", higher_is_better=False
        ),
        Row(
            "SQLite size / raw text",
            sq_size / raw,
            fts_size / raw,
            "x",
            "bare FTS5",
            higher_is_better=False,
        ),
    ]
    details: dict[str, Any] = {
        "cables": s.cables,
        "raw_bytes": raw,
        "sqlite": {
            **sq,
            "stored_cables": stored,
            "db_bytes": sq_size,
            "fts_seconds": fts_s,
            "fts_bytes": fts_size,
        },
    }
    left.update(sqlite=f"sqlite:///{db_file}", fts=fts_file)

    if postgres:
        try:
            from tests.pg_server import temporary_server

            stack = contextlib.ExitStack()
            url = stack.enter_context(temporary_server())
        except Exception as exc:
            details["postgresql"] = f"skipped: no PostgreSQL server ({exc})"
        else:
            try:
                pg = child_ingest(url, paths, env)
                copy_s, copy_size = pg_copy_baseline(s, url)
                size = pg_size(url)
                result.rows += [
                    Row(
                        "PostgreSQL cables/s",
                        s.cables / pg["seconds"],
                        s.cables / copy_s,
                        "cables/s",
                        "plain COPY",
                    ),
                    Row(
                        "PostgreSQL peak RSS",
                        (pg["max_rss_kib"] or 0) / 1024,
                        None,
                        "MiB",
                        higher_is_better=False,
                    ),
                    Row(
                        "PostgreSQL size / raw text",
                        size / raw,
                        copy_size / raw,
                        "x",
                        "COPY table",
                        higher_is_better=False,
                    ),
                ]
                details["postgresql"] = {
                    **pg,
                    "copy_seconds": copy_s,
                    "db_bytes": size,
                    "copy_bytes": copy_size,
                    "stored_cables": cables_in(url, env),
                }
            finally:
                stack.close()
    if not stored:
        details["warning"] = f"the archive holds no cables after ingest: {sq['stderr_tail']}"
    result.details = details
    return result, left
