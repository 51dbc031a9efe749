"""The API's edges: HEAD answered like GET, and every error answered in JSON.

Django-ninja routes ``@api.get`` operations for GET only, so HEAD (advertised by CORS,
used by link checkers) was a 405; and a path no route matches fell through to the
site's HTML 404. Both are fixed here, for every ``/api/`` address at once.
"""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse, JsonResponse

API_PREFIX = "/api/"


class ApiHeadAndNotFound:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        head = request.method == "HEAD"
        if head:
            request.method = "GET"  # the same answer, headers and length, without the body
        response = self.get_response(request)
        if response.status_code >= 400 and not _is_json(response):
            response = _json_error(request, response)
        if head:
            request.method = "HEAD"
            if not response.streaming:
                response["Content-Length"] = str(len(response.content))
                response.content = b""
        return response


def _is_json(response: HttpResponse) -> bool:
    return response.get("Content-Type", "").startswith("application/json")


def _json_error(request: HttpRequest, response: HttpResponse) -> JsonResponse:
    """``{"detail": ...}`` with the status (and Allow header) of Django's own answer."""
    status = response.status_code
    if status == 404:
        detail = f"No API endpoint at {request.path}; see /api/docs."
    elif status == 405:
        detail = f"{request.method} is not allowed here; use {response.get('Allow', 'GET')}."
    else:
        try:
            detail = HTTPStatus(status).phrase
        except ValueError:
            detail = "Error"
    out = JsonResponse({"detail": detail}, status=status)
    for header in ("Allow", "Access-Control-Allow-Origin", "Vary"):
        if response.has_header(header):
            out[header] = response[header]
    return out
