"""Cables like this one: the cable's most distinctive words, as one ranked query.

More-like-this over the subject, tags and body as the store holds them: each
word gets tf × idf (rare in the archive, frequent in this cable scores high),
the top words become one OR query, and BM25 ranks the cables that share them.
Written here rather than with tantivy's own more-like-this, which in 0.27
panics when a term's document count (still including replaced documents not
yet merged away) exceeds the live documents.
"""

from __future__ import annotations

import math
from collections import Counter

import tantivy
from tantivy import Occur
from tantivy import Query as Q

from cablebase.archive.search.forms import Vocabulary
from cablebase.archive.search.schema import CableDoc, stem_of, words

MAX_QUERY_TERMS = 40
MIN_WORD = 3
# Field -> how much a term found there counts (a subject word says more than a body word).
WEIGHTS = {"subject_word": 3.0, "tags_text": 3.0, "body_word": 1.0}
STOP_WORDS = frozenset(
    words(
        "a an and are as at be but by for from has have he her his i in is it its of on or "
        "our s said she that the their there they this to was we were which will with would "
        "you not no also been post embassy mission comment end summary"
    )
)


def _units(field: str, tokens: list[str]) -> dict[str, tuple[int, set[str]]]:
    """Occurrences and word forms of each English stem (tags: each word as it is)."""
    units: dict[str, tuple[int, set[str]]] = {}
    for term, tf in Counter(t for t in tokens if len(t) >= MIN_WORD).items():
        if term in STOP_WORDS or term.isdigit():
            continue
        key = term if field == "tags_text" else stem_of(term)
        count, forms = units.get(key, (0, set()))
        units[key] = (count + tf, forms | {term})
    return units


def similar_query(
    searcher: tantivy.Searcher, schema: tantivy.Schema, doc: CableDoc, vocabulary: Vocabulary
):
    """The query, or None when the cable has no distinctive term.

    The words of one English stem count as one term (*negotiation* and
    *negotiations*), and the query asks for every form of the chosen stems.
    """
    texts = {
        "subject_word": words(doc.subject),
        "tags_text": words(" ".join(doc.tags)),
        "body_word": words(doc.body),
    }
    live = max(1, searcher.num_docs)

    def score(field: str, tf: int, found: set[str]) -> float:
        df = sum(searcher.doc_freq(field, form) for form in found)
        if df < 2:  # only this cable has it: it finds nothing
            return 0.0
        return WEIGHTS[field] * (1 + math.log(tf)) * math.log(1 + live / min(df, live))

    # Rank the stems on the forms this cable uses, then the best on all the archive's forms.
    rough = [
        (score(field, tf, own), field, tf, own)
        for field, tokens in texts.items()
        for tf, own in _units(field, tokens).values()
    ]
    scored: list[tuple[float, str, set[str]]] = []
    for first, field, tf, own in sorted(rough, key=lambda r: -r[0])[: 2 * MAX_QUERY_TERMS]:
        if first <= 0:
            break
        found = own if field == "tags_text" else own | set(vocabulary.forms(field, min(own)))
        scored.append((score(field, tf, found), field, found))
    if not scored:
        return None
    top = sorted(scored, key=lambda r: -r[0])[:MAX_QUERY_TERMS]
    like = Q.boolean_query(
        [
            (Occur.Should, Q.boost_query(Q.term_query(schema, field, form), weight))
            for weight, field, found in top
            for form in sorted(found)
        ]
    )
    itself = Q.term_query(schema, "pk", doc.pk)
    return Q.boolean_query([(Occur.Must, like), (Occur.MustNot, itself)])


def best_hits(
    searcher: tantivy.Searcher, query: tantivy.Query, limit: int
) -> tuple[list[tuple[float, tantivy.DocAddress]], list[int]]:
    """The ``limit`` best hits, equal scores in the order of their cables' ids; and
    those ids (read here to order the ties, so callers need not read them again).

    tantivy returns equal scores (cables with the same subject and text) in the order
    its segments hold them, which differs between an incremental and a rebuilt index:
    the page and the mirror would list them differently from one build to the next.
    Twice the hits asked for leave room to choose among those tied at the cut.
    """
    hits = searcher.search(query, 2 * limit, count=False).hits
    pks = [int(pk) for pk in searcher.fast_field_values("pk", [address for _, address in hits])]
    ranked = sorted(zip(hits, pks, strict=True), key=lambda h: (-h[0][0], h[1]))[:limit]
    return [hit for hit, _ in ranked], [pk for _, pk in ranked]
