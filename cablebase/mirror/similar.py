"""The cables like each cable of a batch, as the cable page's "Similar cables" lists them.

The same query as ``cablebase.archive.search.similar`` (``similar_query`` over
``similar_doc``), run on one searcher for the whole batch. The query asks the
index how many cables hold each of a cable's terms, some four hundred questions
a cable, and the indexed forms of some eighty stems, mostly the same words from
one cable to the next: here each answer is kept for as long as the worker reads
the same searcher (the engine's own memo holds 8,192 answers, a few dozen
cables' worth, and was emptied over and over). Cables the store does not show
(held) are left out, as the site leaves them out.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from cablebase.archive.models import Cable
from cablebase.reader.views.cable import SIMILAR_SHOWN


class _CountingSearcher:
    """A searcher whose document frequencies are remembered (the next cables ask again)."""

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.num_docs = searcher.num_docs
        self.known: dict[tuple[str, str], int] = {}
        self.memo: dict[Any, Any] = {}  # the vocabulary's answers

    def remembered(self, key: Any, compute: Any) -> Any:
        found = self.memo.get(key, self)
        if found is self:
            found = self.memo[key] = compute()
        return found

    def doc_freq(self, field: str, term: str) -> int:
        key = (field, term)
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = self.searcher.doc_freq(field, term)
        return found


_current: _CountingSearcher | None = None
KEPT_AT_MOST = 1_000_000  # answers of each kind a worker keeps (some 100 MB at most)


def _counting(searcher: Any) -> _CountingSearcher:
    """The worker's remembering searcher, started afresh when the engine's searcher changes."""
    global _current
    if _current is None or _current.searcher is not searcher:
        _current = _CountingSearcher(searcher)
    elif max(len(_current.known), len(_current.memo)) > KEPT_AT_MOST:
        _current.known.clear()
        _current.memo.clear()
    return _current


def similar_for(cables: list[Cable], public: Container[int]) -> dict[int, list[int]] | None:
    """``{pk: similar pks, best first}`` for ``cables``; None when the index cannot be read."""
    from cablebase.archive.search import SearchIndexError
    from cablebase.archive.search.forms import Vocabulary
    from cablebase.archive.search.index import engine, engine_errors
    from cablebase.archive.search.similar import best_hits, similar_query
    from cablebase.archive.search.source import similar_doc

    out: dict[int, list[int]] = {}
    try:
        with engine_errors():
            eng = engine()
            searcher = eng.searcher()
            counting = _counting(searcher)
            vocabulary = Vocabulary(searcher, counting.remembered)
            for cable in cables:
                query = similar_query(counting, eng.schema, similar_doc(cable), vocabulary)
                if query is None:
                    out[cable.pk] = []
                    continue
                _, pks = best_hits(searcher, query, SIMILAR_SHOWN)
                out[cable.pk] = [pk for pk in pks if pk in public]
    except SearchIndexError:
        return None
    return out
