"""Approved comment counts for pages and browse lists, one query for many cables."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Q

from cablebase.archive.models import Cable

from .models import Comment, Status


def approved_comment_counts(cable_ids: Iterable[int]) -> dict[int, int]:
    """``{cable_id: approved comments}`` for the given cables; cables without any map to 0."""
    ids = list(dict.fromkeys(cable_ids))
    counts = dict.fromkeys(ids, 0)
    if not ids:
        return counts
    rows = (
        Comment.objects.filter(cable_id__in=ids, status=Status.APPROVED)
        .values("cable_id")
        .annotate(n=Count("id"))
    )
    for row in rows:
        counts[row["cable_id"]] = row["n"]
    return counts


def most_discussed(limit: int = 10) -> list[Cable]:
    """Cables with the most approved comments, each with ``comment_count`` set."""
    return list(
        Cable.objects.annotate(
            comment_count=Count("comments", filter=Q(comments__status=Status.APPROVED))
        )
        .filter(comment_count__gt=0)
        .order_by("-comment_count", "-created", "reference_id")[:limit]
    )


def paragraph_counts(cable_id: int) -> dict[int, int]:
    """``{paragraph position: approved comments}`` for one cable (whole-cable ones left out)."""
    rows = (
        Comment.objects.filter(cable_id=cable_id, status=Status.APPROVED, paragraph__isnull=False)
        .values("paragraph")
        .annotate(n=Count("id"))
    )
    return {row["paragraph"]: row["n"] for row in rows}
