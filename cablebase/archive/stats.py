"""Numbers about the archive, for ``cablebase stats``, the API and the reader's home page."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Max, Min

from cablebase.archive.models import (
    Cable,
    CableReference,
    CableVersion,
    IngestRun,
    Quarantine,
    SourceFile,
    Tag,
)
from cablebase.archive.utc import iso_utc  # not record_rows: that loads the parser


def _counts(column: str) -> dict[str, int]:
    rows = Cable.objects.order_by().values_list(column).annotate(n=Count("id")).order_by("-n")
    return {str(value) if value not in (None, "") else "(none)": n for value, n in rows}


def archive_stats() -> dict[str, Any]:
    """Totals, date range and breakdowns; cheap enough for every page view on 250k cables."""
    span = Cable.objects.aggregate(
        first_created=Min("created"), last_created=Max("created"), last_released=Max("released")
    )
    last_run = IngestRun.objects.order_by("-started").first()
    return {
        "cables": Cable.objects.count(),
        "versions": CableVersion.objects.count(),
        "revised_cables": Cable.objects.filter(version_count__gt=1).count(),
        "origins": Cable.objects.order_by().values("origin").distinct().count(),
        "tags": Tag.objects.filter(cables__held=False).distinct().count(),
        "references": CableReference.objects.count(),
        "resolved_references": CableReference.objects.filter(cited_cable__isnull=False).count(),
        "partial": Cable.objects.filter(partial=True).count(),
        "source_files": SourceFile.objects.count(),
        "quarantined": Quarantine.objects.count(),
        "first_created": iso_utc(span["first_created"]),
        "last_created": iso_utc(span["last_created"]),
        "last_released": iso_utc(span["last_released"]),
        "by_classification": _counts("classification"),
        "by_year": dict(sorted(_counts("year").items())),
        "by_precedence": _counts("precedence"),
        "top_origins": dict(list(_counts("origin").items())[:20]),
        "last_ingest": None
        if last_run is None
        else {
            "id": last_run.pk,
            "status": last_run.status,
            "started": iso_utc(last_run.started),
            "new": last_run.new,
            "unchanged": last_run.unchanged,
            "new_versions": last_run.new_versions,
            "failed": last_run.failed,
            "seconds": round(last_run.seconds, 2),
        },
    }
