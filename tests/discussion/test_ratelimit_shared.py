"""The rate-limit counts: in the database every worker shares, exact under concurrency."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory

from cablebase.discussion import ratelimit


def test_the_counts_live_in_the_database_not_in_a_worker() -> None:
    cache = caches[ratelimit.CACHE_ALIAS]
    assert cache.__class__.__name__ == "DatabaseCache"
    assert cache._table == ratelimit.CACHE_TABLE


@pytest.mark.django_db
def test_the_migration_made_the_cache_table() -> None:
    assert ratelimit.CACHE_TABLE in connection.introspection.table_names()


@pytest.mark.django_db(transaction=True)
def test_simultaneous_hits_from_one_address_get_exactly_the_allowance(db_vendor, settings):
    """Ten threads, ten connections (PostgreSQL: the advisory lock serialises them)."""
    if db_vendor != "postgresql":
        pytest.skip("SQLite's test database is in memory; a served two-worker test covers it")
    from django.db import connections

    settings.DISCUSSION_RATE_LIMIT = 5
    request = RequestFactory().post("/", REMOTE_ADDR="198.51.100.7")

    def one(_: int) -> bool:
        try:
            return ratelimit.hit(request, "concurrency-test")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(one, range(10)))
    assert results.count(True) == 5
