"""Index build: the archive's own search index (when the CLI has a ``reindex`` command)
beside a bare tantivy index of the same texts, with sizes against the raw text."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.stages import Row, StageResult, cpu_seconds, tantivy_base
from bench.stages.ingest import TIME
from bench.stages.inputs import Sample, texts

REINDEX = "reindex"


def archive_has_reindex() -> bool:
    proc = subprocess.run(
        [sys.executable, "-m", "cablebase", "--help"], capture_output=True, text=True
    )
    return REINDEX in proc.stdout


def archive_reindex(db: str, work: Path) -> dict[str, Any]:
    """``cablebase reindex --db URL`` in a child under /usr/bin/time (seconds, peak RSS)."""
    rss_file = work / "reindex-rss.txt"
    cmd = [sys.executable, "-m", "cablebase", REINDEX, "--db", db]
    timed = [TIME, "-f", "%M", "-o", str(rss_file), *cmd] if os.path.exists(TIME) else cmd
    cpu0 = cpu_seconds(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(timed, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    cpu = cpu_seconds(resource.RUSAGE_CHILDREN) - cpu0
    if proc.returncode != 0:
        raise RuntimeError(f"reindex exited {proc.returncode}: {proc.stderr[-600:]}")
    rss = int(rss_file.read_text().split()[-1]) if rss_file.exists() else None
    return {"seconds": seconds, "cpu_seconds": cpu, "max_rss_kib": rss}


def run(s: Sample, work: Path, db: str | None) -> tuple[StageResult, Path]:
    """Returns the result and the bare tantivy index (for the search stage's baseline)."""
    where = work / "tantivy"
    base = tantivy_base.build(texts(s), where)
    result = StageResult("index", goal="the search index rebuilt from the store")
    details: dict[str, Any] = {"tantivy": base}
    ours = None
    if db and archive_has_reindex():
        ours = archive_reindex(db, work)
        details["archive"] = ours
    else:
        details["archive"] = (
            "no `cablebase reindex` command: the archive's index is built inside ingest"
        )
    rate = s.cables / ours["seconds"] if ours else None
    result.rows += [
        Row("cables/s", rate, s.cables / base["seconds"], "cables/s", "bare tantivy, 1 thread"),
        Row(
            "bare index size / raw text",
            base["bytes"] / s.nbytes,
            None,
            "x",
            higher_is_better=False,
        ),
    ]
    # Processor time tells the work apart from the machine's load: wall time on a
    # shared 2-core machine says mostly how busy the other jobs were.
    result.rows.append(
        Row(
            "cables per CPU-second",
            s.cables / ours["cpu_seconds"] if ours and ours["cpu_seconds"] else None,
            s.cables / base["cpu_seconds"] if base.get("cpu_seconds") else None,
            "cables/s",
            "bare tantivy, 1 thread",
        )
    )
    if ours and ours["max_rss_kib"]:
        result.rows.append(
            Row("peak RSS", ours["max_rss_kib"] / 1024, None, "MiB", higher_is_better=False)
        )
    result.details = details
    return result, where
