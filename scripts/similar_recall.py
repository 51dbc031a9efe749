"""How good are "similar cables"? Recall@10 against the cables' own citations.

Ingests the real cable-viewer pages of ``../shared/corpus`` into a scratch
archive, then for every cable that cites, or is cited by, another stored
cable, asks whether those linked cables are among its 10 most similar
(``cablebase.archive.search.similar``), next to a baseline that lists the 10
cables of the same origin and month closest in time. Prints both as
recall@10 (share of linked cables found, averaged over cables) and hit
rate (share of cables with at least one linked cable in their 10).

    .venv/bin/python scripts/similar_recall.py [--corpus ../shared/corpus] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

K = 10


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=here.parent / "shared" / "corpus")
    parser.add_argument("--keep", type=Path, help="build the archive here (reused if present)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="cablebase-recall-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "recall.db"
    os.environ["CABLEBASE_INDEX"] = str(work / "recall.index")
    from cablebase.django_setup import migrate, setup

    setup(str(db))
    migrate()
    from cablebase.archive.ingest import ingest
    from cablebase.archive.models import Cable, CableReference
    from cablebase.archive.pipeline import InlineExecutor
    from cablebase.archive.search import similar

    sources = [args.corpus / "cablegate-2010-pages", args.corpus / "cablegate-2011-04-pages.zip"]
    started = time.perf_counter()
    ingest([p for p in sources if p.exists()], executor=InlineExecutor(), keep_bytes=False)
    print(f"archive: {Cable.objects.count()} cables ({time.perf_counter() - started:.0f} s)")

    linked: dict[int, set[int]] = defaultdict(set)
    for citing, cited in CableReference.objects.filter(cited_cable__isnull=False).values_list(
        "citing_id", "cited_cable_id"
    ):
        if citing != cited:
            linked[citing].add(cited)
            linked[cited].add(citing)
    cables = {c.pk: c for c in Cable.objects.filter(pk__in=list(linked))}
    by_origin_month: dict[tuple[str, str], list[Cable]] = defaultdict(list)
    for cable in Cable.objects.exclude(created=None).only("id", "origin_code", "created"):
        by_origin_month[(cable.origin_code, cable.created.strftime("%Y-%m"))].append(cable)

    def baseline(cable) -> list[int]:
        if cable.created is None:
            return []
        peers = by_origin_month[(cable.origin_code, cable.created.strftime("%Y-%m"))]
        near = sorted(
            (p for p in peers if p.pk != cable.pk),
            key=lambda p: abs((p.created - cable.created).total_seconds()),
        )
        return [p.pk for p in near[:K]]

    scores: dict[str, list[tuple[float, bool]]] = {"similar": [], "same origin+month": []}
    started = time.perf_counter()
    for pk, cable in cables.items():
        truth = linked[pk]
        for name, found in (
            ("similar", [s.cable.pk for s in similar(cable, limit=K)]),
            ("same origin+month", baseline(cable)),
        ):
            got = len(truth & set(found))
            scores[name].append((got / len(truth), got > 0))
    seconds = time.perf_counter() - started
    print(f"cables with a citation link in the archive: {len(cables)}")
    for name, rows in scores.items():
        recall = sum(r for r, _ in rows) / len(rows)
        hits = sum(h for _, h in rows) / len(rows)
        print(f"{name:>18}: recall@{K} {recall:.3f}   hit rate@{K} {hits:.3f}")
    print(f"similar(): {1000 * seconds / max(1, len(cables)):.1f} ms a cable (with the baseline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
