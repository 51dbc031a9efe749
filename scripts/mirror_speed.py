"""How fast ``cablebase mirror`` builds, first and again, beside the site's own rendering.

    .venv/bin/python scripts/mirror_speed.py --db archive.db [--workers 2] [--search]
        [--baseline 200] [--work DIR] [--json]

Works on a copy of the archive (SQLite), so the changes it makes stay there. Builds
the mirror four times into one directory: from nothing; again with nothing changed;
after one comment is approved; after one cable is held. Each build reports the
documents it holds, how many it rendered, the files written and removed, its rate
(documents per second, and per second of processor time, every worker's added up)
and, the first time, the total size against the cables' raw text. The baseline,
measured in the same run: ``--baseline`` cable pages and JSON records asked of the
site through Django's test client, one by one, as the mirror did before it rendered
from batches. Prints a table, or with ``--json`` the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True, help="a SQLite archive (copied, never changed)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--search", action="store_true", help="build the Pagefind index too")
    ap.add_argument("--baseline", type=int, default=200, help="cables for the baseline (0: none)")
    ap.add_argument("--work", type=Path, help="scratch directory (default: a fresh temp dir)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    return ap.parse_args(argv)


def _step(name: str, report: Any) -> dict[str, Any]:
    tally = report.tally
    cpu = report.render_cpu_seconds
    return {
        "step": name,
        "documents": report.documents,
        "rendered": report.pages,
        "not_rendered": report.skipped,
        "failed": len(report.failed),
        "seconds": round(report.render_seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "pages_per_second": round(report.pages_per_second, 1),
        "pages_per_cpu_second": round(report.documents / cpu, 1) if cpu else None,
        "plan_seconds": round(report.plan_seconds, 2),
        "search_index_seconds": round(report.index_seconds, 2),
        "search_index_cpu_seconds": round(report.index_cpu_seconds, 2),
        "search_index_kept": report.index_skipped,
        "files_written": tally.written,
        "files_unchanged": tally.unchanged,
        "files_removed": tally.removed,
        "bytes": tally.bytes,
        "kinds": tally.kinds,
        "load_average": round(os.getloadavg()[0], 2),
    }


def baseline(cables: int) -> dict[str, Any]:
    """Cable pages and records through the site's test client, as the former mirror did."""
    from django.test import Client

    from cablebase.archive.models import Cable
    from cablebase.mirror.build import cpu_seconds
    from cablebase.reader import page_cache

    picked = list(Cable.objects.order_by("?").only("reference_id", "created")[:cables])
    addresses = [a for c in picked for a in (c.get_absolute_url(), f"/api/cables/{c.reference_id}")]
    client = Client(HTTP_HOST="testserver")
    page_cache.ENABLED = False
    try:
        client.get(addresses[0])  # templates compiled, index opened: not timed
        started, cpu = time.perf_counter(), cpu_seconds()
        ok = sum(client.get(address).status_code == 200 for address in addresses)
        seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    finally:
        page_cache.ENABLED = True
    return {
        "documents": len(addresses),
        "ok": ok,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "pages_per_second": round(len(addresses) / seconds, 1),
        "pages_per_cpu_second": round(len(addresses) / cpu, 1) if cpu else None,
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="cablebase-mirror-speed-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "archive.db"
    shutil.copyfile(args.db, db)
    os.environ["CABLEBASE_INDEX"] = str(work / "archive.index")
    from cablebase.django_setup import setup

    setup(str(db))
    from django.test import override_settings

    from cablebase.archive import redaction
    from cablebase.archive.models import Cable
    from cablebase.discussion.models import Comment
    from cablebase.mirror.build import _index_state, build_mirror

    _index_state()  # the copy's search index is built here, not in a timed build
    out = work / "mirror"
    shutil.rmtree(out, ignore_errors=True)
    out.with_name("mirror.manifest.json").unlink(missing_ok=True)
    result: dict[str, Any] = {"db": args.db, "workers": args.workers, "steps": []}
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        if args.baseline:
            result["baseline"] = baseline(args.baseline)

    def build(name: str) -> Any:
        report = build_mirror(out, workers=args.workers, search=args.search)
        result["steps"].append(_step(name, report))
        return report

    first = build("first build")
    result["cables"] = Cable.objects.count()
    result["raw_text_bytes"] = first.raw_text_bytes
    result["size_vs_raw_text"] = round(first.tally.bytes / first.raw_text_bytes, 2)
    build("second build, nothing changed")
    cable = Cable.objects.order_by("pk").first()
    Comment.objects.create(cable=cable, name="bench", body="A comment.", status="approved")
    build("after one comment approved")
    redaction.hold([cable.reference_id], actor="bench", reason="bench")
    build("after one cable held")
    base = result.get("baseline") or {}
    if base.get("pages_per_cpu_second") and result["steps"][0]["pages_per_cpu_second"]:
        result["first_build_vs_baseline_per_cpu_second"] = round(
            result["steps"][0]["pages_per_cpu_second"] / base["pages_per_cpu_second"], 2
        )
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['cables']:,} cables, {args.workers} workers, work in {work}")
    if base:
        print(
            f"baseline (test client, one by one): {base['pages_per_second']} pages/s, "
            f"{base['pages_per_cpu_second']} per processor second"
        )
    for step in result["steps"]:
        print(
            f"{step['step']:32s} {step['documents']:>8,} docs {step['rendered']:>8,} rendered "
            f"{step['seconds']:>8.1f} s {step['pages_per_second']:>8.1f}/s "
            f"{step['pages_per_cpu_second'] or 0:>8.1f}/cpu-s "
            f"written {step['files_written']:,} removed {step['files_removed']:,} "
            f"load {step['load_average']}"
        )
    print(
        f"size {result['steps'][0]['bytes'] / 1e6:,.1f} MB, {result['size_vs_raw_text']}x raw text"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
