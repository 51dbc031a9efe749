"""Web throughput: cable, list (browse, tag, origin) and search pages under 32 concurrent
keep-alive connections on loopback, against a static file of the same size served by the
same server (WhiteNoise). The list pages are those the cable pages link to.

The load generator is ``bench.load`` (Debian's wrk); every run is bounded in time, binds
nothing but 127.0.0.1, and stops the server it started.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.stages import Row, Skip, StageResult, median, require_module_file

CONNECTIONS = 32
HOST = "127.0.0.1"
LIST_LINK = re.compile(r'href="(/(?:origin|tag|released|date|classified)/[^"?#]*)"')
LIST_PAGES = 200


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def server(db: str, static_root: Path, log: Path) -> Iterator[int]:
    """``cablebase serve`` on a free loopback port; stopped (by its pid) on exit."""
    port = free_port()
    env = {**os.environ, "CABLEBASE_STATIC_ROOT": str(static_root)}
    cmd = [
        sys.executable,
        "-m",
        "cablebase",
        "serve",
        "--db",
        db,
        "--host",
        HOST,
        "--port",
        str(port),
    ]
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            cmd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise Skip(f"cablebase serve exited {proc.returncode}: {log.read_text()[-400:]}")
            with contextlib.suppress(OSError), socket.create_connection((HOST, port), 0.5):
                break
            time.sleep(0.2)
        else:
            raise Skip("cablebase serve did not listen within 60 s")
        yield port
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def get(port: int, path: str) -> tuple[int, bytes, str | None]:
    con = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        con.request("GET", path)
        resp = con.getresponse()
        return resp.status, resp.read(), resp.getheader("Location")
    finally:
        con.close()


def resolve(port: int, path: str, links: set[str] | None = None) -> tuple[str, int] | None:
    """Follow redirects (at most 3); the final path and its body size, or None if not 200.

    ``links`` collects the list pages (browse, tag, origin) the page links to.
    """
    for _ in range(4):
        status, body, location = get(port, path)
        if status in (301, 302, 303, 307, 308) and location:
            path = urllib.parse.urlsplit(location).path or "/"
            continue
        if status == 200 and links is not None:
            links.update(LIST_LINK.findall(body.decode("utf-8", "replace")))
        return (path, len(body)) if status == 200 else None
    return None


def load(port: int, paths: list[str], seconds: float) -> dict[str, Any]:
    """CONNECTIONS keep-alive connections for ``seconds`` cycling over ``paths`` (wrk)."""
    from bench.load import LoadError
    from bench.load import run as wrk_run

    try:
        return wrk_run(f"http://{HOST}:{port}", paths, CONNECTIONS, seconds)
    except LoadError as exc:
        raise Skip(str(exc)) from exc


def run(
    db: str | None, cable_ids: list[str], words: list[str], work: Path, seconds: float
) -> StageResult:
    require_module_file("cablebase.cli.site_cmds")
    require_module_file("cablebase.reader.views")
    if not db:
        raise Skip("no ingested archive (the ingest stage did not run)")
    static_root = work / "static"
    (static_root / "bench").mkdir(parents=True, exist_ok=True)
    log = work / "serve.log"
    links: set[str] = set()
    with server(db, static_root, log) as port:
        cables = [r for r in (resolve(port, f"/cable/{i}", links) for i in cable_ids) if r]
        searches = [f"/search?q={urllib.parse.quote(w)}" for w in words]
        searches = [p for p in searches if resolve(port, p)]
        lists = ["/", *sorted(links)][:LIST_PAGES]
        lists = [p for p in lists if resolve(port, p)]
    if not cables:
        raise Skip(f"no cable page answered 200 (tried /cable/{cable_ids[:1]}...)")
    size = int(median([float(n) for _, n in cables]))
    static = static_root / "bench" / "cable-size.html"
    static.write_bytes((b"<!doctype html><title>bench</title><pre>" + b"x" * size)[:size])
    result = StageResult("web", goal=f"{CONNECTIONS} concurrent connections, loopback")
    details: dict[str, Any] = {
        "connections": CONNECTIONS,
        "cable_page_bytes": size,
        "cable_pages": len(cables),
        "search_pages": len(searches),
        "list_pages": len(lists),
    }
    with server(db, static_root, log) as port:
        if resolve(port, "/static/bench/cable-size.html") is None:
            raise Skip("the server does not serve the static file /static/bench/cable-size.html")
        load(port, ["/static/bench/cable-size.html"], 2)  # warm-up
        static_stats = load(port, ["/static/bench/cable-size.html"], seconds)
        cable_stats = load(port, [p for p, _ in cables], seconds)
        list_stats = load(port, lists, seconds) if lists else None
        search_stats = load(port, searches, seconds) if searches else None
    details.update(static=static_stats, cable=cable_stats, lists=list_stats, search=search_stats)
    result.rows += [
        Row(
            "cable pages req/s",
            cable_stats["rps"],
            static_stats["rps"],
            "req/s",
            "static file, same size",
        ),
        Row(
            "cable pages p50",
            cable_stats["p50_ms"],
            static_stats["p50_ms"],
            "ms",
            "static file",
            higher_is_better=False,
        ),
        Row(
            "cable pages p99",
            cable_stats["p99_ms"],
            static_stats["p99_ms"],
            "ms",
            "static file",
            higher_is_better=False,
        ),
    ]
    if list_stats:
        result.rows += [
            Row(
                "browse/tag/origin req/s",
                list_stats["rps"],
                static_stats["rps"],
                "req/s",
                "static file, same size",
            ),
            Row(
                "browse/tag/origin p99",
                list_stats["p99_ms"],
                static_stats["p99_ms"],
                "ms",
                "static file",
                higher_is_better=False,
            ),
        ]
    if search_stats:
        result.rows += [
            Row(
                "search pages req/s",
                search_stats["rps"],
                static_stats["rps"],
                "req/s",
                "static file, same size",
            ),
            Row(
                "search pages p50",
                search_stats["p50_ms"],
                static_stats["p50_ms"],
                "ms",
                "static file",
                higher_is_better=False,
            ),
            Row(
                "search pages p99",
                search_stats["p99_ms"],
                static_stats["p99_ms"],
                "ms",
                "static file",
                higher_is_better=False,
            ),
        ]
    result.details = details
    return result
