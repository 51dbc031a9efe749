"""Generate a synthetic Cablegate-scale corpus with ground truth.

    python -m bench.generate --cables 250000 --seed 1 --out /tmp/cablebase-bench-corpus

Work is cut into fixed chunks of ``CHUNK`` cables, each with its own ``random.Random`` derived
from (seed, chunk), so the output is identical for a seed whatever the number of workers.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import multiprocessing as mp
import os
import random
import shutil
import sys
import time
from pathlib import Path

from bench.synth import language, shape
from bench.synth.cable import build
from bench.synth.prose import Prose, RealProse, ToyProse
from bench.synth.writers import csv_row, repost, telegram, viewer_html

FORMATS = ("cables-csv", "telegram-text", "repost-text", "wikileaks-html")
FORMAT_WEIGHTS = {"cables-csv": 86, "telegram-text": 8, "repost-text": 2, "wikileaks-html": 4}
CHUNK = 2000
ROWS_PER_FILE = 50_000
DEFAULT_OUT = "/tmp/cablebase-bench-corpus"

_IDS: list[shape.RealId] = []  # the corpus's ids, in order; set before workers fork
_LANGUAGE: language.Language | None = None  # real cables' language; loaded before the fork
TEXTS = ("real", "toy")


def choose_ids(n: int, rng: random.Random) -> list[shape.RealId]:
    """Sample ``n`` real ids (real origin and year shares), chronological; extend past 251k."""
    real = shape.real_ids()
    picked = [real[i] for i in sorted(rng.sample(range(len(real)), min(n, len(real))))]
    lap = 0
    while len(picked) < n:
        lap += 1
        extra = rng.sample(real, min(n - len(picked), len(real)))
        picked += [shape.RealId(r.yy, r.code, r.serial + 900_000 * lap, r.month) for r in extra]
    picked.sort(key=lambda r: (r.year, r.month, r.code, r.serial))
    return picked


def _cited(rng: random.Random, index: int) -> list[tuple[str, str, int]]:
    """Cables this one cites: mostly earlier cables of the corpus, some outside it."""
    if rng.random() > 0.55:
        return []
    out = []
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4))):
        if index and rng.random() < 0.75:
            r = _IDS[rng.randrange(max(0, index - 30_000), index)]
            out.append((r.yy, r.code, r.serial))
        else:
            ident = rng.choice(shape.referenced_ids())
            m = shape.ID_RE.match(ident)
            if m:
                out.append((m.group(1), m.group(2), int(m.group(3))))
    return list(dict.fromkeys(out))


def generator_fingerprint(text: str) -> str:
    """A hash of the generator's code and language version: a corpus made by other code
    is another corpus, whatever its seed and size."""
    import hashlib

    here = Path(__file__).resolve().parent
    h = hashlib.sha256(f"{text}:{language.VERSION}".encode())
    for path in sorted([here / "generate.py", *(here / "synth").glob("*.py")]):
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def csv_name(chunk: int, chunks_per_file: int) -> str:
    return f"csv/cables-{chunk // chunks_per_file + 1:04d}.csv"


def run_chunk(args: tuple[int, int, str, tuple[str, ...], int, str]) -> dict:
    """Generate one chunk; write its CSV part, single-cable files and truth part."""
    chunk, seed, out_dir, formats, chunks_per_file, text = args
    out = Path(out_dir)
    rng = random.Random(f"cablebase-bench:{seed}:{chunk}")
    prose: Prose = ToyProse(rng) if text == "toy" else RealProse(_LANGUAGE or language.load())
    weights = [FORMAT_WEIGHTS[f] for f in formats]
    counts = dict.fromkeys(FORMATS, 0)
    sizes = dict.fromkeys(FORMATS, 0)
    csv_path = csv_name(chunk, chunks_per_file)
    start, end = chunk * CHUNK, min((chunk + 1) * CHUNK, len(_IDS))
    with (
        open(out / "parts" / f"{chunk:06d}.csv", "wb") as csv_fh,
        open(out / "parts" / f"{chunk:06d}.jsonl.gz", "wb") as truth_raw,
        # mtime=0 and no file name in the gzip header: same seed, same bytes.
        gzip.GzipFile("", "wb", compresslevel=1, fileobj=truth_raw, mtime=0) as truth_fh,
    ):
        for index in range(start, end):
            real = _IDS[index]
            fmt = rng.choices(formats, weights)[0]
            style = rng.choices(("full", "short", "none"), (80, 17, 3))[0]
            if fmt != "wikileaks-html" and style == "none":
                # without a DTG nothing in a bare text says its year: no reference id to check
                style = "full"
            cable = build(rng, prose, real, _cited(rng, index), style)
            rid = real.reference_id
            if fmt == "cables-csv":
                data = csv_row(cable, index + 1, csv_path, rng)
                csv_fh.write(data)
            else:
                if fmt == "telegram-text":
                    rel = f"telegrams/{real.year}/{rid}.txt"
                    data = telegram(cable, rel)
                elif fmt == "repost-text":
                    rel = f"reposts/{index:06d}_{rid.lower()}.txt"
                    data = repost(cable, rel, rng)
                else:
                    rel = f"html/cable/{cable.created:%Y/%m}/{rid}.html"
                    data = viewer_html(cable, rel, rng)
                target = out / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            counts[fmt] += 1
            sizes[fmt] += len(data)
            line = json.dumps(cable.truth, ensure_ascii=False, separators=(",", ":"))
            truth_fh.write(line.encode("utf-8") + b"\n")
    return {"chunk": chunk, "counts": counts, "bytes": sizes}


def _assemble(out: Path, chunks: int, chunks_per_file: int) -> list[str]:
    """Concatenate chunk parts into the CSV files and one truth.jsonl.gz (gzip members)."""
    files: list[str] = []
    with open(out / "truth.jsonl.gz", "wb") as truth:
        for chunk in range(chunks):
            with open(out / "parts" / f"{chunk:06d}.jsonl.gz", "rb") as part:
                shutil.copyfileobj(part, truth, 1 << 20)
    for chunk in range(chunks):
        name = csv_name(chunk, chunks_per_file)
        part = out / "parts" / f"{chunk:06d}.csv"
        if part.stat().st_size == 0:
            continue
        mode = "ab" if files and files[-1] == name else "wb"
        with open(out / name, mode) as dst, open(part, "rb") as src:
            shutil.copyfileobj(src, dst, 1 << 20)
        if not files or files[-1] != name:
            files.append(name)
    shutil.rmtree(out / "parts")
    return files


def generate(
    cables: int,
    seed: int,
    out: Path,
    formats: tuple[str, ...] = FORMATS,
    workers: int = 0,
    text: str = "real",
) -> dict:
    """Write the corpus and ``manifest.json``; returns the manifest. ``text``: "real" (real
    cables resampled) or "toy" (the former fixed vocabulary, to compare with)."""
    global _IDS, _LANGUAGE
    if text not in TEXTS:
        raise ValueError(f"text must be one of {TEXTS}")
    rng = random.Random(f"cablebase-bench:{seed}")
    _IDS = choose_ids(cables, rng)
    _LANGUAGE = language.load() if text == "real" else None
    shape.origin_names()  # warm the caches before forking
    shape.routing_indicators()
    shape.referenced_ids()
    if out.exists():
        shutil.rmtree(out)
    (out / "parts").mkdir(parents=True)
    (out / "csv").mkdir()
    chunks = math.ceil(cables / CHUNK)
    csv_share = FORMAT_WEIGHTS["cables-csv"] / sum(FORMAT_WEIGHTS[f] for f in formats)
    per_file = max(1, round(ROWS_PER_FILE / (CHUNK * max(csv_share, 0.01))))
    jobs = [(c, seed, str(out), formats, per_file, text) for c in range(chunks)]
    workers = workers or os.cpu_count() or 1
    if workers > 1 and chunks > 1:
        with mp.get_context("fork").Pool(min(workers, chunks)) as pool:
            results = pool.map(run_chunk, jobs, chunksize=1)
    else:
        results = [run_chunk(j) for j in jobs]
    csv_files = _assemble(out, chunks, per_file)
    counts = {f: sum(r["counts"][f] for r in results) for f in FORMATS}
    sizes = {f: sum(r["bytes"][f] for r in results) for f in FORMATS}
    manifest = {
        "made_by": "bench.generate",
        "seed": seed,
        "cables": cables,
        "text": text,
        "generator": generator_fingerprint(text),
        "donors": len(_LANGUAGE.donors) if _LANGUAGE else None,
        "formats": list(formats),
        "counts": counts,
        "bytes": sizes,
        "total_bytes": sum(sizes.values()),
        "csv_files": csv_files,
        "truth": "truth.jsonl.gz",
        "chunk": CHUNK,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m bench.generate", description=__doc__.split("\n")[0]
    )
    ap.add_argument("--cables", type=int, default=5000, help="number of cables (default 5000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=Path(DEFAULT_OUT), help=f"default {DEFAULT_OUT}")
    ap.add_argument(
        "--formats", default=",".join(FORMATS), help="comma-separated subset of formats"
    )
    ap.add_argument("--workers", type=int, default=0, help="processes (default: all cores)")
    ap.add_argument(
        "--text",
        choices=TEXTS,
        default="real",
        help="real: resampled real cables (default); toy: the former fixed vocabulary",
    )
    args = ap.parse_args(argv)
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        ap.error(
            f"unknown format(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)}"
        )
    if args.cables < 1:
        ap.error("--cables must be at least 1")
    started = time.perf_counter()
    manifest = generate(args.cables, args.seed, args.out, formats, args.workers, args.text)
    took = time.perf_counter() - started
    mb = manifest["total_bytes"] / 1e6
    print(
        f"wrote {args.cables:,} cables ({mb:,.1f} MB) to {args.out} in {took:.1f} s: "
        + ", ".join(f"{k} {v:,}" for k, v in manifest["counts"].items()),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
