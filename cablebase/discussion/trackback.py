"""The Trackback protocol (https://www.sixapart.com/pronet/docs/trackback_spec).

A ping is a form-encoded POST with ``url`` (required), ``title``, ``excerpt`` and
``blog_name``; the answer is ``text/xml``: ``<response><error>0</error></response>``
on success, or error 1 with a ``<message>``. Control characters (NUL...) in any field
are refused: they would break the page's XML and PostgreSQL cannot store NUL.
"""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.http import HttpRequest, HttpResponse

from cablebase.archive.models import Cable

from . import ratelimit
from .forms import control_character
from .models import Trackback

_validate_url = URLValidator(schemes=["http", "https"])
LIMITS = {"url": 1000, "title": 255, "blog_name": 255, "excerpt": 2000}


def xml_response(error: str | None = None, status: int = 200) -> HttpResponse:
    if error is None:
        body = '<?xml version="1.0" encoding="utf-8"?>\n<response>\n<error>0</error>\n</response>\n'
    else:
        body = (
            '<?xml version="1.0" encoding="utf-8"?>\n<response>\n<error>1</error>\n'
            f"<message>{xml_escape(error)}</message>\n</response>\n"
        )
    return HttpResponse(body, content_type="text/xml; charset=utf-8", status=status)


def handle_ping(request: HttpRequest, reference_id: str) -> HttpResponse:
    if request.method != "POST":
        response = xml_response("Trackback pings must be sent with POST.", status=405)
        response["Allow"] = "POST"
        return response
    cable = Cable.objects.by_reference(reference_id)
    if cable is None:
        return xml_response(f"No cable {reference_id} in this archive.", status=404)
    if not ratelimit.hit(request, "trackback"):
        return xml_response(
            f"Too many pings from your address; try again in {ratelimit.window_minutes()} minutes.",
            status=429,
        )
    for key in LIMITS:
        char = control_character(request.POST.get(key, ""), multiline=key == "excerpt")
        if char is not None:
            return xml_response(f"'{key}' holds the control character U+{ord(char):04X}.")
    url = request.POST.get("url", "").strip()
    if not url:
        return xml_response("The 'url' parameter is required.")
    try:
        _validate_url(url)
    except ValidationError:
        return xml_response(f"'url' must be an http or https URL: {url[:200]}")
    values = {key: request.POST.get(key, "").strip() for key in ("title", "excerpt", "blog_name")}
    for key, value in [("url", url), *values.items()]:
        if len(value) > LIMITS[key]:
            return xml_response(f"'{key}' is too long (at most {LIMITS[key]} characters).")
    if Trackback.objects.filter(cable=cable, url=url).exists():
        return xml_response()  # a repeated ping is not an error, and not stored twice
    Trackback.objects.create(
        cable=cable,
        url=url,
        title=values["title"] or url,
        excerpt=values["excerpt"],
        blog_name=values["blog_name"],
        ip_address=request.META.get("REMOTE_ADDR") or None,
    )
    return xml_response()
