"""Cable pages per second from ``cablebase serve`` beside a static file of the same size.

    .venv/bin/python scripts/web_throughput.py --db archive.db [--cables 1000] [--seconds 15]

Starts ``cablebase serve`` on a free loopback port over the archive, writes a static
file as large as the median cable page into the server's STATIC_ROOT (served by the
same process, WhiteNoise), and loads both under 32 keep-alive connections with
``wrk`` (Debian's package) cycling over a mix of ``--cables`` different cable pages,
or with a thread-per-connection Python client when wrk is missing. Four runs:
the first pass over the mix (pages rendered and stored: the cache cold), the mix
again (served from the shared page cache), the list pages the first cable pages link
to (browse, tag and origin pages, after a pass that stores them), and the static file.
Prints a table, the load average before and after, and, with ``--json``, the figures.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

HOST = "127.0.0.1"
CONNECTIONS = 32
LIST_LINK = re.compile(rb'href="(/(?:origin|tag|released|date|classified)/[^"?#]*)"')
LIST_PAGES = 200
WRK_SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("CABLEBASE_PATHS")) do paths[#paths + 1] = line end
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(db: str, static_root: Path, workers: int | None, log: Path) -> Iterator[int]:
    """``cablebase serve`` on loopback; stopped (its process group, by pid) on exit."""
    port = free_port()
    cache_dir = static_root.parent / "page-cache"
    env = {
        **os.environ,
        "CABLEBASE_STATIC_ROOT": str(static_root),
        "CABLEBASE_PAGE_CACHE": str(cache_dir),
    }
    command = [sys.executable, "-m", "cablebase", "serve", "--db", db, "--host", HOST]
    command += ["--port", str(port)] + (["--workers", str(workers)] if workers else [])
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SystemExit(f"cablebase serve exited: {log.read_text()[-600:]}")
            with contextlib.suppress(OSError), socket.create_connection((HOST, port), 0.5):
                break
            time.sleep(0.2)
        yield port
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def cable_paths(db: str, count: int, seed: int) -> list[str]:
    """``count`` cable addresses picked at random (fixed seed) from the archive."""
    from cablebase.django_setup import setup

    setup(db)
    from cablebase.archive.models import Cable

    ids = list(Cable.objects.exclude(created=None).values_list("pk", flat=True))
    picked = random.Random(seed).sample(ids, min(count, len(ids)))
    cables = Cable.objects.filter(pk__in=picked).only("reference_id", "created")
    return [cable.get_absolute_url() for cable in cables]


def fetch(port: int, path: str) -> tuple[int, bytes]:
    con = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        con.request("GET", path)
        response = con.getresponse()
        return response.status, response.read()
    finally:
        con.close()


def load_wrk(port: int, paths: list[str], seconds: int, work: Path) -> dict[str, float]:
    script, listing = work / "mix.lua", work / "paths.txt"
    script.write_text(WRK_SCRIPT)
    listing.write_text("\n".join(paths) + "\n")
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "-s", str(script)]
    done = subprocess.run(
        [*command, f"http://{HOST}:{port}"],
        env={**os.environ, "CABLEBASE_PATHS": str(listing)},
        capture_output=True,
        text=True,
        check=True,
    )
    out = done.stdout

    def ms(label: str) -> float:
        found = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not found:
            return float("nan")
        value, unit = float(found.group(1)), found.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50_ms": ms("50%"),
        "p99_ms": ms("99%"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def load_python(port: int, paths: list[str], seconds: int) -> dict[str, float]:
    """The fallback client: one thread and keep-alive connection per connection slot."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker(offset: int) -> None:
        con = http.client.HTTPConnection(HOST, port, timeout=60)
        i = offset
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            con.request("GET", paths[i % len(paths)])
            response = con.getresponse()
            response.read()
            with lock:
                latencies.append(time.perf_counter() - started)
                errors[0] += response.status != 200
            i += 1
        con.close()

    threads = [threading.Thread(target=worker, args=(n * 31,)) for n in range(CONNECTIONS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "rps": len(latencies) / wall,
        "requests": len(latencies),
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p99_ms": 1000 * latencies[int(len(latencies) * 0.99) - 1],
        "errors": errors[0],
    }


def cold_pass(port: int, paths: list[str]) -> dict[str, float]:
    """Every page of the mix once, 32 at a time: each one rendered and stored."""
    latencies: list[float] = []
    queue = iter(paths)
    lock = threading.Lock()

    def worker() -> None:
        con = http.client.HTTPConnection(HOST, port, timeout=120)
        while True:
            with lock:
                path = next(queue, None)
            if path is None:
                break
            started = time.perf_counter()
            con.request("GET", path)
            con.getresponse().read()
            with lock:
                latencies.append(time.perf_counter() - started)
        con.close()

    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "rps": len(latencies) / wall,
        "requests": len(latencies),
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p99_ms": 1000 * latencies[max(0, int(len(latencies) * 0.99) - 1)],
        "errors": 0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the archive (SQLite file or URL)")
    parser.add_argument("--cables", type=int, default=1000, help="pages in the mix")
    parser.add_argument("--seconds", type=int, default=15, help="length of each loaded run")
    parser.add_argument("--workers", type=int, default=None, help="server worker processes")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--json", metavar="FILE", help="also write the figures here")
    args = parser.parse_args(argv)
    use_wrk = shutil.which("wrk") is not None
    load_before = os.getloadavg()
    paths = cable_paths(args.db, args.cables, args.seed)
    if not paths:
        parser.error("the archive holds no dated cable")
    with tempfile.TemporaryDirectory(prefix="cablebase-web-") as scratch:
        work = Path(scratch)
        static_root = work / "static"
        (static_root / "bench").mkdir(parents=True)
        with serving(args.db, static_root, args.workers, work / "serve.log") as port:
            bodies = [fetch(port, p)[1] for p in paths[:50]]
        sizes = sorted(len(body) for body in bodies)
        size = sizes[len(sizes) // 2]
        links = {link.decode() for body in bodies for link in LIST_LINK.findall(body)}
        lists = ["/", *sorted(links)][:LIST_PAGES]
        static_file = static_root / "bench" / "cable-size.html"
        static_file.write_bytes((b"<!doctype html><title>size</title><pre>" + b"x" * size)[:size])
        with serving(args.db, static_root, args.workers, work / "serve.log") as port:
            status, body = fetch(port, "/static/bench/cable-size.html")
            assert status == 200 and len(body) == size, (status, len(body))
            results = {"cold pass (rendered, stored)": cold_pass(port, paths)}
            client = "wrk" if use_wrk else "python threads"

            def load(mix: list[str]) -> dict[str, float]:
                if use_wrk:
                    return load_wrk(port, mix, args.seconds, work)
                return load_python(port, mix, args.seconds)

            results["cable pages (page cache)"] = load(paths)
            cold_pass(port, lists)
            results["browse, tag, origin pages"] = load(lists)
            results["static file, same size"] = load(["/static/bench/cable-size.html"])
    cached = results["cable pages (page cache)"]["rps"]
    static = results["static file, same size"]["rps"]
    print(f"{len(paths)} cable pages in the mix, page size {size:,} bytes, client {client}, ")
    print(f"{CONNECTIONS} connections, {os.cpu_count()} CPUs")
    for name, row in results.items():
        print(
            f"  {name:30} {row['rps']:8.0f} req/s  p50 {row['p50_ms']:7.1f} ms"
            f"  p99 {row['p99_ms']:7.1f} ms  ({row['requests']} requests, {row['errors']} errors)"
        )
    lists_rate = results["browse, tag, origin pages"]["rps"]
    print(f"  cable pages at {100 * cached / static:.0f}% of the static file's rate,")
    print(f"  {len(lists)} browse, tag and origin pages at {100 * lists_rate / static:.0f}%")
    after = os.getloadavg()
    print(f"  load average {load_before[0]:.1f} before, {after[0]:.1f} after")
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "size": size,
                    "client": client,
                    "runs": results,
                    "load_average": [load_before[0], after[0]],
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
