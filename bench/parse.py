"""Parse throughput: cables/s and MB/s, next to a baseline measured in the same run.

The baseline reads the same bytes and splits them into lines (the least any
parser must do); the parser figure is ``parse_document`` over each cable.
Each figure is the median of ``--repeat`` runs, in wall-clock time and in
this process's CPU time (the fair per-core figure when other work shares the
machine). Prints one JSON object.

    .venv/bin/python -m bench.parse      # 2010 pages, their text as telegrams, seeds replicated
    .venv/bin/python -m bench.parse --set seeds --copies 2000 --repeat 5
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def load_set(name: str, copies: int) -> list[tuple[str, bytes]]:
    """The named cable set as (path, bytes) pairs, read once before timing."""
    if name == "pages-2010":
        return [
            (str(p), p.read_bytes())
            for p in sorted((SAMPLES / "cablegate-2010-pages").glob("*.html"))
        ]
    if name == "texts-2010-7k":
        # The goal's size class: the 2010 cables between 5 and 9 KB (mean about 7 KB).
        return [(p, d) for p, d in load_set("texts-2010", copies) if 5000 <= len(d) <= 9000]
    if name == "texts-2010":
        # The same cables as bare telegrams (header + text, no HTML): ~7 KB each.
        from cablebase.parse.context import Context
        from cablebase.parse.formats.wikileaks_html import read

        out = []
        for path in sorted((SAMPLES / "cablegate-2010-pages").glob("*.html")):
            state = read(path.read_text(encoding="utf-8"), Context())
            text = (state.transmission + "\n\n" + state.text).strip() + "\n"
            out.append((path.stem + ".txt", text.encode("utf-8")))
        return out
    if name == "seeds":
        seeds = [(str(p), p.read_bytes()) for p in sorted((SAMPLES / "seeds").glob("*.txt"))]
        return [seeds[i % len(seeds)] for i in range(copies)]
    raise SystemExit(f"unknown set {name!r} (pages-2010, texts-2010[-7k], seeds)")


def _baseline(docs: list[tuple[str, bytes]]) -> int:
    lines = 0
    for _path, data in docs:
        lines += len(data.decode("utf-8", errors="replace").splitlines())
    return lines


def _parse(docs: list[tuple[str, bytes]]) -> int:
    from cablebase.parse import parse_document

    for path, data in docs:
        parse_document(data, path=path)
    return len(docs)


def measure(docs: list[tuple[str, bytes]], repeat: int) -> dict[str, object]:
    total = sum(len(d) for _p, d in docs)
    _parse(docs[:50])  # warm caches (lookup tables, regex compilation)
    results = {}
    for label, fn in (("baseline", _baseline), ("parse", _parse)):
        walls, cpus = [], []
        for _ in range(repeat):
            c0, t0 = time.process_time(), time.perf_counter()
            fn(docs)
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        results[label] = {
            "seconds_median": round(wall, 5),
            "seconds_all": [round(t, 5) for t in walls],
            "cables_per_s": round(len(docs) / wall, 1),
            "mb_per_s": round(total / wall / 1e6, 2),
            # CPU time of this process: the per-core figure on a shared, loaded machine.
            "cpu_seconds_median": round(cpu, 5),
            "cpu_cables_per_s": round(len(docs) / max(cpu, 1e-9), 1),
            "cpu_mb_per_s": round(total / max(cpu, 1e-9) / 1e6, 2),
        }
    return {
        "cables": len(docs),
        "bytes": total,
        "mean_cable_bytes": round(total / max(len(docs), 1)),
        **results,
        "parse_vs_baseline": round(
            results["parse"]["seconds_median"] / max(results["baseline"]["seconds_median"], 1e-9), 1
        ),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--set", action="append", choices=("pages-2010", "texts-2010", "texts-2010-7k", "seeds")
    )
    ap.add_argument("--copies", type=int, default=2000, help="seed copies (default 2000)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per figure; median reported")
    args = ap.parse_args(argv)
    report = {
        "benchmark": "parse",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "repeat": args.repeat,
        "sets": {},
    }
    for name in args.set or ["pages-2010", "texts-2010", "texts-2010-7k", "seeds"]:
        report["sets"][name] = measure(load_set(name, args.copies), args.repeat)
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
