"""``cablebase serve`` and ``cablebase demo``: the site under a production-grade server.

Gunicorn (threaded workers) serves the WSGI app; static files come from WhiteNoise,
so no separate web server is needed to try the site. On SQLite the default is one
worker process per CPU (at most 4), each with a few threads: readers never block
each other in WAL mode, and the few writes (comments) queue on the file lock with
a 30 s busy timeout instead of failing.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from cablebase.cli.common import NoArchiveError, add_db_option, no_archive_message, open_archive

DEFAULT_DEMO_DB = "cablebase-demo.db"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def register(sub: argparse._SubParsersAction) -> None:
    serve = sub.add_parser("serve", help="serve the web site (gunicorn)")
    add_db_option(serve)
    _server_options(serve)
    serve.set_defaults(handler=cmd_serve)

    demo = sub.add_parser(
        "demo",
        help="ingest the bundled sample cables into a SQLite file (kept between runs) and serve",
    )
    demo.add_argument(
        "--db",
        metavar="PATH",
        default=DEFAULT_DEMO_DB,
        help=f"SQLite file (default {DEFAULT_DEMO_DB})",
    )
    demo.add_argument(
        "--samples",
        metavar="DIR",
        default=str(SAMPLES),
        help="cables to ingest (default: samples/)",
    )
    _server_options(demo)
    demo.set_defaults(handler=cmd_demo)


def _server_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="worker processes (default: CPUs up to 4 on SQLite, 2 x CPUs + 1 on PostgreSQL)",
    )
    parser.add_argument("--threads", type=int, default=4, help="threads per worker (default 4)")


def _is_sqlite() -> bool:
    from django.db import connection

    return connection.vendor == "sqlite"


def default_workers(sqlite: bool) -> int:
    cpus = os.cpu_count() or 1
    return min(cpus, 4) if sqlite else min(2 * cpus + 1, 9)


def cmd_serve(args: argparse.Namespace) -> int:
    busy = port_in_use(args.host, args.port)
    if busy:
        print(f"cablebase serve: {busy}", file=sys.stderr)
        return 2
    try:
        open_archive(args)
    except NoArchiveError as exc:
        print(f"cablebase serve: {no_archive_message(str(exc))}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bad --db URL or an unreachable server: say which
        print(f"cablebase serve: cannot open the archive {args.db or ''}: {exc}", file=sys.stderr)
        return 2
    from cablebase.archive.search import IndexBusy, SearchIndexError, catch_up

    try:
        catch_up()  # before the first request, not during it
    except IndexBusy:
        pass  # an ingest is running; it keeps the index in step
    except SearchIndexError as exc:
        print(f"cablebase serve: {exc}", file=sys.stderr)
        return 2
    return serve(args.host, args.port, args.workers, args.threads)


def cmd_demo(args: argparse.Namespace) -> int:
    """Ingest the samples into the demo file, then serve it.

    Run again, the demo keeps its file, and with it the admin accounts and comments
    made meanwhile: the ingest only adds what is new. A file that some other command
    made is never touched.
    """
    db = Path(args.db)
    samples = Path(args.samples)
    if not samples.is_dir():
        print(f"cablebase demo: no sample cables at {samples}", file=sys.stderr)
        return 2
    if db.exists() and not is_demo_archive(db):
        print(
            f"cablebase demo: {db} exists and is not a demo archive; "
            "it is left alone (choose another --db)",
            file=sys.stderr,
        )
        return 2
    busy = port_in_use(args.host, args.port)
    if busy:
        print(f"cablebase demo: {busy} (for `make demo`: make demo PORT=8001)", file=sys.stderr)
        return 2
    args.db = str(db)
    open_archive(args, create=True)
    from cablebase.archive.ingest import ingest

    print(f"Ingesting the sample cables from {samples} into {db} ...", flush=True)
    report = ingest([samples], command=f"cablebase demo --db {db}")
    print(
        f"{report.new} cables stored, {report.unchanged} already there, "
        f"{report.failed} failed, in {report.seconds:.1f} s.",
        flush=True,
    )
    return serve(args.host, args.port, args.workers, args.threads)


def port_in_use(host: str, port: int) -> str | None:
    """Why the server could not listen on ``host:port`` (in use, bad address), or None.

    Checked before any work, so a busy port is one clear line instead of a claim to be
    serving followed by seconds of gunicorn retries. Binds as gunicorn will
    (``SO_REUSEADDR``), so a port left in TIME_WAIT is not called busy.
    """
    import errno
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return f"cannot listen on {host}: {exc.strerror}"
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return f"port {port} on {host} is in use; choose another with --port"
            return f"cannot listen on {host}:{port}: {exc.strerror}"
    return None


def is_demo_archive(path: Path) -> bool:
    """True for a file an earlier ``cablebase demo`` made (every ingest run was the demo's)."""
    import sqlite3
    from contextlib import closing

    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            commands = [row[0] for row in conn.execute("SELECT command FROM ingest_run")]
    except sqlite3.DatabaseError:
        return path.stat().st_size == 0
    return all(command.startswith("cablebase demo") for command in commands)


def serve(host: str, port: int, workers: int | None, threads: int) -> int:
    """Run gunicorn in this process (it forks its workers from here)."""
    from gunicorn.app.base import BaseApplication

    from cablebase.wsgi import application

    sqlite = _is_sqlite()
    if sqlite and workers and workers > 8:
        print("note: many worker processes on SQLite; writes will queue on the file lock.")
    options: dict[str, Any] = {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers or default_workers(sqlite),
        "threads": threads,
        "worker_class": "gthread",
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "timeout": 60,
        "graceful_timeout": 10,
        "preload_app": True,
    }

    class Server(BaseApplication):
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    from django.db import connections

    connections.close_all()  # never share a connection with the forked workers
    print(f"Serving cablebase on http://{host}:{port}/ (Ctrl-C to stop)", flush=True)
    Server().run()
    return 0
