"""Server time of pages, without the network: ``python -m bench.timing URL...``.

Each path is fetched ``-n`` times through Django's test client (the whole middleware
stack, templates and queries; no socket, no server) after one warm-up request, and the
p50 and p95 are printed (nearest rank, ``bench.stages.percentile``, as every bench figure).
This is the "server time" of a page; ``python -m bench.load`` measures it under load.
"""

from __future__ import annotations

import argparse
import sys
import time

from bench.stages import percentile


def measure(paths: list[str], repeat: int) -> list[tuple[str, int, float, float]]:
    from django.test import Client

    client = Client()
    results = []
    for path in paths:
        status = client.get(path).status_code
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(path)
            samples.append(time.perf_counter() - started)
        p50, p95 = percentile(samples, 50), percentile(samples, 95)
        results.append((path, status, p50 * 1000, p95 * 1000))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths", nargs="+", help="site paths, e.g. /cable/2006/02/06MOSCOW1323.html"
    )
    parser.add_argument(
        "--db", help="SQLite file or database URL (default: $CABLEBASE_DATABASE_URL)"
    )
    parser.add_argument("-n", "--repeat", type=int, default=300, help="requests per path (300)")
    args = parser.parse_args(argv)
    from cablebase.django_setup import setup

    setup(args.db)
    for path, status, p50, p95 in measure(args.paths, max(1, args.repeat)):
        print(f"{path}  HTTP {status}  p50 {p50:.2f} ms, p95 {p95:.2f} ms ({args.repeat} requests)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
