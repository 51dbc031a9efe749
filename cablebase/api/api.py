"""The read-only JSON API: one ``NinjaAPI`` with routers per resource.

Mounted at ``/api/`` by ``cablebase.api.urls``; OpenAPI schema at
``/api/openapi.json``, interactive docs at ``/api/docs``.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError

from cablebase.archive.stats import archive_stats

from . import cables, search

api = NinjaAPI(
    title="cablebase API",
    version="1.0",
    description=(
        "Read-only access to the cable archive: search with facets, each cable's record "
        "(the shape docs/record.md describes), its paragraphs, references, versions and "
        "approved comments, and archive statistics. Every GET answers with "
        "`Access-Control-Allow-Origin: *`."
    ),
    docs_url="/docs",
    openapi_url="/openapi.json",
    urls_namespace="api",
)
api.add_router("/", search.router)
api.add_router("/cables", cables.router)


@api.get("/", include_in_schema=False, url_name="index")
def index(request: HttpRequest) -> dict:
    """A map of the API for someone who opens ``/api/`` in a browser."""
    return {
        "name": api.title,
        "docs": "/api/docs",
        "openapi": "/api/openapi.json",
        "endpoints": [
            "/api/search?q=&page=&per_page=&sort=",
            "/api/cables/{reference_id}",
            "/api/cables/{reference_id}/paragraphs",
            "/api/cables/{reference_id}/references",
            "/api/cables/{reference_id}/versions",
            "/api/cables/{reference_id}/comments",
            "/api/stats",
        ],
    }


@api.get("/stats", tags=["archive"], url_name="stats")
def stats(request: HttpRequest) -> dict:
    """Totals of the archive: cables, origins, tags, dates, counts by classification."""
    return archive_stats()


@api.exception_handler(ValidationError)
def invalid_parameters(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """Bad parameters are a client error (400) that names each parameter and its problem."""
    problems = []
    for error in exc.errors:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path"))
        problems.append(f"{where}: {error.get('msg', 'invalid')}" if where else error.get("msg"))
    return api.create_response(
        request,
        {"detail": "Invalid parameters: " + "; ".join(problems), "errors": exc.errors},
        status=400,
    )
