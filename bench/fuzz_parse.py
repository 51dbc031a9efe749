"""Fuzz the parser with mutated real cables: only ParseError may escape, no input over 1 s.

Not run in CI (it takes minutes). Each case takes a real cable (the 2010 pages,
their text as bare telegrams, the seeds) and applies one to three mutations:
cut it, splice in a run of one character (letters, blanks, punctuation, page
and keyword fragments), duplicate or delete a slice, swap lines, flatten it to
one line, or nest it in tags. Prints one JSON line of figures and lists any
failure (the seed, the mutation and the error) so it can be replayed.

The 1 s limit is on the CPU time of the parse (``time.thread_time``): on a shared
machine the wall clock also counts the time other work held the core, and a
parse that took 0.1 s of CPU read as 2 s there. The slowest wall time is
reported beside it.

    .venv/bin/python -m bench.fuzz_parse --cases 100000 --seed 1
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FILLERS = (
    "X", "a", "A", " ", "\t", ".", "-", "(", "1", "A ", "1.", "\n", " \n", "\\\n", "A.",
    "(A)", "/", ",", "0", "Xx", "END ", "1.4 ", "SUMMARY ", "PAGE 02 ", " OF ", "REF: ",
    "TAGS: ", "SUBJECT: ", "Classified By: ", "SECTION 02 OF 02 ", "<pre>", "</pre>", "#",
    "1. (C) ", "E.O. 12958: ", "STATE 0", "[PREL](", "\u00b6", "\r",
)  # fmt: skip
SLOW_SECONDS = 1.0


def load_cables() -> list[bytes]:
    from cablebase.parse.context import Context
    from cablebase.parse.formats.wikileaks_html import read

    out = [p.read_bytes() for p in sorted((SAMPLES / "seeds").glob("*.txt"))]
    for page in sorted((SAMPLES / "cablegate-2010-pages").glob("*.html")):
        raw = page.read_bytes()
        out.append(raw)
        state = read(raw.decode("utf-8"), Context())
        out.append(((state.transmission + "\n\n" + state.text).strip() + "\n").encode())
    return out


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One to three random mutations; returns the bytes and a description to replay."""
    steps = []
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(("cut", "run", "run", "dup", "delete", "swap", "flatten", "nest"))
        size = len(data)
        at = rng.randrange(size + 1) if size else 0
        if kind == "cut":
            data = data[:at]
        elif kind == "run":
            filler = rng.choice(FILLERS).encode()
            n = rng.choice((10, 100, 1000, 10_000, 100_000))
            data = data[:at] + filler * (n // len(filler) or 1) + data[at:]
            kind = f"run {filler!r}x{n}"
        elif kind == "dup":
            end = min(size, at + rng.randint(1, 2000))
            data = data[:end] + data[at:end] * rng.randint(1, 50) + data[end:]
        elif kind == "delete":
            data = data[:at] + data[min(size, at + rng.randint(1, 500)) :]
        elif kind == "swap":
            lines = data.split(b"\n")
            rng.shuffle(lines[: rng.randint(2, max(2, min(len(lines), 40)))])
            data = b"\n".join(lines)
        elif kind == "flatten":
            data = data.replace(b"\n", b" ")
        else:
            depth = rng.choice((10, 1000, 50_000))
            tag = rng.choice((b"pre", b"div", b"b", b"table"))
            data = b"<" + tag + b">" * 1 + (b"<" + tag + b">") * depth + data
            data += (b"</" + tag + b">") * depth
        steps.append(f"{kind}@{at}")
    return data, ", ".join(steps)


def main(argv: list[str] | None = None) -> int:
    from cablebase.parse import ParseError, parse_document

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    cables = load_cables()
    counts = {"records": 0, "parse_errors": 0, "crashes": 0, "slow": 0}
    failures = []
    slowest = (0.0, "")
    slowest_wall = 0.0
    started = time.perf_counter()
    for case in range(args.cases):
        index = rng.randrange(len(cables))
        data, how = mutate(cables[index], rng)
        t0, c0 = time.perf_counter(), time.thread_time()
        try:
            parse_document(data, path=f"fuzz-{case}")
            counts["records"] += 1
        except ParseError:
            counts["parse_errors"] += 1
        except Exception as exc:  # the finding this script exists for
            counts["crashes"] += 1
            failures.append({"case": case, "cable": index, "mutation": how, "error": repr(exc)})
        took = time.thread_time() - c0
        slowest_wall = max(slowest_wall, time.perf_counter() - t0)
        if took > slowest[0]:
            slowest = (took, f"case {case} cable {index} ({len(data):,} bytes): {how}")
        if took > SLOW_SECONDS:
            counts["slow"] += 1
            failures.append({"case": case, "cable": index, "mutation": how, "cpu_seconds": took})
    report = {
        "cases": args.cases,
        "seed": args.seed,
        **counts,
        "slowest_cpu_seconds": round(slowest[0], 3),
        "slowest_case": slowest[1],
        "slowest_wall_seconds": round(slowest_wall, 3),
        "total_seconds": round(time.perf_counter() - started, 1),
        "failures": failures[:50],
    }
    json.dump(report, sys.stdout)
    sys.stdout.write("\n")
    return 1 if counts["crashes"] or counts["slow"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
