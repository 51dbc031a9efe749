"""``/api/cables/{reference_id}``: a cable's record and its parts."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from cablebase.archive.record_rows import iso_utc, record_from_cable
from cablebase.discussion.models import Comment
from cablebase.parse.record import CableRecord

from .schemas import (
    CommentsOut,
    ErrorOut,
    ParagraphsOut,
    ReferencesOut,
    VersionsOut,
)
from .serialize import api_cable_url, cable_summary, get_cable

router = Router(tags=["cables"])
NOT_FOUND = {404: ErrorOut}


@router.get("/{reference_id}", response={200: CableRecord, **NOT_FOUND}, url_name="cable")
def cable_record(request: HttpRequest, reference_id: str):
    """The cable's current version in the record shape of ``docs/record.md``."""
    return record_from_cable(get_cable(reference_id)).to_dict()


@router.get("/{reference_id}/paragraphs", response={200: ParagraphsOut, **NOT_FOUND})
def cable_paragraphs(request: HttpRequest, reference_id: str):
    """The body's paragraphs in order, each with its ``#par{N}`` permalink (N: the cable's
    own number, 0 for an unnumbered opening)."""
    cable = get_cable(reference_id)
    page = cable.get_absolute_url()
    return {
        "reference_id": cable.reference_id,
        "paragraphs": [
            {
                "position": p.position,
                "number": p.number or None,
                "marking": p.marking or None,
                "text": p.text,
                "anchor": p.anchor,
                "url": f"{page}#{p.anchor}",
            }
            for p in cable.paragraphs.order_by("position")
        ],
    }


@router.get("/{reference_id}/references", response={200: ReferencesOut, **NOT_FOUND})
def cable_references(request: HttpRequest, reference_id: str):
    """What the cable cites (``resolved`` when the cited cable is here) and who cites it."""
    cable = get_cable(reference_id)
    references = []
    for ref in cable.references.select_related("cited_cable").order_by("position"):
        cited = ref.cited_cable
        references.append(
            {
                "label": ref.label or None,
                "kind": ref.kind,
                "reference_id": ref.cited_id or None,
                "text": ref.text,
                "resolved": cited is not None,
                "url": cited.get_absolute_url() if cited else None,
                "api_url": api_cable_url(cited.reference_id) if cited else None,
            }
        )
    citing = {r.citing_id: r.citing for r in cable.cited_by.select_related("citing")}
    cited_by = sorted(citing.values(), key=lambda c: (c.created is None, c.created, c.reference_id))
    return {
        "reference_id": cable.reference_id,
        "references": references,
        "cited_by": [cable_summary(c) for c in cited_by],
    }


@router.get("/{reference_id}/versions", response={200: VersionsOut, **NOT_FOUND})
def cable_versions(request: HttpRequest, reference_id: str):
    """Every distinct text this id arrived with, oldest first; the highest number is current."""
    cable = get_cable(reference_id)
    versions = list(cable.versions.select_related("source").order_by("number"))
    latest = max((v.number for v in versions), default=None)
    out = []
    for v in versions:
        record_source = (v.record or {}).get("source") or None
        if v.source is not None:
            source = {"format": v.source.format, "path": v.source.path, "sha256": v.source.sha256}
        else:
            source = record_source
        out.append(
            {
                "number": v.number,
                "current": v.number == latest,
                "content_hash": v.content_hash,
                "released": iso_utc(v.released),
                "ingested_at": iso_utc(v.ingested_at),
                "source": source,
            }
        )
    return {"reference_id": cable.reference_id, "versions": out}


@router.get("/{reference_id}/comments", response={200: CommentsOut, **NOT_FOUND})
def cable_comments(request: HttpRequest, reference_id: str):
    """Approved comments, oldest first (e-mail addresses are never published)."""
    cable = get_cable(reference_id)
    page = cable.get_absolute_url()
    comments = [
        {
            "id": c.pk,
            "name": c.name,
            "paragraph": c.paragraph,
            "body": c.body,
            "created": iso_utc(c.created),
            "url": f"{page}#{c.anchor}",
        }
        for c in Comment.approved.filter(cable=cable)
    ]
    return {"reference_id": cable.reference_id, "count": len(comments), "comments": comments}
