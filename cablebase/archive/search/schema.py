"""What the search index holds for each cable, and how its text is cut into words.

The text is indexed once, as written (``cable_word``: lower case, accents
folded, no stemming), with positions for phrases and prefixes. English word
forms are found at query time instead of being indexed a second time: a word
becomes the words of the index that share its English stem (``forms``), so
*negotiation* still finds *negotiations* and *negotiated*, and a rebuild
tokenizes and stems nothing twice (the stemmed copy of the body cost two thirds
of the build). Filters and facets read raw fields: one term per value, never
tokenized, so a count is the number of cables its filter finds.

Each document also stores what a list of hits shows (``listing``: reference id,
subject, origin, dates, tags) and the body its snippet is cut from, both as the
public store gave them (held cables absent, redactions applied), so a page of
hits needs no query to the store.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

import tantivy

# Bump when the fields or analyzers change: an index of another version is rebuilt.
SCHEMA_VERSION = 2
STEM = "cable_stem"
WORD = "cable_word"
MAX_TOKEN = 40  # longer "words" (base64 blobs, rules of dashes) are not indexed

# Ranked text fields with their weight: a match in the reference id, subject or
# tags outranks one in the body.
WORD_FIELDS = {"ref_text": 10.0, "subject_word": 8.0, "tags_text": 8.0, "body_word": 1.0}
# The fields where a plain word also matches its English forms.
FORM_FIELDS = {"subject_word": 8.0, "body_word": 1.0}
# Facet name -> raw fast field.
FACET_FIELDS = {
    "classification": "classification",
    "origin": "origin",
    "year": "year",
    "tag": "tags",
    "precedence": "precedence",
}
LISTING = "listing"  # stored JSON: what a list of hits shows
BODY = "body_word"  # stored too: the text snippets are cut from


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
    """``text`` as the index holds it (lower case, accents folded)."""
    return analyzer(False).analyze(text)


def stems(text: str) -> list[str]:
    """The English stems of ``text``'s words (word forms meet on their stem)."""
    return analyzer(True).analyze(text)


@lru_cache(maxsize=200_000)
def stem_of(word: str) -> str:
    """The stem of one indexed word (cached: query expansion and snippets ask often)."""
    got = stems(word)
    return got[0] if got else ""


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
    for name in WORD_FIELDS:
        sb.add_text_field(name, tokenizer_name=WORD, index_option="position", stored=name == BODY)
    sb.add_bytes_field(LISTING, stored=True)
    return sb.build()


def register_analyzers(index: tantivy.Index) -> None:
    """Every opened index needs them: tantivy keeps analyzers in memory, not on disk."""
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
    created: datetime | None
    year: int | None
    released: datetime | None = None
    updated: datetime | None = None
    tags: list[str] = field(default_factory=list)
    cites: list[str] = field(default_factory=list)
    signers: list[str] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)


def class_key(value: str) -> str:
    """A classification as filters compare it: upper case, single spaces."""
    return " ".join(value.upper().replace("_", " ").split())


# One encoder for every listing: json.dumps with options builds a new one per call.
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def listing_bytes(cable: CableDoc) -> bytes:
    """The stored listing: a JSON array in ``hits.LISTING_FIELDS`` order."""
    created, released, updated = cable.created, cable.released, cable.updated
    return _encode(
        [
            cable.reference_id,
            cable.subject,
            cable.origin,
            cable.origin_code,
            cable.classification,
            cable.precedence,
            cable.year,
            created.isoformat() if created is not None else None,
            released.isoformat() if released is not None else None,
            updated.isoformat() if updated is not None else None,
            cable.tags,
        ]
    ).encode()


def to_document(cable: CableDoc) -> tantivy.Document:
    """The cable's document: a rebuild runs this once a cable, so it does no more than it must.

    Multi-valued raw fields (tags, cites, signers, caveats) get one upper-case term
    per non-empty value; tags and cites once each.
    """
    doc = tantivy.Document()
    add_text = doc.add_text
    pk = cable.pk
    doc.add_integer("pk", pk)
    if cable.created is not None:
        created = int(cable.created.timestamp())
        doc.add_integer("created", created)
        doc.add_integer("date_key", (created << 24) | (pk & 0xFFFFFF))
    if cable.year is not None:
        doc.add_integer("year", cable.year)
    ref = cable.reference_id
    add_text("ref_id", ref.upper())
    add_text("ref_text", ref)
    if cable.classification:
        add_text("classification", class_key(cable.classification))
    origin = cable.origin
    if origin:
        add_text("origin", origin)
        add_text("origin_key", origin.lower())
        add_text("origin_text", origin)
    if cable.origin_code:
        add_text("origin_code", cable.origin_code.lower())
    if cable.precedence:
        add_text("precedence", cable.precedence.upper())
    tags = cable.tags
    if tags:
        for tag in dict.fromkeys(tags):
            if tag:
                add_text("tags", tag.upper())
        add_text("tags_text", " ".join(tags))
    if cable.cites:
        for cited in dict.fromkeys(cable.cites):
            if cited:
                add_text("cites", cited.upper())
    for signer in cable.signers:
        if signer:
            add_text("signers", signer.upper())
    for caveat in cable.caveats:
        if caveat:
            add_text("caveats", caveat.upper())
    if cable.subject:
        add_text("subject_word", cable.subject)
    add_text(BODY, cable.body)  # always, so every document stores a body (maybe empty)
    doc.add_bytes(LISTING, listing_bytes(cable))
    return doc
