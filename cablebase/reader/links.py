"""URLs of cables in the cable viewer's own address scheme.

``/cable/2006/02/06MOSCOW1323.html`` is what people cited in 2010; keeping it
means old links still resolve. A cable without a creation date cannot be
placed in that scheme and lives at its short address ``/cable/<ID>``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol
from urllib.parse import urlencode

from django.urls import reverse


class _CableLike(Protocol):
    reference_id: str
    created: datetime | None


def cable_url(cable: _CableLike | str, created: datetime | None = None) -> str:
    """The canonical path of a cable: a model instance, or a reference id and its creation."""
    if isinstance(cable, str):
        reference_id = cable
    else:
        reference_id, created = cable.reference_id, cable.created
    if created is None:
        return reverse("reader:cable_short", kwargs={"reference_id": reference_id})
    return reverse(
        "reader:cable",
        kwargs={
            "year": f"{created.year:04d}",
            "month": f"{created.month:02d}",
            "reference_id": reference_id,
        },
    )


def search_url(query: str, **params: str | int) -> str:
    """``/search?q=...`` with extra parameters (sort, page) left out when empty."""
    items = {"q": query, **{k: v for k, v in params.items() if v not in ("", None)}}
    return f"{reverse('reader:search')}?{urlencode(items)}"


def reason_anchor(reason: str) -> str | None:
    """``"1.4(b)"`` -> ``"reason-b"``: the explainer section for a classification reason."""
    letter = reason.rstrip(")").rsplit("(", 1)[-1].strip().lower()
    if len(letter) == 1 and "a" <= letter <= "h":
        return f"reason-{letter}"
    return None
