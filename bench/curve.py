"""The scale curve: ``bench.run`` over corpora of growing size, then a chart and a table.

    python -m bench.curve --sizes 25000,250000,1000000 [--text real|toy]
        [--corpus-root /tmp/cablebase-curve] [--results bench/results] [--no-postgres]
    python -m bench.curve --chart-only          # redraw from the JSON files already there

Each size gets its own corpus (``bench.generate``, kept between runs and regenerated only
when its manifest differs) and one ``bench.run`` in a child process over all of it
(``--sample N`` = the corpus), writing ``curve-<text>-<N>.json``. The chart
(``curve.svg``) and a Markdown table (``curve.md``) are made from every such file found.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from bench.run import RESULTS

DEFAULT_SIZES = (25_000, 250_000, 1_000_000)
CORPUS_ROOT = Path("/tmp/cablebase-curve")


def corpus_for(size: int, seed: int, text: str, root: Path) -> Path:
    """The corpus of ``size`` cables, generated unless an identical one is there."""
    from bench.generate import generate, generator_fingerprint

    path = root / f"{text}-{size}"
    manifest = path / "manifest.json"
    if manifest.is_file():
        m = json.loads(manifest.read_text())
        made = (m.get("cables"), m.get("seed"), m.get("generator"))
        if made == (size, seed, generator_fingerprint(text)):
            return path
    t0 = time.perf_counter()
    generate(size, seed, path, text=text)
    print(f"generated {size:,} cables in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return path


def result_path(results: Path, text: str, size: int) -> Path:
    return results / f"curve-{text}-{size}.json"


def run_size(size: int, args: argparse.Namespace) -> Path:
    corpus = corpus_for(size, args.seed, args.text, args.corpus_root)
    out = result_path(args.results, args.text, size)
    cmd = [
        sys.executable,
        "-m",
        "bench.run",
        "--corpus",
        str(corpus),
        "--sample",
        str(size),
        "--repeats",
        "1",
        "--out",
        str(out),
    ]
    if args.stages:
        cmd += ["--stages", args.stages]
    if args.no_postgres:
        cmd.append("--no-postgres")
    if args.queries:
        cmd += ["--queries", str(args.queries)]
    print("running " + " ".join(cmd[1:]), file=sys.stderr)
    subprocess.run(cmd, check=True)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.curve", description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--text", choices=("real", "toy"), default="real")
    ap.add_argument("--corpus-root", type=Path, default=CORPUS_ROOT)
    ap.add_argument("--results", type=Path, default=RESULTS)
    ap.add_argument("--stages", default="", help="passed to bench.run (default: all)")
    ap.add_argument("--no-postgres", action="store_true")
    ap.add_argument("--queries", type=Path, help="query file passed to bench.run")
    ap.add_argument("--chart-only", action="store_true", help="only redraw chart and table")
    args = ap.parse_args(argv)
    try:
        sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        ap.error("--sizes takes comma-separated numbers of cables")
    if not sizes or min(sizes) < 100:
        ap.error("--sizes must be at least 100 cables each")
    if not args.chart_only:
        for size in sizes:
            run_size(size, args)
    from bench import chart

    files = sorted(args.results.glob(f"curve-{args.text}-*.json"))
    if not files:
        ap.error(f"no curve-{args.text}-*.json in {args.results}")
    points = [chart.load_point(p) for p in files]
    svg = args.results / f"curve-{args.text}.svg"
    chart.draw(points, svg)
    table = chart.table(points)
    (args.results / f"curve-{args.text}.md").write_text(table + "\n")
    print(table)
    print(f"chart written to {svg}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
