"""Model rows to API dicts: dates in ISO 8601 UTC, links to pages and API resources."""

from __future__ import annotations

from datetime import UTC, date, datetime

from django.urls import reverse
from ninja.errors import HttpError

from cablebase.archive.models import Cable
from cablebase.discussion.links import cable_page_url


def iso(value: datetime | date | None) -> str | None:
    """``2006-02-10T15:26:00Z``, the record's own spelling of a time."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def api_cable_url(reference_id: str) -> str:
    return reverse("api:cable", kwargs={"reference_id": reference_id})


def cable_summary(cable: Cable) -> dict:
    return {
        "reference_id": cable.reference_id,
        "subject": cable.subject or None,
        "origin": cable.origin or None,
        "origin_code": cable.origin_code or None,
        "created": iso(cable.created),
        "released": iso(cable.released),
        "classification": cable.classification or None,
        "url": cable_page_url(cable),
        "api_url": api_cable_url(cable.reference_id),
    }


def get_cable(reference_id: str) -> Cable:
    """The cable, or a 404 naming the id (ids are matched as given, then upper-cased)."""
    cable = (
        Cable.objects.filter(reference_id=reference_id).first()
        or Cable.objects.filter(reference_id=reference_id.strip().upper()).first()
    )
    if cable is None:
        raise HttpError(404, f"No cable {reference_id!r} in this archive.")
    return cable
