"""Run the benchmark stages, each next to a baseline measured in the same run.

    python -m bench.run --corpus /tmp/cablebase-bench-corpus [--quick]
        [--stages parse,accuracy,ingest,search,web] [--out bench/results/NAME.json]

``--quick`` runs everything on 5,000 cables (generated into /tmp/cablebase-bench-quick when
the corpus given is larger or absent). A stage whose dependency is missing reports
"skipped: <reason>" and the run goes on.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.stages import Skip, StageResult
from bench.stages import inputs as inp

STAGES = ("parse", "accuracy", "ingest", "index", "search", "web")
QUICK_CABLES = 5000
QUICK_CORPUS = Path("/tmp/cablebase-bench-quick")
RESULTS = Path(__file__).resolve().parent / "results"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, help="a corpus written by bench.generate")
    ap.add_argument("--quick", action="store_true", help=f"{QUICK_CABLES:,} cables, all stages")
    ap.add_argument("--stages", default=",".join(STAGES), help="comma-separated stages to run")
    ap.add_argument("--out", type=Path, help="JSON file (default bench/results/<date>-<mode>.json)")
    ap.add_argument(
        "--sample",
        type=int,
        default=None,
        help="cables to parse/ingest (default: 5,000 quick, 20,000 otherwise)",
    )
    ap.add_argument("--repeats", type=int, default=None, help="repeats for medians (default 3)")
    ap.add_argument("--no-postgres", action="store_true", help="skip the PostgreSQL half of ingest")
    ap.add_argument(
        "--queries", type=Path, default=None, help="query file (default bench/queries.txt)"
    )
    ap.add_argument("--work", type=Path, help="scratch directory (default: a fresh temp dir)")
    ap.add_argument(
        "--reuse",
        action="store_true",
        help="with --work: measure the archive (and bare indexes) an earlier run left there "
        "instead of ingesting again; the archive is migrated to the current schema first",
    )
    args = ap.parse_args(argv)
    stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    unknown = [s for s in stages if s not in STAGES]
    if unknown or not stages:
        ap.error(
            f"unknown stage(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(STAGES)}"
        )
    args.stages = stages
    if not args.quick and args.corpus is None:
        ap.error("--corpus is required unless --quick (which generates its own)")
    if args.corpus is not None and not (args.corpus / "manifest.json").is_file():
        ap.error(f"{args.corpus}: not a corpus written by bench.generate (no manifest.json)")
    if args.reuse and (args.work is None or "ingest" in stages):
        ap.error("--reuse needs --work from an earlier run and no ingest stage")
    if args.queries is not None and not args.queries.is_file():
        ap.error(f"{args.queries}: no such query file")
    if args.sample is not None and args.sample < 1:
        ap.error("--sample must be at least 1")
    args.sample = args.sample or (QUICK_CABLES if args.quick else 20_000)
    args.repeats = args.repeats or 3
    return args


def quick_corpus(corpus: Path | None) -> Path:
    """The corpus to use for --quick: the one given if small enough, else a generated one."""
    if corpus is not None and inp.manifest(corpus)["cables"] <= QUICK_CABLES:
        return corpus
    path = QUICK_CORPUS
    ok = (path / "manifest.json").is_file() and inp.manifest(path)["cables"] == QUICK_CABLES
    if not ok:
        from bench.generate import generate

        print(f"generating {QUICK_CABLES:,} cables into {path} ...", file=sys.stderr)
        generate(QUICK_CABLES, 1, path)
    return path


def machine() -> dict[str, Any]:
    lscpu = shutil.which("lscpu")
    model = ""
    if lscpu:
        out = subprocess.run([lscpu], capture_output=True, text=True).stdout
        model = next(
            (ln.split(":", 1)[1].strip() for ln in out.splitlines() if ln.startswith("Model name")),
            "",
        )
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def reused(work: Path) -> dict[str, Any]:
    """What an earlier run left in ``work``: the archive (migrated now) and the baselines.

    At 250,000 cables and more, ingest takes most of a run; this lets the search, index and
    web stages measure new code on the same archive.
    """
    db_file = work / "ingest" / "archive.sqlite3"
    if not db_file.is_file():
        raise SystemExit(f"--reuse: no archive at {db_file}; run the ingest stage with --work")
    url = f"sqlite:///{db_file}"
    subprocess.run(
        [sys.executable, "-m", "bench.stages.ingest_child", "--db", url, "--migrate-only"],
        check=True,
    )
    dbs: dict[str, Any] = {"sqlite": url}
    if (work / "ingest" / "fts.sqlite3").is_file():
        dbs["fts"] = work / "ingest" / "fts.sqlite3"
    bare = work / "index" / "tantivy"
    return {"dbs": dbs, "tantivy": bare if bare.is_dir() else None}


def run_stage(name: str, fn: Any) -> StageResult:
    t0 = time.perf_counter()
    try:
        result = fn()
    except Skip as exc:
        result = StageResult(name, skipped=str(exc))
    except Exception as exc:  # one broken stage must not hide the others' figures
        result = StageResult(name, skipped=f"failed: {type(exc).__name__}: {exc}")
        result.details["traceback"] = traceback.format_exc()[-2000:]
    result.details["stage_seconds"] = round(time.perf_counter() - t0, 2)
    return result


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from bench.report import print_results

    corpus = quick_corpus(args.corpus) if args.quick else args.corpus
    work = args.work or Path(tempfile.mkdtemp(prefix="cablebase-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    sample = inp.sample(corpus, args.sample, work / "sample")
    print(
        f"corpus {corpus}: sample of {sample.cables:,} cables, {sample.nbytes / 1e6:.1f} MB",
        file=sys.stderr,
    )
    results: dict[str, StageResult] = {}
    state: dict[str, Any] = {"dbs": {}, "tantivy": None}
    if args.reuse:
        state.update(reused(work))

    def do_parse() -> StageResult:
        from bench.stages import parse

        return parse.run(sample, args.repeats)

    def do_accuracy() -> StageResult:
        from bench.stages import accuracy, parse, require

        parse_mod = require("cablebase.parse")
        wanted = set(inp.texts_ids(sample))
        store = accuracy.TruthStore(work / "truth.sqlite3", inp.truth(corpus, wanted))
        tally: dict[str, Any] = {}
        try:
            records = parse.iter_records(parse_mod, sample, tally)
            return accuracy.run(records, store, lambda: tally["errors"])
        finally:
            store.close()

    def do_ingest() -> StageResult:
        from bench.stages import ingest

        result, dbs = ingest.run(sample, work / "ingest", postgres=not args.no_postgres)
        state["dbs"] = dbs
        return result

    def do_index() -> StageResult:
        from bench.stages import index

        result, where = index.run(sample, work / "index", state["dbs"].get("sqlite"))
        state["tantivy"] = where
        return result

    def do_search() -> StageResult:
        from bench.stages import search

        dbs = state["dbs"]
        return search.run(
            dbs.get("sqlite"),
            dbs.get("fts"),
            state["tantivy"],
            sample.all_paths(),
            args.repeats,
            args.queries or search.QUERIES,
        )

    def do_web() -> StageResult:
        from bench.stages import search, web

        ids = inp.texts_ids(sample)[:: max(1, sample.cables // 200)][:200]
        queries = search.load_queries(args.queries or search.QUERIES)
        words = [q.text for q in queries if not q.pathological and q.page == 1]
        return web.run(
            state["dbs"].get("sqlite"), ids, words, work / "web", 10 if args.quick else 30
        )

    fns = {
        "parse": do_parse,
        "accuracy": do_accuracy,
        "ingest": do_ingest,
        "index": do_index,
        "search": do_search,
        "web": do_web,
    }
    for name in args.stages:
        print(f"stage {name} ...", file=sys.stderr)
        results[name] = run_stage(name, fns[name])
    total = time.perf_counter() - started
    payload = {
        "when": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": "python -m bench.run " + " ".join(sys.argv[1:] if argv is None else argv),
        "quick": args.quick,
        "corpus": str(corpus),
        "manifest": inp.manifest(corpus),
        "sample_cables": sample.cables,
        "sample_bytes": sample.nbytes,
        "machine": machine(),
        "seconds": round(total, 1),
        # the runner's own peak memory (the archive's processes are measured in their stages)
        "runner_peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "stages": {k: v.to_dict() for k, v in results.items()},
    }
    out = args.out or RESULTS / (
        datetime.now(UTC).strftime("%Y%m%d-%H%M%S") + ("-quick" if args.quick else "") + ".json"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(payload, indent=2, default=str) + "\n")
    print_results(results, total)
    print(f"results written to {out}", file=sys.stderr)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
