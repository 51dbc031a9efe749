"""Search the archive: the query language over one tantivy index derived from the store.

``search(query)`` parses the query (``cablebase.archive.query``), builds the
engine's query from its syntax tree (``translate``), ranks by BM25 (subject,
tags and reference id weighing more than the body) or sorts by date, counts
facets over every hit (``facets``), and returns the page's cables as the store
holds them with snippets as text plus match offsets (``snippets``). The index
lives beside the store (``index``); it is caught up with the store before each
search, so it never lags a committed ingest and never returns a cable the store
does not have. ``similar(cable)`` finds cables like a given one.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

import tantivy
from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from cablebase.archive.models import Cable, tags_prefetch
from cablebase.archive.query import Query, QueryError, parse_query
from cablebase.archive.search import source
from cablebase.archive.search.facets import FACETS, facet_counts
from cablebase.archive.search.index import (
    IndexBusy,
    Progress,
    SearchIndexError,
    engine,
    engine_errors,
    index_dir,
    set_index_dir,
)
from cablebase.archive.search.similar import similar_query
from cablebase.archive.search.snippets import Matcher, Snippet, make_snippet
from cablebase.archive.search.translate import Translator

__all__ = [
    "FACETS",
    "Hit",
    "IndexBusy",
    "QueryError",
    "SearchIndexError",
    "SearchResult",
    "SimilarCable",
    "Snippet",
    "catch_up",
    "filter_cables",
    "index_dir",
    "matching_ids",
    "reindex",
    "search",
    "set_index_dir",
    "similar",
]

SORTS = ("relevance", "date", "-date")
# Columns no list of hits shows: left in the store (the header alone is kilobytes a cable).
UNLISTED = ("header", "recipients", "info_recipients", "warnings", "classified_by_text", "reasons")
MAX_PER_PAGE = 200


@dataclass
class Hit:
    reference_id: str
    cable: Cable
    score: float
    snippet: Snippet


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


@dataclass
class SimilarCable:
    reference_id: str
    cable: Cable
    score: float


def _prepared(query: str | Query) -> tuple[Query, tantivy.Searcher, tantivy.Query]:
    parsed = parse_query(query) if isinstance(query, str) else query
    eng = engine()
    eng.ensure_current()
    searcher = eng.searcher()
    return parsed, searcher, Translator(eng.schema).query(parsed.root)


def _count(searcher: tantivy.Searcher, query: tantivy.Query) -> int:
    return int(searcher.search(query, 1, count=True).count or 0)


def _pks(searcher: tantivy.Searcher, hits: list[tuple[object, tantivy.DocAddress]]) -> list[int]:
    return [int(pk) for pk in searcher.fast_field_values("pk", [addr for _, addr in hits])]


def search(
    query: str,
    *,
    page: int = 1,
    per_page: int = 20,
    sort: str = "relevance",
    facets: bool = True,
) -> SearchResult:
    """Run a search; raises ``QueryError`` for a malformed query or option.

    ``SearchIndexError`` when the index directory cannot be used (not writable...).
    """
    with engine_errors():
        return _search(query, page=page, per_page=per_page, sort=sort, facets=facets)


def _search(query: str, *, page: int, per_page: int, sort: str, facets: bool) -> SearchResult:
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r} (use {', '.join(SORTS)})", 0)
    parsed, searcher, engine_query = _prepared(query)
    per_page = max(1, min(int(per_page), MAX_PER_PAGE))
    page = max(1, int(page))
    start = (page - 1) * per_page
    leaves = parsed.text_leaves()
    ranked = bool(leaves) and sort == "relevance"
    total = _count(searcher, engine_query) if start else -1
    found_hits: list = []
    if start < total or not start:  # never ask for an offset past the end (it costs memory)
        if ranked:
            found = searcher.search(engine_query, per_page, count=True, offset=start)
        else:
            found = searcher.search(
                engine_query,
                per_page,
                count=True,
                order_by_field="date_key",
                offset=start,
                order=tantivy.Order.Asc if sort == "date" else tantivy.Order.Desc,
            )
        total, found_hits = int(found.count or 0), found.hits
    pks = _pks(searcher, found_hits)
    scores = {
        pk: float(key) if ranked else 0.0 for pk, (key, _) in zip(pks, found_hits, strict=True)
    }
    stored = Cable.objects.defer(*UNLISTED).prefetch_related(tags_prefetch()).in_bulk(pks)
    matcher = Matcher(leaves) if leaves else None
    hits = [
        Hit(
            reference_id=stored[pk].reference_id,
            cable=stored[pk],
            score=scores[pk],
            snippet=make_snippet(stored[pk].body or stored[pk].summary, matcher),
        )
        for pk in pks
        if pk in stored  # the store is the record of truth
    ]
    result = SearchResult(
        query=query,
        total=total,
        page=page,
        per_page=per_page,
        pages=max(1, math.ceil(total / per_page)),
        sort=sort,
        hits=hits,
    )
    if facets:
        result.facets = facet_counts(searcher, engine_query)
    return result


def matching_ids(query: str | Query) -> list[int]:
    """Primary keys of every cable matching ``query``; raises ``QueryError``."""
    _, searcher, engine_query = _prepared(query)
    total = _count(searcher, engine_query)
    if not total:
        return []
    found = searcher.search(engine_query, int(total), count=False)
    return sorted(_pks(searcher, found.hits))


def filter_cables(query: str | Query) -> QuerySet[Cable]:
    """Every cable matching ``query`` (unordered); raises ``QueryError``. Used by exports.

    The ids travel as one parameter (a JSON array on SQLite, an array on PostgreSQL),
    so a query matching the whole archive does not hit a limit on SQL parameters.
    """
    ids = matching_ids(query)
    if connection.vendor == "postgresql":
        return Cable.objects.filter(id__in=RawSQL("SELECT unnest(%s::bigint[])", (ids,)))
    rows = RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))
    return Cable.objects.filter(id__in=rows)


def similar(cable: Cable, limit: int = 10) -> list[SimilarCable]:
    """The cables most like ``cable`` by their text (subject, tags, body)."""
    with engine_errors():
        return _similar(cable, limit)


def _similar(cable: Cable, limit: int) -> list[SimilarCable]:
    eng = engine()
    eng.ensure_current()
    searcher = eng.searcher()
    query = similar_query(searcher, eng.schema, source.similar_doc(cable))
    if query is None:
        return []
    found = searcher.search(query, limit, count=False)
    pks = _pks(searcher, found.hits)
    stored = Cable.objects.in_bulk(pks)
    return [
        SimilarCable(stored[pk].reference_id, stored[pk], float(score))
        for pk, (score, _) in zip(pks, found.hits, strict=True)
        if pk in stored
    ]


def catch_up(progress: Progress | None = None) -> int:
    """Bring the index up to the store (after an ingest's commit); returns cables indexed."""
    return engine().catch_up(progress)


def reindex(progress: Progress | None = None) -> int:
    """Rebuild the index from every cable in the store; returns cables indexed."""
    return engine().rebuild(progress)
