"""The search page over the archive's query language: facets, snippets, sort, pages."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from cablebase.archive.query import QueryError
from cablebase.archive.search import SearchIndexError, Snippet, search
from cablebase.reader.facets import (
    FACET_FIELDS,
    FACET_LABELS,
    FacetValue,
    Filters,
)
from cablebase.reader.links import search_url
from cablebase.reader.timelines import search_charts

PER_PAGE = 20
SORTS = (("relevance", "Relevance"), ("-date", "Newest first"), ("date", "Oldest first"))


def _page_number(raw: str | None) -> int:
    try:
        return max(1, int(raw or 1))
    except ValueError:
        return 1


def page_window(current: int, pages: int, width: int = 2) -> list[int | None]:
    """Page numbers to link: first, last and ``width`` either side of the current, gaps as None."""
    shown = sorted({1, pages, *range(max(1, current - width), min(pages, current + width) + 1)})
    out: list[int | None] = []
    for n in shown:
        if out and n - (out[-1] or 0) > 1:
            out.append(None)
        out.append(n)
    return out


@require_safe
@cache_control(max_age=60)
def search_page(request: HttpRequest) -> HttpResponse:
    query = " ".join(request.GET.get("q", "").split())
    sort = request.GET.get("sort", "relevance")
    if sort not in dict(SORTS):
        sort = "relevance"
    context: dict[str, Any] = {"q": query, "sort": sort, "sorts": SORTS}
    if not query:
        return render(request, "reader/search.html", context)
    page = _page_number(request.GET.get("page"))
    try:
        result = search(query, page=page, per_page=PER_PAGE, sort=sort)
        if result.pages and page > result.pages:
            page = result.pages
            result = search(query, page=page, per_page=PER_PAGE, sort=sort)
    except QueryError as exc:
        context["error"] = str(getattr(exc, "message", exc))
        position = getattr(exc, "position", None)
        if isinstance(position, int) and 0 <= position <= len(query):
            context["caret"] = " " * position + "^"
        return render(request, "reader/search.html", context, status=400)
    except SearchIndexError as exc:
        context["error"] = f"Search is unavailable: {exc}"
        return render(request, "reader/search.html", context, status=503)
    hits = list(result.hits)
    active = Filters(query)
    context.update(
        result=result,
        hits=hits,
        hits_and_snippets=[(h, marked(h.snippet)) for h in hits],
        hit_cables=[h.cable for h in hits],
        start_index=(result.page - 1) * result.per_page + 1,
        facets=facet_groups(active, result.facets),
        charts=search_charts(result.facets) if result.page == 1 else None,
        filters=[
            {
                "field": f,
                "label": FACET_LABELS[f],
                "value": v,
                "remove": search_url(active.remove(f, v), sort=sort),
            }
            for f, v in active.active()
        ],
        window=[
            {"n": n, "url": search_url(query, sort=sort, page=n) if n else None}
            for n in (page_window(result.page, result.pages) if result.pages > 1 else [])
        ],
        prev_url=search_url(query, sort=sort, page=result.page - 1) if result.page > 1 else None,
        next_url=search_url(query, sort=sort, page=result.page + 1)
        if result.page < result.pages
        else None,
        feed_url=f"/feeds/search/?{request.GET.urlencode()}",
        json_url=f"/api/search?{request.GET.urlencode()}",
        sort_links=[(key, label, search_url(query, sort=key)) for key, label in SORTS],
    )
    return render(request, "reader/search.html", context)


_OPEN, _CLOSE = mark_safe("<mark>"), mark_safe("</mark>")


def marked(snippet: Snippet) -> SafeString:
    """The snippet as HTML: its text escaped by Django, the matches in ``<mark>``.

    Built here, one string a hit: a template loop over the pieces was a quarter of
    the page's rendering time.
    """
    return format_html_join(
        "",
        "{}{}{}",
        ((_OPEN if hit else "", piece, _CLOSE if hit else "") for piece, hit in snippet.parts()),
    )


def facet_groups(
    filters: Filters, facets: dict[str, list[tuple[str, int]]]
) -> list[dict[str, Any]]:
    """Each facet's values as links that add the value to the query (or remove it)."""
    base = reverse("reader:search")
    groups = []
    for field in FACET_FIELDS:
        values = []
        for value, count in (facets or {}).get(field, [])[:15]:
            on = filters.is_active(field, str(value))
            q = filters.remove(field, str(value)) if on else filters.add(field, str(value))
            values.append(FacetValue(str(value), count, on, f"{base}?{urlencode({'q': q})}"))
        if values:
            groups.append({"field": field, "label": FACET_LABELS[field], "values": values})
    return groups
