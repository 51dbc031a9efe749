"""A throwaway PostgreSQL server on loopback, for the tests and benchmarks (not shipped).

``python -m tests.pg_server -- CMD ARGS...`` starts a fresh cluster
in a temporary directory, runs CMD with ``CABLEBASE_DATABASE_URL`` pointing at
it, then stops the server and deletes the cluster.  ``initdb`` refuses to run
as root, so as root the cluster is made and run by the ``postgres`` user.

Why not pytest-postgresql: its process fixture runs ``initdb``/``pg_ctl`` as the
current user (refused as root), and it starts the server inside the pytest session,
after Django has read ``CABLEBASE_DATABASE_URL``; the whole ``-m backend`` run needs
the server before the interpreter starts, so this wrapper runs around pytest.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    pass


def find_bindir() -> Path:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise PostgresUnavailable(
        "no PostgreSQL server binaries found (install Debian's 'postgresql' package)"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_owner(cmd: list[str], run_as: str | None) -> list[str]:
    return ["runuser", "-u", run_as, "--", *cmd] if run_as else cmd


@contextmanager
def temporary_server(dbname: str = "cablebase") -> Iterator[str]:
    """Yield the URL of a database on a fresh server that is gone afterwards."""
    bindir = find_bindir()
    run_as = "postgres" if os.geteuid() == 0 else None
    root = Path(tempfile.mkdtemp(prefix="cablebase-pg-"))
    data = root / "data"
    if run_as:
        shutil.chown(root, user=run_as)
    port = _free_port()
    log = root / "server.log"
    try:
        subprocess.run(
            _as_owner(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync",
                ],
                run_as,
            ),
            check=True,
            capture_output=True,
        )
        opts = (
            f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=200 -c shared_buffers=256MB"
        )
        subprocess.run(
            _as_owner(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(log),
                    "-o",
                    opts,
                    "-w",
                    "-t",
                    "60",
                    "start",
                ],
                run_as,
            ),
            check=True,
            capture_output=True,
        )
        deadline = time.monotonic() + 30
        while True:
            probe = subprocess.run(
                [
                    str(bindir / "psql"),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(port),
                    "-U",
                    "postgres",
                    "-d",
                    "postgres",
                    "-c",
                    f"CREATE DATABASE {dbname}",
                ],
                capture_output=True,
                text=True,
            )
            if probe.returncode == 0:
                break
            if time.monotonic() > deadline:
                raise PostgresUnavailable(f"server did not accept connections: {probe.stderr}")
            time.sleep(0.3)
        yield f"postgresql://postgres@127.0.0.1:{port}/{dbname}"
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode(errors="replace")
        if log.exists():
            detail += log.read_text(errors="replace")
        raise PostgresUnavailable(f"{' '.join(exc.cmd)} failed: {detail}") from exc
    finally:
        subprocess.run(
            _as_owner(
                [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], run_as
            ),
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--":
        argv = argv[1:]
    if not argv:
        print("usage: python -m tests.pg_server -- COMMAND [ARGS...]", file=sys.stderr)
        return 2
    with temporary_server() as url:
        print(f"PostgreSQL test server: {url}", file=sys.stderr, flush=True)
        env = dict(os.environ, CABLEBASE_DATABASE_URL=url)
        return subprocess.run(argv, env=env).returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
