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

from cablebase.archive.search.schema import CableDoc, words

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


def similar_query(searcher: tantivy.Searcher, schema: tantivy.Schema, doc: CableDoc):
    """The query, or None when the cable has no distinctive term."""
    texts = {
        "subject_word": words(doc.subject),
        "tags_text": words(" ".join(doc.tags)),
        "body_word": words(doc.body),
    }
    live = max(1, searcher.num_docs)
    scored: list[tuple[float, str, str]] = []
    for field, tokens in texts.items():
        for term, tf in Counter(t for t in tokens if len(t) >= MIN_WORD).items():
            if term in STOP_WORDS or term.isdigit():
                continue
            df = searcher.doc_freq(field, term)
            if df < 2:  # only this cable has it: it finds nothing
                continue
            idf = math.log(1 + live / min(df, live))
            scored.append((WEIGHTS[field] * (1 + math.log(tf)) * idf, field, term))
    if not scored:
        return None
    top = sorted(scored, reverse=True)[:MAX_QUERY_TERMS]
    like = Q.boolean_query(
        [(Occur.Should, Q.boost_query(Q.term_query(schema, f, t), s)) for s, f, t in top]
    )
    itself = Q.term_query(schema, "pk", doc.pk)
    return Q.boolean_query([(Occur.Must, like), (Occur.MustNot, itself)])
