"""Load on a local server with Debian's ``wrk``: ``python -m bench.load URL [URL...]``.

One load generator for the bench's web stage and for developers. ``wrk`` (C, epoll) keeps
its own CPU use small, which matters on a two-core machine where a Python load generator
would take CPU from the server it measures. A Lua script cycles over the given paths and
prints wrk's figures as JSON. wrk's percentile is the nearest rank over its 1 µs latency
histogram (``rank = round(p/100 * n + 0.5)``), the definition of ``bench.stages.percentile``
used by every other bench figure.

Only loopback URLs are measured: this is for a ``cablebase serve`` of one's own.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
SCRIPT = r"""
local paths = {}
for line in io.lines(os.getenv("BENCH_LOAD_PATHS")) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\nBENCH_LOAD {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, ' ..
    '"read": %d, "write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p95_us": %d, ' ..
    '"p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, latency.mean))
end
"""


class LoadError(RuntimeError):
    """wrk is missing or did not report."""


def wrk_path() -> str | None:
    return shutil.which("wrk")


def run(
    base: str, paths: list[str], connections: int = 32, seconds: float = 10, threads: int = 2
) -> dict:
    """``connections`` keep-alive connections over ``threads`` wrk threads for ``seconds``,
    cycling over ``paths`` on ``base`` (``http://127.0.0.1:PORT``)."""
    wrk = wrk_path()
    if wrk is None:
        raise LoadError("Debian's wrk is not installed (apt-get install wrk)")
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        script, listing = Path(tmp) / "cycle.lua", Path(tmp) / "paths.txt"
        script.write_text(SCRIPT)
        listing.write_text("\n".join(paths) + "\n")
        cmd = [
            wrk,
            f"-t{max(1, min(threads, connections))}",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "60s",
            "-s",
            str(script),
            base.rstrip("/") + paths[0],
        ]
        env = {"BENCH_LOAD_PATHS": str(listing), "PATH": "/usr/bin:/bin"}
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=seconds + 120)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("BENCH_LOAD ")), None)
    if line is None:
        raise LoadError(f"wrk exited {proc.returncode}: {(proc.stderr or proc.stdout)[-400:]}")
    raw = json.loads(line.removeprefix("BENCH_LOAD "))
    secs = raw["duration_us"] / 1e6
    return {
        "requests": raw["requests"],
        "seconds": secs,
        "rps": raw["requests"] / secs if secs else 0.0,
        "p50_ms": raw["p50_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "non_200": raw["status"],
        "socket_errors": raw["connect"] + raw["read"] + raw["write"] + raw["timeout"],
        "connections": connections,
        "tool": "wrk",
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n")[0])
    ap.add_argument("urls", nargs="+", help="http://127.0.0.1:PORT/... (loopback only)")
    ap.add_argument("-c", "--connections", type=int, default=8, help="connections (default 8)")
    ap.add_argument("-d", "--seconds", type=float, default=10, help="duration (default 10 s)")
    ap.add_argument("-t", "--threads", type=int, default=2, help="wrk threads (default 2)")
    args = ap.parse_args(argv)
    bases = set()
    for url in args.urls:
        parts = urlsplit(url)
        if parts.scheme != "http" or parts.hostname not in LOOPBACK:
            ap.error(f"{url}: only http:// URLs on loopback (127.0.0.1) are measured")
        bases.add(f"{parts.scheme}://{parts.netloc}")
    if len(bases) > 1:
        ap.error("all URLs must be on the same server")
    if not 1 <= args.connections <= 1024 or not 1 <= args.seconds <= 600:
        ap.error("--connections must be 1..1024 and --seconds 1..600")
    paths = []
    for url in args.urls:
        parts = urlsplit(url)
        paths.append((parts.path or "/") + (f"?{parts.query}" if parts.query else ""))
    try:
        r = run(bases.pop(), paths, args.connections, args.seconds, args.threads)
    except LoadError as exc:
        print(f"bench.load: {exc}", file=sys.stderr)
        return 2
    print(
        f"{r['requests']} requests, {r['non_200']} non-2xx/3xx, {r['socket_errors']} socket"
        f" errors, {args.connections} connections, {r['seconds']:.1f} s: {r['rps']:.0f} req/s,"
        f" p50 {r['p50_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms"
    )
    return 1 if r["non_200"] or r["socket_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
