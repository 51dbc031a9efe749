"""Model rows to API dicts: dates in ISO 8601 UTC, links to pages and API resources."""

from __future__ import annotations

from django.urls import reverse
from ninja.errors import HttpError

from cablebase.archive.models import Cable
from cablebase.archive.record_rows import iso_utc


def api_cable_url(reference_id: str) -> str:
    return reverse("api:cable", kwargs={"reference_id": reference_id})


def cable_summary(cable: Cable) -> dict:
    return {
        "reference_id": cable.reference_id,
        "subject": cable.subject or None,
        "origin": cable.origin or None,
        "origin_code": cable.origin_code or None,
        "created": iso_utc(cable.created),
        "released": iso_utc(cable.released),
        "classification": cable.classification or None,
        "url": cable.get_absolute_url(),
        "api_url": api_cable_url(cable.reference_id),
    }


def get_cable(reference_id: str) -> Cable:
    """The cable, or a 404 naming the id (ids are matched as given, then upper-cased)."""
    cable = Cable.objects.by_reference(reference_id)
    if cable is None:
        raise HttpError(404, f"No cable {reference_id!r} in this archive.")
    return cable
