"""The cables like each cable of a batch, as the cable page's "Similar cables" lists them.

The same query as ``cablebase.archive.search.similar`` (``similar_query`` over
``similar_doc``), run on one searcher for the whole batch. The query asks the
index how many cables hold each of a cable's terms, some four hundred questions
a cable, mostly the same words from one cable to the next: here each answer is
kept for the batch. Cables the store does not show (held) are left out, as the
site leaves them out.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from cablebase.archive.models import Cable
from cablebase.reader.views.cable import SIMILAR_SHOWN


class _CountingSearcher:
    """A searcher whose document frequencies are remembered (the batch asks for them again)."""

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.num_docs = searcher.num_docs
        self.known: dict[tuple[str, str], int] = {}

    def doc_freq(self, field: str, term: str) -> int:
        key = (field, term)
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = self.searcher.doc_freq(field, term)
        return found


def similar_for(cables: list[Cable], public: Container[int]) -> dict[int, list[int]] | None:
    """``{pk: similar pks, best first}`` for ``cables``; None when the index cannot be read."""
    from cablebase.archive.search import SearchIndexError
    from cablebase.archive.search.forms import Vocabulary
    from cablebase.archive.search.index import engine, engine_errors
    from cablebase.archive.search.similar import similar_query
    from cablebase.archive.search.source import similar_doc

    out: dict[int, list[int]] = {}
    try:
        with engine_errors():
            eng = engine()
            searcher = eng.searcher()
            counting = _CountingSearcher(searcher)
            vocabulary = Vocabulary(searcher, lambda key, compute: eng.memo(searcher, key, compute))
            for cable in cables:
                query = similar_query(counting, eng.schema, similar_doc(cable), vocabulary)
                if query is None:
                    out[cable.pk] = []
                    continue
                hits = searcher.search(query, SIMILAR_SHOWN, count=False).hits
                pks = searcher.fast_field_values("pk", [address for _, address in hits])
                out[cable.pk] = [int(pk) for pk in pks if int(pk) in public]
    except SearchIndexError:
        return None
    return out
