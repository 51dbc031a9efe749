"""``/api/search``: the archive's query language, with facets and pagination."""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urlencode

from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from cablebase.archive.query import QueryError
from cablebase.archive.search import SearchIndexError, search, similar

from .schemas import ErrorOut, SearchOut, SimilarOut
from .serialize import cable_summary, get_cable

router = Router(tags=["search"])
MAX_PER_PAGE = 100


class SearchParams(Schema):
    q: str = Field(
        "",
        max_length=1000,
        description="query in the archive's search language (words, phrases, field filters)",
    )
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(20, ge=1, le=MAX_PER_PAGE)
    sort: Literal["relevance", "date", "-date"] = "relevance"
    facets: bool = True
    origin: str | None = Field(None, max_length=128, description="origin code or name")
    tag: str | None = Field(None, max_length=128, description="a TAGS code, e.g. PREL")
    classification: str | None = Field(None, max_length=64, description="e.g. SECRET")
    year: int | None = Field(None, ge=1900, le=2100)

    def full_query(self) -> str:
        """``q`` with the filter parameters added as the query language's field filters."""
        filters = []
        for field, value in (
            ("origin", self.origin),
            ("tag", self.tag),
            ("class", self.classification),
            ("year", self.year),
        ):
            if value not in (None, ""):
                filters.append(f"{field}:{_quoted(str(value))}")
        q = self.q.strip()
        if q and filters:
            q = f"({q})"  # so "a OR b" with a filter means "(a OR b) AND filter"
        return " ".join([q, *filters]).strip()


def _quoted(value: str) -> str:
    if re.fullmatch(r"[\w./-]+", value):
        return value
    return '"' + value.replace('"', " ") + '"'


def _page_link(params: SearchParams, page: int) -> str:
    query = {"q": params.full_query(), "page": page, "per_page": params.per_page}
    query["sort"] = params.sort
    if not params.facets:
        query["facets"] = "false"
    return f"{reverse('api:search')}?{urlencode(query)}"


@router.get("/search", response={200: SearchOut, 400: ErrorOut, 503: ErrorOut}, url_name="search")
def search_cables(request: HttpRequest, params: Query[SearchParams]):
    """Search the archive: hits (with snippets and match offsets), facets, pagination links."""
    try:
        result = search(
            params.full_query(),
            page=params.page,
            per_page=params.per_page,
            sort=params.sort,
            facets=params.facets,
        )
    except QueryError as exc:
        position = getattr(exc, "position", None)
        message = getattr(exc, "message", None) or str(exc)
        # A plain JsonResponse: the (status, body) tuple is deprecated in newer django-ninja.
        return JsonResponse(
            {"detail": f"Malformed query: {message}", "position": position}, status=400
        )
    except SearchIndexError as exc:
        raise HttpError(503, str(exc)) from exc
    except ValueError as exc:
        raise HttpError(400, str(exc)) from exc
    hits = []
    for hit in result.hits:
        item = cable_summary(hit.cable)
        item.update(
            score=hit.score,
            snippet=hit.snippet.text,
            highlights=[list(span) for span in hit.snippet.spans],
            tags=hit.cable.tag_list,
        )
        hits.append(item)
    facets = {
        name: [{"value": str(value), "count": count} for value, count in values]
        for name, values in (result.facets or {}).items()
    }
    return {
        "query": params.full_query(),
        "total": result.total,
        "page": result.page,
        "per_page": result.per_page,
        "pages": result.pages,
        "sort": params.sort,
        "hits": hits,
        "facets": facets,
        "next": _page_link(params, result.page + 1) if result.page < result.pages else None,
        "previous": _page_link(params, result.page - 1) if result.page > 1 else None,
    }


@router.get(
    "/cables/{reference_id}/similar",
    response={200: SimilarOut, 404: ErrorOut, 503: ErrorOut},
    url_name="similar",
    tags=["cables"],
)
def similar_cables(request: HttpRequest, reference_id: str, limit: int = 10):
    """The cables most like this one by their text (subject, tags and body)."""
    cable = get_cable(reference_id)
    try:
        found = similar(cable, limit=max(1, min(limit, 50)))
    except SearchIndexError as exc:
        raise HttpError(503, str(exc)) from exc
    return {
        "reference_id": cable.reference_id,
        "similar": [cable_summary(s.cable) | {"score": s.score} for s in found],
    }
