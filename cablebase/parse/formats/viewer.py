"""The cable text of a viewer page as the 2011 site served it: teaser, catalogue, full text.

Some pages of the 2011 site open the text with a *teaser* (the first few
hundred characters of the cable, cut off with ``...``), then a *catalogue
block* (``id: 206230``, ``date:``, ``refid:``, ``origin:``, ``classification:``,
``destination:``, ``header:`` and the transmission header, up to a
``----- header ends -----`` line) or another copy of the catalogue record,
and only then the full text, sometimes with its line breaks lost. A reader
reads the full text, takes the catalogue as metadata (never as paragraphs)
and looks at the teaser only for a header field the full copy lost.

Everything here looks at the first few thousand characters only, with
patterns that start at a literal, so a long text costs one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cablebase.parse.ids import cite_to_id
from cablebase.parse.record import Reference
from cablebase.parse.state import Meta
from cablebase.parse.text import CLASSIFICATION_RE

# How far into the text a teaser may end: real teasers run to some 600 characters.
_TEASER_SPAN = 4000
_TEASER_END_RE = re.compile(r"\.\.\.+[ \t]*(?:\n|(?=id: ?\d))")
# What follows a teaser: a catalogue record in one of the forms the site used.
_CATALOGUE_START_RE = re.compile(
    r"(?:id: ?\d+[ \t]*\n"  # id: 206230
    r"|ID: ?\d+\b"  # ID: 245489 / ID:190812 Cable dated:...
    r"|<<\d+>>"  # <<142612>>
    r"|Cable dated:"
    r"|\d{3,7}(?:[ \t]*\n\s*|,|\t)(?:\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d\d-\d\d)"  # number, date
    r"|\d\d[A-Z]{3,}\d{1,7}[ \t]*(?:\n|,|\t))"  # 06THEHAGUE1510
)
_KEY_RE = re.compile(r"^(id|date|refid|origin|classification|destination|header)[ \t]*:[ \t]?(.*)$")
_HEADER_ENDS_RE = re.compile(r"(?m)^[ \t]*-{3,}[ \t]*header[ \t]+ends[ \t]*-{3,}[ \t]*$")
_CATALOGUE_DATE_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d\d)")
_ID_RE = re.compile(r"^\d\d[A-Z]{3,}\d{1,7}$")
_PARTIAL = "partial extract of the original cable"


@dataclass(slots=True)
class ViewerText:
    """The full text of a page, and what its teaser and catalogue block said."""

    text: str
    teaser: str = ""
    header: str = ""
    reference_id: str | None = None
    created: str | None = None
    origin: str | None = None
    classification: str | None = None
    references: list[str] = field(default_factory=list)
    partial: bool = False


def _squashed(line: str) -> str:
    return "".join(line.split())[:16].upper()


def _first_line(text: str) -> str:
    for line in text[:_TEASER_SPAN].split("\n"):
        if line.strip():
            return line
    return ""


def _teaser_end(text: str) -> int:
    """Where the full text starts after a teaser; 0 when the page has no teaser.

    A ``...`` ends a teaser only when a catalogue record or a second copy of the
    opening line follows it: a sub-head that trails off (``Questions Surface...``)
    or a text cut short by the site is not one.
    """
    if "..." not in text[:_TEASER_SPAN]:
        return 0
    opening = _first_line(text)
    repeat = _squashed(opening) if CLASSIFICATION_RE.match(opening.strip()) else ""
    for m in _TEASER_END_RE.finditer(text, 0, _TEASER_SPAN):
        start = m.end()
        while start < len(text) and text[start] in " \t\n":
            start += 1
        if _CATALOGUE_START_RE.match(text, start):
            return start
        nl = text.find("\n", start)
        following = text[start : nl if nl != -1 else len(text)]
        if repeat and len(repeat) >= 8 and _squashed(following) == repeat:
            return start
    return 0


def _iso(date: str) -> str | None:
    m = _CATALOGUE_DATE_RE.match(date.strip())
    if not m:
        return None
    mo, d, y, h, mi = (int(g) for g in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31 and h <= 23 and mi <= 59):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:00Z"


def _read_catalogue(text: str, out: ViewerText) -> str:
    """Take a leading ``id:`` catalogue block as metadata; returns the text after it."""
    ends = _HEADER_ENDS_RE.search(text, 0, 60000)
    if ends is None:
        return text
    lines = text[: ends.start()].split("\n")
    header: list[str] | None = None
    for line in lines:
        if header is not None:
            header.append(line)
            continue
        m = _KEY_RE.match(line.strip())
        if m is None:
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "header":
            header = [value] if value else []
        elif key == "refid" and _ID_RE.match(value):
            out.reference_id = value
        elif key == "date":
            out.created = _iso(value)
        elif key == "origin":
            out.origin = value or None
        elif key == "classification":
            out.classification = value or None
        elif key == "destination":
            out.references = [v.strip() for v in value.split("|") if v.strip()]
    head = "\n".join(header or []).strip("\n")
    if _PARTIAL in head[:300]:
        out.partial = True
        head = ""
    out.header = head
    return text[ends.end() :].lstrip("\n")


def split_viewer_text(text: str) -> ViewerText:
    """The full text of a viewer page, its teaser cut off and its catalogue read."""
    if "..." not in text[:_TEASER_SPAN] and "id:" not in text[:200]:
        return ViewerText(text=text)
    end = _teaser_end(text)
    out = ViewerText(text=text, teaser=text[:end].rstrip() if end else "")
    rest = text[end:]
    probe = rest.lstrip(" \t\n.")
    if probe.startswith("id:") and _KEY_RE.match(probe[: probe.find("\n")].strip()):
        out.text = _read_catalogue(probe, out)
    else:
        out.text = rest
    return out


def apply_catalogue(meta: Meta, viewer: ViewerText) -> Meta:
    """The catalogue block fills what the publisher's table left empty; the table wins."""
    meta.reference_id = meta.reference_id or viewer.reference_id
    meta.created = meta.created or viewer.created
    meta.origin = meta.origin or viewer.origin
    meta.classification = meta.classification or viewer.classification
    meta.partial = meta.partial or viewer.partial
    if viewer.references and not meta.references:
        year = (meta.reference_id or "")[:2] or None
        for cited in viewer.references:
            resolved = cite_to_id(cited, year)
            kind = "cable" if resolved else "other"
            meta.references.append(
                Reference(label=None, kind=kind, reference_id=resolved, text=cited)
            )
    return meta
