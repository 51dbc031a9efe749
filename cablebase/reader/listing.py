"""Lists of cables as the reader's pages show them: columns, pages, side navigation."""

from __future__ import annotations

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import SafeString

from cablebase.archive import redaction
from cablebase.archive.calendar_sql import as_date, day, year_month
from cablebase.archive.models import Cable

PER_PAGE = 50
NAV_CACHE_SECONDS = 60


def level_slug(classification: str) -> str:
    """``"SECRET//NOFORN"`` -> ``"secret-noforn"``: classification levels as URL segments."""
    return "-".join(part for part in classification.lower().replace("/", " ").split() if part)


def cable_list(qs: QuerySet[Cable] | None = None) -> QuerySet[Cable]:
    """Only the columns a list row shows: the body can be 100 KB a cable."""
    return (qs if qs is not None else Cable.objects.all()).for_list()


def paginate(request: HttpRequest, qs: QuerySet[Cable], per_page: int = PER_PAGE) -> Page:
    return Paginator(qs, per_page).get_page(request.GET.get("page"))


class Nav(dict):
    """The side navigation's counts; ``html`` is its markup, rendered once per content.

    Every browse page shows the same navigation (some six hundred links): rendering
    ``reader/_nav.html`` again for each page was a third of a list page's time.
    """

    def html(self) -> SafeString:
        key = (get_script_prefix(), repr(self))
        found = _NAV_HTML.get(key)
        if found is None:
            found = render_to_string("reader/_nav.html", {"nav": self})
            _NAV_HTML.clear()  # one navigation at a time: the counts move, the old one goes
            _NAV_HTML[key] = found
        return found


_NAV_HTML: dict[tuple[str, str], SafeString] = {}


def side_nav() -> Nav:
    """Counts for the browse navigation (release days, years/months, origins, levels).

    Cached briefly: every browse page shows it and it is a handful of GROUP BYs.
    """
    key = f"reader:side-nav:g{redaction.generation()}"  # held cables leave the counts at once
    nav = cache.get(key)
    if nav is None:
        nav = _build_nav()
        cache.set(key, nav, NAV_CACHE_SECONDS)
    return nav


def _build_nav() -> Nav:
    releases = [
        {"day": as_date(row["day"]), "n": row["n"]}
        for row in Cable.objects.filter(released__isnull=False)
        .annotate(day=day("released"))
        .values("day")
        .annotate(n=Count("id"))
        .order_by("-day")
    ]
    year, month = year_month("created")
    months: dict[int, list[tuple[int, int]]] = {}
    for row in (
        Cable.objects.filter(created__isnull=False)
        .annotate(y=year, m=month)
        .values("y", "m")
        .annotate(n=Count("id"))
        .order_by("-y", "m")
    ):
        months.setdefault(row["y"], []).append((row["m"], row["n"]))
    years = [
        {"year": y, "n": sum(n for _, n in ms), "months": [{"month": m, "n": n} for m, n in ms]}
        for y, ms in months.items()
    ]
    levels = [
        {"name": row["classification"], "slug": level_slug(row["classification"]), "n": row["n"]}
        for row in Cable.objects.exclude(classification="")
        .values("classification")
        .annotate(n=Count("id"))
        .order_by("classification")
    ]
    origins = list(
        Cable.objects.exclude(origin_code="")
        .values("origin_code", "origin")
        .annotate(n=Count("id"))
        .order_by("-n", "origin_code")
    )
    return Nav(releases=releases, years=years, levels=levels, origins=origins)
