"""A fixed-window rate limit per client address, counted in a cache every worker shares.

``cablebase serve`` runs several gunicorn workers: a per-process cache would give each
its own allowance (5 x workers posts). The counts live in Django's DatabaseCache (the
``ratelimit`` cache, a table of the archive's database made by a migration), and each
count is read and written under a lock so two workers cannot both see the same count.
"""

from __future__ import annotations

import time
import zlib

from django.conf import settings
from django.core.cache import caches
from django.db import connections, router, transaction
from django.http import HttpRequest

CACHE_ALIAS = "ratelimit"
CACHE_TABLE = "cablebase_ratelimit"


def _limits() -> tuple[int, int]:
    return (
        int(getattr(settings, "DISCUSSION_RATE_LIMIT", 5)),
        int(getattr(settings, "DISCUSSION_RATE_WINDOW", 600)),
    )


def client_address(request: HttpRequest) -> str:
    """The peer address; a deployment behind a proxy sets REMOTE_ADDR in its middleware."""
    return request.META.get("REMOTE_ADDR") or "unknown"


def _database(cache: object) -> str | None:
    """The database alias a DatabaseCache writes to; None for any other cache backend."""
    model = getattr(cache, "cache_model_class", None)
    return router.db_for_write(model) if model is not None else None


def hit(request: HttpRequest, scope: str) -> bool:
    """Count one post from this address; False when it is over the limit for the window."""
    limit, window = _limits()
    bucket = int(time.time() // window)
    key = f"discussion:rl:{scope}:{client_address(request)}:{bucket}"
    cache = caches[CACHE_ALIAS]
    alias = _database(cache)
    if alias is None:  # a cache with its own atomic add/incr (memcached, redis, locmem)
        if cache.add(key, 1, timeout=window + 1):
            return True
        try:
            return cache.incr(key) <= limit
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window + 1)
            return True
    with transaction.atomic(using=alias):
        # SQLite: the transaction starts IMMEDIATE, so it already holds the write lock.
        connection = connections[alias]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [zlib.crc32(key.encode())])
        count = (cache.get(key) or 0) + 1
        cache.set(key, count, timeout=window + 1)
    return count <= limit


def window_minutes() -> int:
    return max(1, _limits()[1] // 60)


def limit_count() -> int:
    return _limits()[0]
