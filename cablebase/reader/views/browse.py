"""Browse pages: by release day, creation year/month, origin, classification and tag."""

from __future__ import annotations

from collections.abc import Callable
from datetime import MAXYEAR, MINYEAR, UTC, date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from cablebase.archive.calendar_sql import month_range
from cablebase.archive.models import Cable, Tag
from cablebase.reader.listing import cable_list, level_slug, paginate, side_nav
from cablebase.reader.page_cache import cached_listing
from cablebase.reader.timelines import listing_charts

LIST_MAX_AGE = 120


def _listing(
    request: HttpRequest, qs: QuerySet[Cable], title: str, charts: str = "", **extra: Any
) -> HttpResponse:
    """A page of cables; ``charts`` ("all", or "timelines" without the mix) on its first page."""
    if charts and request.GET.get("page", "1") == "1":
        extra["charts"] = listing_charts(qs, mix=charts == "all")
    context = {
        "title": title,
        "page": paginate(request, cable_list(qs)),
        "nav": side_nav(),
        **extra,
    }
    return render(request, "reader/cable_list.html", context)


def _index(template: str) -> Callable[[HttpRequest], HttpResponse]:
    """A page that only lays out the side navigation's counts (releases, dates, origins...)."""

    @require_safe
    @cache_control(max_age=LIST_MAX_AGE)
    @cached_listing
    def view(request: HttpRequest) -> HttpResponse:
        return render(request, template, {"nav": side_nav()})

    return view


release_index = _index("reader/index_releases.html")
date_index = _index("reader/index_dates.html")
origin_index = _index("reader/index_origins.html")
level_index = _index("reader/index_levels.html")


def _day_range(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tzinfo=UTC)
    return start, start + timedelta(days=1)


def _year(year: str) -> int:
    """The URL's year, or a 404 for one Python's dates cannot hold (0000) or bound (9999)."""
    value = int(year)
    if not MINYEAR <= value < MAXYEAR:
        raise Http404(f"no year {year}")
    return value


@require_safe
@cache_control(max_age=LIST_MAX_AGE)
@cached_listing
def release_day(request: HttpRequest, day: str) -> HttpResponse:
    try:
        when = date.fromisoformat(day)
    except ValueError as exc:
        raise Http404(f"{day!r} is no date") from exc
    _year(day[:4])
    start, end = _day_range(when)
    qs = Cable.objects.filter(released__gte=start, released__lt=end).order_by(
        "-released", "reference_id"
    )
    return _listing(request, qs, f"Released {when:%Y-%m-%d}", feed=reverse("reader:feed_latest"))


@require_safe
@cache_control(max_age=LIST_MAX_AGE)
@cached_listing
def year_page(request: HttpRequest, year: str) -> HttpResponse:
    qs = Cable.objects.filter(created__year=_year(year)).order_by("created", "reference_id")
    return _listing(request, qs, f"Created in {year}")


@require_safe
@cache_control(max_age=LIST_MAX_AGE)
@cached_listing
def month_page(request: HttpRequest, year: str, month: str) -> HttpResponse:
    if not 1 <= int(month) <= 12:
        raise Http404(f"no month {month}")
    first = date(_year(year), int(month), 1)
    label = first.strftime("%B %Y")
    start, end = month_range(first.year, first.month)  # a range the index on created serves
    qs = Cable.objects.filter(created__gte=start, created__lt=end).order_by(
        "created", "reference_id"
    )
    return _listing(request, qs, f"Created in {label}")


@require_safe
@cache_control(max_age=LIST_MAX_AGE)
@cached_listing
def origin_page(request: HttpRequest, code: str) -> HttpResponse:
    qs = Cable.objects.filter(origin_code=code.upper())
    first = qs.only("origin").first()
    if first is None:
        raise Http404(f"no cables from {code!r}")
    return _listing(
        request,
        qs.order_by("-created", "reference_id"),
        f"Cables from {first.origin or code.upper()}",
        charts="all",
        subtitle=f"Origin code {code.upper()}",
        feed=reverse("reader:feed_origin", kwargs={"code": code.upper()}),
    )


@require_safe
@cache_control(max_age=LIST_MAX_AGE)
@cached_listing
def level_page(request: HttpRequest, slug: str) -> HttpResponse:
    names = [lvl["name"] for lvl in side_nav()["levels"] if lvl["slug"] == slug]
    if not names:
        names = [
            name
            for name in Cable.objects.values_list("classification", flat=True).distinct()
            if level_slug(name) == slug
        ]
    if not names:
        raise Http404(f"no cables classified {slug!r}")
    qs = Cable.objects.filter(classification=names[0]).order_by("-created", "reference_id")
    return _listing(request, qs, f"Classified {names[0]}", charts="timelines", explainer=True)


@require_safe
@cache_control(max_age=LIST_MAX_AGE)
@cached_listing
def tag_index(request: HttpRequest) -> HttpResponse:
    tags = (
        Tag.objects.annotate(n=Count("cables", filter=Q(cables__held=False)))
        .filter(n__gt=0)
        .order_by("kind", "code")
    )
    groups: dict[str, list[Tag]] = {}
    for tag in tags:
        groups.setdefault(tag.get_kind_display(), []).append(tag)
    return render(request, "reader/index_tags.html", {"groups": groups, "nav": side_nav()})


@require_safe
@cache_control(max_age=LIST_MAX_AGE)
@cached_listing
def tag_page(request: HttpRequest, code: str) -> HttpResponse:
    tag = Tag.objects.filter(code=code).first() or get_object_or_404(Tag, code=code.upper())
    qs = Cable.objects.filter(tags=tag).order_by("-created", "reference_id")
    return _listing(
        request,
        qs,
        f"Tag {tag.code}",
        charts="all",
        tag=tag,
        feed=reverse("reader:feed_tag", kwargs={"code": tag.code}),
    )
