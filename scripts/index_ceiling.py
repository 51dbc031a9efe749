"""How fast can tantivy index an archive's cables here, and how close is ``reindex``?

On an ingested archive, in one process, each step timed (wall and processor
seconds, every thread of the process):

- ``read``: the documents read from the store (``source.all_docs``), nothing indexed;
- ``bare N``: the same bodies, already in memory as documents, into a bare
  tantivy index (reference id stored, body with the default tokenizer and
  positions) with N writer threads: what the engine alone costs;
- ``engine``: the archive's documents (``schema.to_document``), already built,
  into an index of the archive's schema with the rebuild's writer: the engine's
  share of a rebuild;
- ``rebuild``: ``Engine.rebuild`` into a scratch directory, everything included
  but the process start (``cablebase reindex`` adds about 0.3 s of that).

    .venv/bin/python scripts/index_ceiling.py --db ARCHIVE.db [--repeats 3]

Medians of the repeats; ``uptime``'s load is printed beside them, since on a
shared machine the wall figures say mostly how busy the others were.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.stages import cpu_seconds  # noqa: E402
from bench.stages.tantivy_base import bare_schema  # noqa: E402


def timed(run: Callable[[], object], repeats: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(repeats):
        c0, t0 = cpu_seconds(), time.perf_counter()
        run()
        walls.append(time.perf_counter() - t0)
        cpus.append(cpu_seconds() - c0)
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    from cablebase.django_setup import setup

    setup(args.db, site=False)
    import tantivy

    from cablebase.archive.search import index, schema, source

    scratch = Path(tempfile.mkdtemp(prefix="index-ceiling-"))
    docs = [doc for chunk in source.all_docs() for doc in chunk]
    n = len(docs)
    chars = sum(len(d.body) for d in docs)
    print(f"{n:,} cables, {chars / 1e6:.0f} M characters of text; load {os.getloadavg()}")

    def report(label: str, wall: float, used: float) -> None:
        print(
            f"{label:<10} {wall:6.2f} s wall {n / wall:7,.0f} cables/s | "
            f"{used:6.2f} s cpu {n / used:7,.0f} cables per CPU-second"
        )

    report("read", *timed(lambda: sum(len(c) for c in source.all_docs()), args.repeats))

    def build(make_schema: Callable[[], tantivy.Schema], documents: list, threads: int) -> None:
        where = scratch / "build"
        shutil.rmtree(where, ignore_errors=True)
        where.mkdir()
        idx = tantivy.Index(make_schema(), path=str(where))
        schema.register_analyzers(idx)
        writer = idx.writer(index.HEAP_PER_THREAD * threads, threads)
        for document in documents:
            writer.add_document(document)
        writer.commit()
        writer.wait_merging_threads()

    bare = [tantivy.Document(rid=d.reference_id, text=d.body) for d in docs]
    for threads in (1, 2):
        wall, used = timed(lambda t=threads: build(bare_schema, bare, t), args.repeats)
        report(f"bare {threads}", wall, used)
    ours = [schema.to_document(d) for d in docs]
    bare.clear()
    docs.clear()
    threads = max(1, min(index.REBUILD_THREADS, os.cpu_count() or 1))
    report("engine", *timed(lambda: build(schema.build_schema, ours, threads), args.repeats))
    ours.clear()

    def rebuild() -> None:
        where = scratch / "rebuild"
        shutil.rmtree(where, ignore_errors=True)
        index.set_index_dir(where)
        index.forget_engines()
        index.engine().rebuild()
        index.engine().close()

    report("rebuild", *timed(rebuild, args.repeats))
    print(f"load {os.getloadavg()}")
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
