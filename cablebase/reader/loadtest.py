"""A small loopback load generator: ``python -m cablebase.reader.loadtest URL [URL...]``.

Threads with keep-alive connections send a bounded number of GETs and report
requests per second and latency percentiles. Meant for measuring a local
``cablebase serve`` (127.0.0.1), not for testing other people's servers.
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import sys
import threading
import time
from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _worker(urls: list[str], count: int, latencies: list[float], errors: list[str]) -> None:
    parts = urlsplit(urls[0])
    conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=30)
    for i in range(count):
        target = urlsplit(urls[i % len(urls)])
        path = target.path + (f"?{target.query}" if target.query else "")
        started = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors.append(f"{path}: HTTP {response.status}")
        except (OSError, http.client.HTTPException) as exc:
            errors.append(f"{path}: {exc}")
            conn.close()
            conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=30)
            continue
        latencies.append(time.perf_counter() - started)
    conn.close()


def run(urls: list[str], requests: int, concurrency: int) -> dict[str, float]:
    latencies: list[float] = []
    errors: list[str] = []
    per_thread = max(1, requests // concurrency)
    threads = [
        threading.Thread(target=_worker, args=(urls, per_thread, latencies, errors))
        for _ in range(concurrency)
    ]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "seconds": elapsed,
        "rps": len(latencies) / elapsed if elapsed else 0.0,
        "median_ms": statistics.median(latencies) * 1000 if latencies else 0.0,
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000 if latencies else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+", help="http://127.0.0.1:PORT/... (loopback only)")
    parser.add_argument("-n", "--requests", type=int, default=2000, help="total (default 2000)")
    parser.add_argument("-c", "--concurrency", type=int, default=8, help="threads (default 8)")
    args = parser.parse_args(argv)
    for url in args.urls:
        parts = urlsplit(url)
        if parts.scheme != "http" or parts.hostname not in LOOPBACK:
            parser.error(f"{url}: only http:// URLs on loopback (127.0.0.1) are measured")
    if not 1 <= args.requests <= 100_000 or not 1 <= args.concurrency <= 256:
        parser.error("--requests must be 1..100000 and --concurrency 1..256")
    result = run(args.urls, args.requests, args.concurrency)
    print(
        f"{result['requests']} requests, {result['errors']} errors, {args.concurrency} threads, "
        f"{result['seconds']:.2f} s: {result['rps']:.0f} req/s, "
        f"median {result['median_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms"
    )
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
