"""Search the archive: the query language over one tantivy index derived from the store.

``search(query)`` parses the query (``cablebase.archive.query``), builds the
engine's query from its syntax tree (``translate``, with English word forms
from ``forms``), ranks by BM25 (subject, tags and reference id weighing more
than the body) or sorts by date, counts facets over every hit (``facets``), and
returns the page's cables as lists show them (``hits.Listed``) with snippets as
text plus match offsets (``snippets``). The index lives beside the store
(``index``); it is caught up with the store before each search, so it never lags
a committed ingest and never returns a cable the store does not have. While it
is current the page is read from the index alone (its stored listing and body:
no query to the store but the one that says how far the store has got); when
it is behind and another process is catching up, from the public store.
``similar(cable)`` finds cables like a given one.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

import tantivy
from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from cablebase.archive.models import Cable
from cablebase.archive.query import Query, QueryError, parse_query
from cablebase.archive.search import source
from cablebase.archive.search.facets import FACETS, facet_counts
from cablebase.archive.search.forms import Vocabulary
from cablebase.archive.search.hits import Listed
from cablebase.archive.search.index import (
    Engine,
    IndexBusy,
    Progress,
    SearchIndexError,
    engine,
    engine_errors,
    index_dir,
    set_index_dir,
)
from cablebase.archive.search.schema import BODY, LISTING
from cablebase.archive.search.similar import best_hits, similar_query
from cablebase.archive.search.snippets import Matcher, Snippet, make_snippet
from cablebase.archive.search.translate import Translator

__all__ = [
    "FACETS",
    "Hit",
    "IndexBusy",
    "Listed",
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
MAX_PER_PAGE = 200
FAR_OFFSET = 10_000


@dataclass
class Hit:
    reference_id: str
    cable: Listed
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
    cable: Listed
    score: float


@dataclass
class _Prepared:
    query: Query
    engine: Engine
    searcher: tantivy.Searcher
    engine_query: tantivy.Query
    current: bool  # the index holds everything the store does: hits may come from it


def _prepared(query: str | Query) -> _Prepared:
    parsed = parse_query(query) if isinstance(query, str) else query
    eng = engine()
    current = eng.ensure_current()
    searcher = eng.searcher()

    vocabulary = Vocabulary(searcher, lambda key, compute: eng.memo(searcher, key, compute))
    engine_query = Translator(eng.schema, vocabulary).query(parsed.root)
    return _Prepared(parsed, eng, searcher, engine_query, current)


def _count(searcher: tantivy.Searcher, query: tantivy.Query) -> int:
    return int(searcher.search(query, 1, count=True).count or 0)


def _pks(searcher: tantivy.Searcher, hits: list[tuple[object, tantivy.DocAddress]]) -> list[int]:
    return [int(pk) for pk in searcher.fast_field_values("pk", [addr for _, addr in hits])]


def _listed(
    searcher: tantivy.Searcher,
    current: bool,
    hits: list[tuple[object, tantivy.DocAddress]],
    body: bool,
    pks: list[int] | None = None,
) -> list[tuple[Listed, str, object]]:
    """(cable, body, order key) of each hit, in order: from the index while it is current,
    else from the public store (a cable held since the index's last commit drops out).
    ``pks``: the hits' cable ids when the caller has read them already."""
    if pks is None:
        pks = _pks(searcher, hits)
    if current:
        out = []
        for pk, (key, addr) in zip(pks, hits, strict=True):
            doc = searcher.doc(addr)
            text = (doc.get_first(BODY) or "") if body else ""
            out.append((Listed.from_listing(pk, doc.get_first(LISTING)), text, key))
        return out
    stored = {doc.pk: doc for doc in source.load(pks)}
    return [
        (Listed.from_doc(stored[pk]), stored[pk].body if body else "", key)
        for pk, (key, _) in zip(pks, hits, strict=True)
        if pk in stored
    ]


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
    prep = _prepared(query)
    searcher, engine_query = prep.searcher, prep.engine_query
    per_page = max(1, min(int(per_page), MAX_PER_PAGE))
    page = max(1, int(page))
    start = (page - 1) * per_page
    leaves = prep.query.text_leaves()
    ranked = bool(leaves) and sort == "relevance"
    # The collector holds offset + limit hits: a far page first asks how many there are,
    # so an offset past the end costs no memory; a near page (most) is one query.
    total = _count(searcher, engine_query) if start > FAR_OFFSET else -1
    found_hits: list = []
    if total < 0 or start < total:
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
    matcher = Matcher(leaves) if leaves else None
    hits = [
        Hit(
            reference_id=cable.reference_id,
            cable=cable,
            score=float(key) if ranked else 0.0,  # type: ignore[arg-type]
            snippet=make_snippet(body, matcher),
        )
        for cable, body, key in _listed(searcher, prep.current, found_hits, body=True)
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
        result.facets = prep.engine.memo(
            searcher, ("facets", query), lambda: facet_counts(searcher, engine_query)
        )
    return result


def matching_ids(query: str | Query) -> list[int]:
    """Primary keys of every cable matching ``query``; raises ``QueryError``."""
    prep = _prepared(query)
    searcher, engine_query = prep.searcher, prep.engine_query
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
    current = eng.ensure_current()
    searcher = eng.searcher()
    vocabulary = Vocabulary(searcher, lambda key, compute: eng.memo(searcher, key, compute))
    query = similar_query(searcher, eng.schema, source.similar_doc(cable), vocabulary)
    if query is None:
        return []
    hits, pks = best_hits(searcher, query, limit)
    return [
        SimilarCable(listed.reference_id, listed, float(score))  # type: ignore[arg-type]
        for listed, _, score in _listed(searcher, current, hits, body=False, pks=pks)
    ]


def catch_up(progress: Progress | None = None) -> int:
    """Bring the index up to the store (after an ingest's commit); returns cables indexed."""
    return engine().catch_up(progress)


def reindex(progress: Progress | None = None) -> int:
    """Rebuild the index from every cable in the store; returns cables indexed."""
    return engine().rebuild(progress)
