"""``/api/``: the NinjaAPI's URL patterns, each view wrapped to answer CORS requests."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver

from .api import api
from .cors import allow_any_origin

_patterns, _app_name, _namespace = api.urls
app_name = "api"


def _with_cors(patterns: list) -> list:
    for entry in patterns:
        if isinstance(entry, URLPattern):
            entry.callback = allow_any_origin(entry.callback)
        elif isinstance(entry, URLResolver):
            _with_cors(entry.url_patterns)
    return patterns


urlpatterns = _with_cors(list(_patterns))
