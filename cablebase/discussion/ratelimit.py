"""A small fixed-window rate limit per client address, kept in Django's cache."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def _limits() -> tuple[int, int]:
    return (
        int(getattr(settings, "DISCUSSION_RATE_LIMIT", 5)),
        int(getattr(settings, "DISCUSSION_RATE_WINDOW", 600)),
    )


def client_address(request: HttpRequest) -> str:
    """The peer address; a deployment behind a proxy sets REMOTE_ADDR in its middleware."""
    return request.META.get("REMOTE_ADDR") or "unknown"


def hit(request: HttpRequest, scope: str) -> bool:
    """Count one post from this address; False when it is over the limit for the window."""
    limit, window = _limits()
    bucket = int(time.time() // window)
    key = f"discussion:rl:{scope}:{client_address(request)}:{bucket}"
    if cache.add(key, 1, timeout=window + 1):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 1)
        return True
    return count <= limit


def window_minutes() -> int:
    return max(1, _limits()[1] // 60)


def limit_count() -> int:
    return _limits()[0]
