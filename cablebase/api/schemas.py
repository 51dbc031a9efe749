"""Response shapes of the JSON API; the cable record follows ``shared/spec/cable-record.md``."""

from __future__ import annotations

from typing import Any

from ninja import Schema
from pydantic import Field


class RecipientOut(Schema):
    route: str | None = None
    name: str
    precedence: str | None = None
    mcn: str | None = None
    excluded: list[str] = []


class ClassifiedByOut(Schema):
    name: str | None = None
    title: str | None = None
    text: str | None = None


class ReferenceOut(Schema):
    label: str | None = None
    kind: str
    reference_id: str | None = None
    text: str


class ParagraphOut(Schema):
    number: str | None = None
    marking: str | None = None
    text: str


class SourceOut(Schema):
    format: str
    path: str | None = None
    sha256: str | None = None


class CableRecordOut(Schema):
    """One cable, field for field as ``cablebase parse --json`` prints it."""

    reference_id: str | None = None
    origin: str | None = None
    origin_code: str | None = None
    created: str | None = Field(None, description="ISO 8601 UTC")
    released: str | None = None
    classification: str | None = None
    caveats: list[str] = []
    precedence: str | None = None
    dtg: str | None = None
    transmission_id: str | None = None
    sender: str | None = None
    recipients: list[RecipientOut] = []
    info_recipients: list[RecipientOut] = []
    sections: int = 1
    eo: str | None = None
    declassify_on: str | None = None
    declassify_rule: str | None = None
    tags: list[str] = []
    subject: str | None = None
    classified_by: ClassifiedByOut | None = None
    reasons: list[str] = []
    references: list[ReferenceOut] = []
    summary: str | None = None
    paragraphs: list[ParagraphOut] = []
    signers: list[str] = []
    header: str | None = None
    body: str | None = None
    source: SourceOut | None = None
    partial: bool = False
    warnings: list[str] = []


class CableSummaryOut(Schema):
    """A cable in a list: enough to show and link it."""

    reference_id: str
    subject: str | None = None
    origin: str | None = None
    origin_code: str | None = None
    created: str | None = None
    released: str | None = None
    classification: str | None = None
    url: str = Field(description="the cable's page on this site")
    api_url: str


class HitOut(CableSummaryOut):
    score: float | None = None
    snippet: str = Field("", description="plain text around the first matches (not HTML)")
    highlights: list[tuple[int, int]] = Field(
        [], description="[start, end) character offsets of the matches in snippet"
    )
    tags: list[str] = []


class SimilarCableOut(CableSummaryOut):
    score: float


class SimilarOut(Schema):
    reference_id: str
    similar: list[SimilarCableOut]


class FacetValueOut(Schema):
    value: str
    count: int


class SearchOut(Schema):
    query: str
    total: int
    page: int
    per_page: int
    pages: int
    sort: str
    hits: list[HitOut]
    facets: dict[str, list[FacetValueOut]]
    next: str | None = Field(None, description="API URL of the next page")
    previous: str | None = None


class ParagraphItemOut(Schema):
    position: int = Field(description="1-based; the page anchor is par{position}")
    number: str | None = None
    marking: str | None = None
    text: str
    anchor: str
    url: str


class ParagraphsOut(Schema):
    reference_id: str
    paragraphs: list[ParagraphItemOut]


class ReferenceItemOut(Schema):
    label: str | None = None
    kind: str
    reference_id: str | None = None
    text: str
    resolved: bool = Field(description="the cited cable is in this archive")
    url: str | None = None
    api_url: str | None = None


class ReferencesOut(Schema):
    reference_id: str
    references: list[ReferenceItemOut]
    cited_by: list[CableSummaryOut]


class VersionOut(Schema):
    number: int
    current: bool
    content_hash: str
    released: str | None = None
    ingested_at: str | None = None
    source: SourceOut | None = None


class VersionsOut(Schema):
    reference_id: str
    versions: list[VersionOut]


class CommentOut(Schema):
    id: int
    name: str
    paragraph: int | None = None
    body: str = Field(description="plain text as written; escape it before showing")
    created: str
    url: str


class CommentsOut(Schema):
    reference_id: str
    count: int
    comments: list[CommentOut]


class ErrorOut(Schema):
    detail: str
    position: int | None = None


StatsOut = dict[str, Any]
