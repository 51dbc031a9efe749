"""Parse throughput on one core against reading and line-splitting the same bytes."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.stages import Row, Skip, StageResult, median, require
from bench.stages.inputs import Sample

GOAL_CABLES_PER_S = 3000


def iter_records(parse: Any, s: Sample, tally: dict[str, Any]) -> Iterator[Any]:
    """Parse every cable of the sample, one record at a time (nothing is kept); counts
    ``errors`` in ``tally`` and names CSV files the reader abandoned in ``aborted``."""
    tally.setdefault("errors", 0)
    tally.setdefault("aborted", [])
    for path in s.csv_files:
        with open(path, "rb") as fh:
            try:
                for row in parse.csv_rows(fh):
                    try:
                        yield parse.parse_csv_row(row, path=str(path))
                    except parse.ParseError:
                        tally["errors"] += 1
            except parse.ParseError as exc:  # the reader gave up: the rest of the file is lost
                tally["errors"] += 1
                tally["aborted"].append(str(exc)[:300])
    for path, _fmt in s.singles:
        try:
            yield parse.parse_document(path.read_bytes(), path=str(path))
        except parse.ParseError:
            tally["errors"] += 1


def parse_all(parse: Any, s: Sample, aborted: list[str] | None = None) -> tuple[list[Any], int]:
    """Every record of the sample in a list (small samples only), and the error count."""
    tally: dict[str, Any] = {"aborted": [] if aborted is None else aborted}
    records = list(iter_records(parse, s, tally))
    return records, tally["errors"]


def read_and_split(paths: list[Path]) -> int:
    lines = 0
    for path in paths:
        with open(path, "rb") as fh:
            lines += len(fh.read().splitlines())
    return lines


def run(s: Sample, repeats: int) -> StageResult:
    """Median over ``repeats`` of parsing the sample, next to the read+split baseline.
    Records are counted and dropped: the stage's memory does not grow with the sample."""
    parse = require("cablebase.parse")
    for name in ("csv_rows", "parse_csv_row", "parse_document", "ParseError"):
        if not hasattr(parse, name):
            raise Skip(f"cablebase.parse has no {name} yet")
    times, base = [], []
    tally: dict[str, Any] = {}
    records = 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        read_and_split(s.all_paths())
        base.append(time.perf_counter() - t0)
        tally = {}
        t0 = time.perf_counter()
        records = sum(1 for _ in iter_records(parse, s, tally))
        times.append(time.perf_counter() - t0)
    errors = tally["errors"]
    t, b = median(times), median(base)
    mb = s.nbytes / 1e6
    done = records + errors  # cables the parser got through (a reader abort skips rows)
    if done < s.cables:
        mb *= done / s.cables
    result = StageResult("parse", goal=f"{GOAL_CABLES_PER_S:,} cables/s on one core")
    result.rows = [
        Row("cables/s", done / t, s.cables / b, "cables/s", "read + splitlines"),
        Row("MB/s", mb / t, mb / b, "MB/s", "read + splitlines"),
        Row("seconds (median)", t, b, "s", "read + splitlines", higher_is_better=False),
    ]
    result.details = {
        "cables": s.cables,
        "bytes": s.nbytes,
        "csv_files": len(s.csv_files),
        "single_files": len(s.singles),
        "repeats": repeats,
        "parse_seconds": times,
        "baseline_seconds": base,
        "errors": errors,
        "records": records,
        "csv_files_abandoned": tally["aborted"],
        "goal_fraction": (done / t) / GOAL_CABLES_PER_S,
    }
    return result
