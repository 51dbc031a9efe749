"""The counts behind the reader's pictures, read from the archive and handed to ``charts``.

Each page that lists cables (home, origin, tag, classification) gets two timelines,
cables per month by creation and by release, and the classification mix; a search
gets its matches per year from the search's own year facet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.db.models import Count, QuerySet

from cablebase.archive.calendar_sql import year_month
from cablebase.archive.models import Cable
from cablebase.reader import charts


def month_counts(qs: QuerySet[Cable], field: str) -> dict[charts.Month, int]:
    """``{(year, month): cables}`` by ``created`` or ``released`` (undated cables left out)."""
    year, month = year_month(field)
    rows = (
        qs.order_by()
        .filter(**{f"{field}__isnull": False})
        .annotate(y=year, m=month)
        .values_list("y", "m")
        .annotate(n=Count("id"))
    )
    return {(year, month): n for year, month, n in rows}


def level_counts(qs: QuerySet[Cable]) -> list[tuple[str, int]]:
    rows = qs.order_by().values_list("classification").annotate(n=Count("id"))
    return [(name, n) for name, n in rows]


def listing_charts(qs: QuerySet[Cable], *, mix: bool = True) -> dict[str, Any]:
    """The figures for a set of cables: ``created``, ``released`` and (optionally) ``mix``."""
    figures = {
        "created": charts.month_timeline(
            month_counts(qs, "created"), chart_id="tl-created", what="cables created per month"
        ),
        "released": charts.month_timeline(
            month_counts(qs, "released"),
            chart_id="tl-released",
            what="cables released per month",
            series="released",
        ),
    }
    if mix:
        figures["mix"] = charts.mix_bar(
            level_counts(qs), chart_id="mix-levels", title="Classification mix"
        )
    return figures


def search_charts(facets: Mapping[str, Sequence[tuple[Any, int]]]) -> dict[str, Any]:
    """Matches per year (the year facet) and the classification mix of a search's results."""
    years: dict[int, int] = {}
    for value, n in facets.get("year", ()):
        try:
            years[int(value)] = years.get(int(value), 0) + int(n)
        except (TypeError, ValueError):
            continue
    return {
        "created": charts.year_timeline(
            years, chart_id="tl-search", what="matching cables per year created"
        ),
        "mix": charts.mix_bar(
            [(str(v), int(n)) for v, n in facets.get("classification", ())],
            chart_id="mix-search",
            title="Classification of the matches",
        ),
    }
