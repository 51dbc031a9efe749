"""The home page: totals, latest releases, and (from the discussion) most discussed cables."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from cablebase.archive import redaction
from cablebase.archive.models import Cable
from cablebase.reader.listing import NAV_CACHE_SECONDS, cable_list, side_nav
from cablebase.reader.page_cache import cached_listing
from cablebase.reader.timelines import listing_charts

LATEST = 15
DISCUSSED = 10


def totals() -> dict[str, object]:
    """Cables, origins, last release: whole-table aggregates, so cached with the navigation."""
    key = f"reader:totals:g{redaction.generation()}"  # a hold or release changes the counts
    found = cache.get(key)
    if found is None:
        found = Cable.objects.aggregate(
            cables=Count("id"),
            origins=Count("origin_code", distinct=True),
            released=Max("released"),
        )
        found["in_archive"] = Cable.stored.count()  # "N released of M", as the 2010 viewer
        cache.set(key, found, NAV_CACHE_SECONDS)
    return found


@require_safe
@cache_control(max_age=60)
@cached_listing
def home(request: HttpRequest) -> HttpResponse:
    latest = list(
        cable_list(Cable.objects.filter(released__isnull=False)).order_by(
            "-released", "reference_id"
        )[:LATEST]
    )
    if not latest:
        latest = list(cable_list().order_by("-first_ingested")[:LATEST])
    context = {"totals": totals(), "latest": latest, "discussed": DISCUSSED, "nav": side_nav()}
    context["charts"] = listing_charts(Cable.objects.all())
    return render(request, "reader/home.html", context)
