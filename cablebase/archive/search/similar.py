"""Cables like this one: more-like-this over its subject, tags and body.

The query is built from the cable's own text as the store holds it (the index
stores no text), through the stemmed fields, so word forms meet. Terms that
are in almost every cable, or in just this one, carry nothing and are left out.
"""

from __future__ import annotations

import tantivy
from tantivy import Occur
from tantivy import Query as Q

from cablebase.archive.search.schema import CableDoc

MAX_QUERY_TERMS = 40
STOP_WORDS = [
    "a",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "but",
    "by",
    "for",
    "from",
    "has",
    "have",
    "he",
    "her",
    "his",
    "i",
    "in",
    "is",
    "it",
    "its",
    "of",
    "on",
    "or",
    "our",
    "s",
    "said",
    "she",
    "that",
    "the",
    "their",
    "there",
    "they",
    "this",
    "to",
    "was",
    "we",
    "were",
    "which",
    "will",
    "with",
    "would",
    "you",
    "not",
    "no",
    "also",
    "been",
    "post",
    "embassy",
    "mission",
]


def similar_query(schema: tantivy.Schema, doc: CableDoc) -> tantivy.Query:
    fields = {
        "subject_stem": [doc.subject] if doc.subject else [],
        "tags_text": [" ".join(doc.tags)] if doc.tags else [],
        "body_stem": [doc.body] if doc.body else [],
    }
    fields = {k: v for k, v in fields.items() if v}
    if not fields:
        return Q.empty_query()
    like = Q.more_like_this_document_fields_query(
        schema,
        fields,
        min_doc_frequency=2,
        min_term_frequency=1,
        max_query_terms=MAX_QUERY_TERMS,
        min_word_length=3,
        max_word_length=30,
        boost_factor=1.0,
        stop_words=STOP_WORDS,
    )
    itself = Q.term_query(schema, "pk", doc.pk)
    return Q.boolean_query([(Occur.Must, like), (Occur.MustNot, itself)])
