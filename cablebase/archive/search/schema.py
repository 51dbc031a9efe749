"""What the search index holds for each cable, and how its text is cut into words.

Two analyzers: ``cable_stem`` (English stems: *negotiation* and *negotiations*
meet) for ranked word search, and ``cable_word`` (the word as written, lower
case, accents folded) for exact forms, phrases and prefixes; a stem is not a
prefix of its word, so prefixes need the unstemmed copy. Filters and facets
read raw fields: one term per value, never tokenized, so a count is the
number of cables its filter finds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import tantivy

# Bump when the fields or analyzers change: an index of another version is rebuilt.
SCHEMA_VERSION = 1
STEM = "cable_stem"
WORD = "cable_word"
MAX_TOKEN = 40  # longer "words" (base64 blobs, rules of dashes) are not indexed

# Ranked text fields with their weight, as before: a match in the reference id,
# subject or tags outranks one in the body.
STEMMED_FIELDS = {"subject_stem": 8.0, "body_stem": 1.0}
WORD_FIELDS = {"ref_text": 10.0, "subject_word": 8.0, "tags_text": 8.0, "body_word": 1.0}
# Facet name -> raw fast field.
FACET_FIELDS = {
    "classification": "classification",
    "origin": "origin",
    "year": "year",
    "tag": "tags",
    "precedence": "precedence",
}


def _analyzer(stem: bool) -> tantivy.TextAnalyzer:
    builder = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(MAX_TOKEN))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
    )
    if stem:
        builder = builder.filter(tantivy.Filter.stemmer("english"))
    return builder.build()


@lru_cache(maxsize=2)
def analyzer(stem: bool) -> tantivy.TextAnalyzer:
    return _analyzer(stem)


def words(text: str) -> list[str]:
    """``text`` as the unstemmed fields index it (lower case, accents folded)."""
    return analyzer(False).analyze(text)


def stems(text: str) -> list[str]:
    """``text`` as the stemmed fields index it."""
    return analyzer(True).analyze(text)


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("pk", indexed=True, fast=True)
    sb.add_integer_field("date_key", fast=True)  # created seconds << 24 | pk: a total order
    sb.add_integer_field("created", indexed=True, fast=True)  # seconds since 1970, UTC
    sb.add_integer_field("year", indexed=True, fast=True)
    for name in ("ref_id", "classification", "origin", "precedence", "tags"):
        sb.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    for name in ("origin_key", "origin_code", "cites", "signers", "caveats"):
        sb.add_text_field(name, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("origin_text", tokenizer_name=WORD, index_option="position")
    for name in STEMMED_FIELDS:
        sb.add_text_field(name, tokenizer_name=STEM, index_option="freq")
    for name in WORD_FIELDS:
        sb.add_text_field(name, tokenizer_name=WORD, index_option="position")
    return sb.build()


def register_analyzers(index: tantivy.Index) -> None:
    """Every opened index needs them: tantivy keeps analyzers in memory, not on disk."""
    index.register_tokenizer(STEM, _analyzer(True))
    index.register_tokenizer(WORD, _analyzer(False))


@dataclass(slots=True)
class CableDoc:
    """The fields of one cable that the index reads, loaded from the store."""

    pk: int
    reference_id: str
    subject: str
    body: str
    origin: str
    origin_code: str
    classification: str
    precedence: str
    created: int | None  # seconds since 1970
    year: int | None
    tags: list[str] = field(default_factory=list)
    cites: list[str] = field(default_factory=list)
    signers: list[str] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)


def class_key(value: str) -> str:
    """A classification as filters compare it: upper case, single spaces."""
    return " ".join(value.upper().replace("_", " ").split())


def _add_raw(doc: tantivy.Document, name: str, values: Iterable[str]) -> None:
    for value in values:
        if value:
            doc.add_text(name, value)


def to_document(cable: CableDoc) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_integer("pk", cable.pk)
    if cable.created is not None:
        doc.add_integer("created", cable.created)
        doc.add_integer("date_key", (cable.created << 24) | (cable.pk & 0xFFFFFF))
    if cable.year is not None:
        doc.add_integer("year", cable.year)
    _add_raw(doc, "ref_id", [cable.reference_id.upper()])
    _add_raw(doc, "classification", [class_key(cable.classification)])
    _add_raw(doc, "origin", [cable.origin])
    _add_raw(doc, "origin_key", [cable.origin.lower()])
    _add_raw(doc, "origin_code", [cable.origin_code.lower()])
    _add_raw(doc, "precedence", [cable.precedence.upper()])
    _add_raw(doc, "tags", [t.upper() for t in dict.fromkeys(cable.tags)])
    _add_raw(doc, "cites", [c.upper() for c in dict.fromkeys(cable.cites)])
    _add_raw(doc, "signers", [s.upper() for s in cable.signers])
    _add_raw(doc, "caveats", [c.upper() for c in cable.caveats])
    _add_raw(doc, "origin_text", [cable.origin])
    for name, text in (
        ("subject_stem", cable.subject),
        ("subject_word", cable.subject),
        ("body_stem", cable.body),
        ("body_word", cable.body),
        ("ref_text", cable.reference_id),
        ("tags_text", " ".join(cable.tags)),
    ):
        _add_raw(doc, name, [text])
    return doc
