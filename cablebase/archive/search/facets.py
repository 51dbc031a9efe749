"""Facet counts for the current query: classification, origin, year, tag, precedence."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from cablebase.archive.models import Cable, CableTag

FACETS = ("classification", "origin", "year", "tag", "precedence")
LIMIT = 30


def _column(qs: QuerySet[Cable], column: str) -> list[tuple[str, int]]:
    rows = (
        qs.order_by()
        .exclude(**{f"{column}__isnull": True})
        .values_list(column)
        .annotate(n=Count("id"))
        .order_by("-n", column)[:LIMIT]
    )
    return [(str(value), n) for value, n in rows if value not in ("", None)]


def facet_counts(qs: QuerySet[Cable]) -> dict[str, list[tuple[str, int]]]:
    facets = {
        name: _column(qs, name) for name in ("classification", "origin", "year", "precedence")
    }
    tag_rows = (
        CableTag.objects.filter(cable_id__in=qs.order_by().values("id"))
        .values_list("tag__code")
        .annotate(n=Count("id"))
        .order_by("-n", "tag__code")[:LIMIT]
    )
    facets["tag"] = [(code, n) for code, n in tag_rows]
    return {name: facets[name] for name in FACETS}
