"""Response shapes of the JSON API.

A cable's record is not retyped here: the API answers with the parser's own
``CableRecord`` dataclass (pydantic reads its fields), so the API cannot drift from
what ``cablebase parse --json`` prints (``docs/record.md``).
"""

from __future__ import annotations

from typing import Any

from ninja import Schema
from pydantic import Field

from cablebase.parse.record import Source


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
    position: int = Field(description="1-based order in the body")
    number: str | None = Field(
        None, description="the cable's own number; null for an unnumbered opening"
    )
    marking: str | None = None
    text: str
    anchor: str = Field(description="the page's id for it: par{number}, par0 for the opening")
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
    source: Source | None = None


class VersionsOut(Schema):
    reference_id: str
    versions: list[VersionOut]


class CommentOut(Schema):
    id: int
    name: str
    paragraph: int | None = Field(
        None,
        description="the cable's own paragraph number (0: the unnumbered opening); "
        "null for a comment on the whole cable",
    )
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
