"""Facet counts over the whole hit set, from the index's terms aggregations.

Each value is one raw term of its field, and the filter a facet link adds
(``class:"SECRET//NOFORN"``, ``tag:PREL``...) matches exactly that term, so the
count shown is the number of cables the link finds. ``segment_size`` is set
above any field's number of distinct values, which makes tantivy's counts
exact (``doc_count_error_upper_bound`` is 0), not per-segment estimates.
"""

from __future__ import annotations

from typing import Any

import tantivy

from cablebase.archive.search.schema import FACET_FIELDS

FACETS = tuple(FACET_FIELDS)
LIMIT = 30
EXACT_SEGMENT_SIZE = 1_000_000


def aggregation() -> dict[str, Any]:
    return {
        name: {"terms": {"field": field, "size": LIMIT, "segment_size": EXACT_SEGMENT_SIZE}}
        for name, field in FACET_FIELDS.items()
    }


def facet_counts(
    searcher: tantivy.Searcher, query: tantivy.Query
) -> dict[str, list[tuple[str, int]]]:
    """``{facet: [(value, count), ...]}``, most frequent first, ties by value."""
    result = searcher.aggregate(query, aggregation())
    out: dict[str, list[tuple[str, int]]] = {}
    for name in FACETS:
        buckets = (result.get(name) or {}).get("buckets", [])
        pairs = [(str(b["key"]), int(b["doc_count"])) for b in buckets if str(b["key"])]
        out[name] = sorted(pairs, key=lambda p: (-p[1], p[0]))
    return out
