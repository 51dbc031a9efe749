"""Keep what the site shows and feeds valid XML, whatever bytes a cable or a visitor brought.

The archive stores a cable's text as its source had it: some real cables carry control
characters (``\\x0b``, ``\\x01``) that XML 1.0 forbids. Django's feed writer refuses them
(one such cable made every feed that lists it answer 500) and a browser or an XML parser
of our HTML may too. So the characters are dropped on the way out, in one place:

- ``CleanAtom1Feed``, the ``feed_type`` of every Atom feed (cables, searches, comments);
- ``XmlTextMiddleware``, for every HTML and XML page.

Input from visitors (comments, trackbacks) is refused outright instead: see
``cablebase.discussion.forms.refuse_control_characters``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.feedgenerator import Atom1Feed

# Everything XML 1.0 does not allow in a document: C0 controls but tab, LF and CR,
# lone surrogates, and the non-characters U+FFFE and U+FFFF.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_INVALID_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CLEANED_TYPES = ("text/html", "application/xhtml+xml", "text/xml", "application/atom+xml")


def xml_text(value: str) -> str:
    """``value`` without the characters XML 1.0 forbids (the rest untouched)."""
    return XML_INVALID.sub("", value)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, list | tuple):
        return type(value)(_clean(v) for v in value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


class CleanAtom1Feed(Atom1Feed):
    """An Atom feed whose every title, summary, name and category is valid XML text."""

    def write(self, outfile: Any, encoding: str) -> None:
        self.feed = _clean(self.feed)
        self.items = [_clean(item) for item in self.items]
        super().write(outfile, encoding)


class XmlTextMiddleware:
    """Drop XML-forbidden control characters from every HTML and XML response body.

    Pages render cable text and stored comments as they are; cleaning the rendered bytes
    covers every template at once. UTF-8 never encodes another character with a byte
    below 0x20, so the byte-level pass cannot cut a character in two.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if (
            content_type in _CLEANED_TYPES
            and response.charset.lower().replace("-", "") == "utf8"
            and not response.streaming
            and not response.has_header("Content-Encoding")
            and _XML_INVALID_BYTES.search(response.content)
        ):
            response.content = _XML_INVALID_BYTES.sub(b"", response.content)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
