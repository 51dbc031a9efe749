"""Addresses of the reader's search page (a cable's own address is ``Cable.get_absolute_url``)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse


def search_url(query: str, **params: str | int) -> str:
    """``/search?q=...`` with extra parameters (sort, page) left out when empty."""
    items = {"q": query, **{k: v for k, v in params.items() if v not in ("", None)}}
    return f"{reverse('reader:search')}?{urlencode(items)}"
