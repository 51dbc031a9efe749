"""Measure the search index on an ingested archive: build rate, size, latency.

Rebuilds the index from the store (cables a second), compares its size on
disk with the raw text it indexes, then times every query of
``bench/queries.txt`` (read, not changed) through ``search()`` with facets
(page of hits from the index, snippets, five facet counts; each run from
cold) next to a bare tantivy query of the same engine query in the same run
(top 20 and the exact count, nothing else).

    .venv/bin/python scripts/search_measure.py --db ARCHIVE.db [--index DIR] [--repeats 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

QUERIES = Path(__file__).resolve().parent.parent / "bench" / "queries.txt"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def load_queries() -> list[tuple[str, int, str]]:
    out = []
    for raw in QUERIES.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" | ")]
        opts = dict(p.split("=", 1) for p in parts[2:])
        out.append((parts[1], int(opts.get("page", 1)), opts.get("sort", "relevance")))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--index", help="index directory (default: beside the database)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-rebuild", action="store_true")
    args = parser.parse_args()
    from cablebase.django_setup import setup

    setup(args.db)
    from django.db.models import Sum
    from django.db.models.functions import Length

    from cablebase.archive.models import Cable
    from cablebase.archive.query import parse_query
    from cablebase.archive.search import index_dir, reindex, search, set_index_dir
    from cablebase.archive.search.forms import Vocabulary
    from cablebase.archive.search.index import engine
    from cablebase.archive.search.translate import Translator

    if args.index:
        set_index_dir(args.index)
    cables = Cable.objects.count()
    if not args.no_rebuild:
        started = time.perf_counter()
        reindex()
        seconds = time.perf_counter() - started
        print(f"index build: {cables} cables in {seconds:.1f} s = {cables / seconds:,.0f} cables/s")
    size = sum(f.stat().st_size for f in index_dir().iterdir() if f.is_file())
    text = Cable.objects.aggregate(
        n=Sum(Length("body")) + Sum(Length("subject")) + Sum(Length("reference_id"))
    )["n"]
    print(
        f"index size: {size / 1e6:.1f} MB for {text / 1e6:.1f} M characters of text "
        f"({size / text:.2f} bytes a character)"
    )
    eng = engine()
    full: list[float] = []
    bare: list[float] = []
    slow: list[tuple[float, str]] = []
    for text_query, page, sort in load_queries():
        search(text_query, page=page, sort=sort)  # warm
        mine = []
        for _ in range(args.repeats):
            eng.forget_memo()  # from cold: no facet counts or word forms remembered
            t0 = time.perf_counter()
            search(text_query, page=page, sort=sort, facets=True)
            mine.append(time.perf_counter() - t0)
            eng.forget_memo()
            t0 = time.perf_counter()
            searcher = eng.searcher()
            vocabulary = Vocabulary(searcher, lambda key, compute: compute())
            query = Translator(eng.schema, vocabulary).query(parse_query(text_query).root)
            searcher.search(query, 20, count=True, offset=20 * (page - 1))
            bare.append(time.perf_counter() - t0)
        full.extend(mine)
        slow.append((statistics.median(mine), text_query))
    for name, lat in (("search() + facets", full), ("bare tantivy top 20 + count", bare)):
        p50, p95, p99 = (1000 * percentile(lat, p) for p in (50, 95, 99))
        print(f"{name:>28}: p50 {p50:.1f} ms  p95 {p95:.1f} ms  p99 {p99:.1f} ms")
    print("slowest:", ", ".join(f"{q!r} {1000 * s:.0f} ms" for s, q in sorted(slow)[-3:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
