"""Where a cable's page lives, asked of the reader app (with a fallback while it is absent)."""

from __future__ import annotations

import secrets

from django.urls import NoReverseMatch

from cablebase.archive.models import Cable


def cable_page_url(cable: Cable) -> str:
    """The reader's page for ``cable``: ``/cable/2006/02/06MOSCOW1323.html``."""
    try:
        from cablebase.reader.links import cable_url

        return cable_url(cable)
    except (ImportError, NoReverseMatch):
        created = cable.created
        if created is None:
            return f"/cable/{cable.reference_id}"
        return f"/cable/{created.year:04d}/{created.month:02d}/{cable.reference_id}.html"


def comments_url(cable: Cable) -> str:
    return cable_page_url(cable) + "#comments"


def after_post_url(cable: Cable, anchor: str = "comments") -> str:
    """Where a poster lands: the cable page under an address their browser has not cached.

    The cable page is cacheable (``max-age`` and an ETag that changes only with
    approved comments), so the plain address could come back from the browser's
    cache without the "awaits moderation" message; ``?posted=<token>`` is new each
    time, so the page is fetched anew and shows the message.
    """
    return f"{cable_page_url(cable)}?posted={secrets.token_hex(4)}#{anchor}"
