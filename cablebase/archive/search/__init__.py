"""Search the archive: the query language over one full-text backend per database vendor.

``search(query)`` parses the query (``cablebase.archive.query``), turns its
filters into ORM conditions on indexed columns and its text terms into the
backend's full-text conditions, ranks (bm25 / ts_rank_cd, subject and tags
weighing more), paginates, and adds snippets and facet counts for the
current query.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q, QuerySet

from cablebase.archive.models import Cable
from cablebase.archive.query import (
    And,
    Field,
    Node,
    Not,
    Or,
    Phrase,
    Query,
    QueryError,
    Term,
    parse_query,
)
from cablebase.archive.search.base import Backend, plain_snippet
from cablebase.archive.search.facets import FACETS, facet_counts
from cablebase.archive.search.filters import field_condition

__all__ = ["FACETS", "Hit", "QueryError", "SearchResult", "backend", "filter_cables", "search"]

SORTS = ("relevance", "date", "-date")
MAX_PER_PAGE = 200


@dataclass
class Hit:
    reference_id: str
    cable: Cable
    score: float
    snippet: str


@dataclass
class SearchResult:
    query: str
    total: int
    page: int
    per_page: int
    pages: int
    sort: str
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


def backend() -> Backend:
    """The full-text backend for the current database connection's vendor."""
    if connection.vendor == "postgresql":
        from cablebase.archive.search.postgres import PostgresBackend

        return PostgresBackend()
    if connection.vendor == "sqlite":
        from cablebase.archive.search.sqlite import SQLiteBackend

        return SQLiteBackend()
    raise RuntimeError(f"no search backend for database vendor {connection.vendor!r}")


def condition(node: Node, engine: Backend) -> Q:
    """The ORM condition for an AST node."""
    if isinstance(node, Term | Phrase):
        return engine.text_condition(node)
    if isinstance(node, Field):
        return field_condition(node)
    if isinstance(node, Not):
        return ~condition(node.child, engine)
    if isinstance(node, And):
        out = Q()
        for child in node.children:
            out &= condition(child, engine)
        return out
    if isinstance(node, Or):
        out = condition(node.children[0], engine)
        for child in node.children[1:]:
            out |= condition(child, engine)
        return out
    raise AssertionError(f"unknown node {node!r}")


def filter_cables(query: str | Query) -> QuerySet[Cable]:
    """Every cable matching ``query`` (unordered); raises ``QueryError``. Used by exports too."""
    parsed = parse_query(query) if isinstance(query, str) else query
    qs = Cable.objects.all()
    if parsed.root is not None:
        qs = qs.filter(condition(parsed.root, backend()))
    return qs


def search(
    query: str,
    *,
    page: int = 1,
    per_page: int = 20,
    sort: str = "relevance",
    facets: bool = True,
) -> SearchResult:
    """Run a search; raises ``QueryError`` for a malformed query or option, never a DB error."""
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r} (use {', '.join(SORTS)})", 0)
    parsed = parse_query(query)
    engine = backend()
    per_page = max(1, min(int(per_page), MAX_PER_PAGE))
    qs = filter_cables(parsed)
    total = qs.count()
    pages = max(1, math.ceil(total / per_page))
    page = max(1, int(page))
    leaves = parsed.text_leaves()
    start = (page - 1) * per_page
    scores: dict[int, float] = {}
    if start >= total:
        cables: list[Cable] = []
    elif leaves and sort == "relevance":
        ranked = engine.ranked_page(qs, leaves, start, per_page)
        scores = dict(ranked)
        found = Cable.objects.in_bulk([pk for pk, _ in ranked])
        cables = [found[pk] for pk, _ in ranked if pk in found]
    else:
        order = ("created", "reference_id") if sort == "date" else ("-created", "reference_id")
        cables = list(qs.order_by(*order)[start : start + per_page])
    snippets = engine.snippets([c.id for c in cables], leaves) if leaves else {}
    hits = [
        Hit(
            reference_id=c.reference_id,
            cable=c,
            score=scores.get(c.id, 0.0),
            snippet=snippets.get(c.id) or plain_snippet(c.summary or c.body),
        )
        for c in cables
    ]
    result = SearchResult(
        query=query, total=total, page=page, per_page=per_page, pages=pages, sort=sort, hits=hits
    )
    if facets:
        result.facets = facet_counts(qs)
    return result
