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
# Starts only at the first dot of a run, so a long run of dots costs one pass.
_TEASER_END_RE = re.compile(r"(?<!\.)\.{3,}(?=[ \t]*(?:\n|id: ?\d))")
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
    return "".join(line[:200].split())[:16].upper()


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
        nl = text.find("\n", start, start + 200)
        following = text[start : nl if nl != -1 else start + 200]
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
    """The full text of a viewer page, its teaser cut off and its catalogue read.

    A text without a DTG still dates itself by the lines copies open with
    (``Cable dated:``, ``Wednesday, 29 November 2000, 13:59``, a catalogue record)
    or a catalogue id such as ``2001VATICA01261`` at either end: see ``_bare_dates``.
    """
    out = ViewerText(text=text)
    if "..." in text[:_TEASER_SPAN] or "id:" in text[:200]:
        end = _teaser_end(text)
        out.teaser = text[:end].rstrip() if end else ""
        rest = text[end:]
        probe = rest.lstrip(" \t\n.")
        if probe.startswith("id:") and _KEY_RE.match(probe[: probe.find("\n")].strip()):
            out.text = _read_catalogue(probe, out)
        else:
            out.text = rest
    _bare_dates(out)
    return out


# The lines a copy opens with, each a date or a catalogue record's field.
_CABLE_DATED_RE = re.compile(
    r"[ \t]*(?:ID:[ \t]*\d+[ \t]*)?Cable[ \t]+dated:[ \t]*(\d{4})-(\d\d)-(\d\d)"
    r"(?:T(\d\d):(\d\d)(?::\d\d)?)?\]?[ \t]*\n?"
)
_WEEKDAY_RE = re.compile(
    r"[ \t]*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,[ \t]+(\d{1,2})[ \t]+([A-Z][a-z]+)[ \t]+"
    r"(\d{4}),[ \t]+(\d\d):(\d\d)[ \t]*(?:\n|$)"
)
_RECORD_LINE_RE = re.compile(
    r"[ \t]*(?:<<\d+>>|\d{3,7}|(\d{4}-\d\d-\d\d(?:[ \t]+\d\d:\d\d(?::\d\d)?)?)"
    r"|(\d{1,2}/\d{1,2}/\d{4}[ \t]+\d{1,2}:\d\d)|(\d\d[A-Z]{3,}\d{1,7}))[ \t]*(?:\n|$)"
)
_ROW_RE = re.compile(
    r"[ \t]*(?:\d{3,7}[,\t])?(?:(\d{1,2}/\d{1,2}/\d{4}[ \t]+\d{1,2}:\d\d)"
    r"|(\d{4}-\d\d-\d\d[ T]\d\d:\d\d)(?::\d\d)?)[,\t](\d\d[A-Z]{3,}\d{1,7})[,\t]"
)


def _dash_date(text: str) -> str | None:
    """``2006-05-05 15:15`` -> ISO; None if it is not one."""
    if len(text) < 16:
        return None
    y, mo, d = int(text[:4]), int(text[5:7]), int(text[8:10])
    return _stamp(y, mo, d, int(text[11:13]), int(text[14:16]))


# "2001VATICA01261", "2004VATICA03196 - Classification: CONFIDENTIAL": a year, the
# post cut to six letters, a five-digit serial.
_OLD_ID_RE = re.compile(r"(?m)^[ \t\"]*((?:19|20)\d\d)([A-Z]{3,6})(\d{5})\b")
_LEAD_RE = re.compile(r'[ \t\n"]*')
_OLD_ID_PROBE_RE = re.compile(r"(?:19|20)\d\d[A-Z]{3,6}\d{5}\b")
_MONTH_NAMES = {
    m: i
    for i, m in enumerate(
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        1,
    )
}


def _stamp(y: int, mo: int, d: int, h: int, mi: int) -> str | None:
    if not (1 <= mo <= 12 and 1 <= d <= 31 and h <= 23 and mi <= 59):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:00Z"


def _post_from_prefix(prefix: str) -> str | None:
    """The one origin code a six-letter cut begins (``VATICA`` -> ``VATICAN``)."""
    from cablebase.parse.lookups import is_origin_code, known_codes

    if is_origin_code(prefix):
        return prefix
    found = [c for c in known_codes() if c.startswith(prefix)]
    return found[0] if len(found) == 1 else None


def _old_id(text: str) -> str | None:
    """A reference id from a catalogue id on one of the first or last lines."""
    head, tail = text[:400], text[-300:]
    for part in (head, tail):
        # The id without its line start first: a one-pass search from its digits.
        m = _OLD_ID_RE.search(part) if _OLD_ID_PROBE_RE.search(part) else None
        if m:
            post = _post_from_prefix(m.group(2))
            if post:
                return f"{m.group(1)[2:]}{post}{int(m.group(3))}"
    return None


def _bare_dates(out: ViewerText) -> None:
    """Dates and ids the opening lines of a copy give, taken out of the text.

    ``Cable dated:2005-08-17T21:24:00`` (glued to the classification line or not),
    ``Wednesday, 29 November 2000, 13:59``, a catalogue record's lines (number,
    date, id, origin, classification); and a catalogue id ``2001VATICA01261``.
    """
    text = out.text
    lead = _LEAD_RE.match(text)  # what lstrip would take, without copying the text
    pos = lead.end() if lead else 0
    if m := _CABLE_DATED_RE.match(text, pos):
        out.created = out.created or _stamp(*(int(g or 0) for g in m.groups()))
        pos = m.end()
    elif m := _WEEKDAY_RE.match(text, pos):
        month = _MONTH_NAMES.get(m.group(2))
        if month:
            d, y, h, mi = int(m.group(1)), int(m.group(3)), int(m.group(4)), int(m.group(5))
            out.created = out.created or _stamp(y, month, d, h, mi)
            pos = m.end()
    elif m := _ROW_RE.match(text, pos):
        # A CSV or TSV record (number, date, id, ...): its id and date; routing
        # and segments read the header and text that follow in it.
        out.created = out.created or _iso(m.group(1) or "") or _dash_date(m.group(2) or "")
        out.reference_id = out.reference_id or m.group(3)
        pos = 0
        if "," in m.group(0) and '""' in text:
            out.text = text.replace('""', '"')  # a CSV field doubles its quotes
    else:
        pos = _record_lines(text, pos, out)
    if pos:
        out.text = text[pos:].lstrip("\n")
    if out.reference_id is None and (rid := _old_id(out.text)):
        out.reference_id = rid
        m = _OLD_ID_RE.match(out.text)
        if m:  # a copy that opens with the id: the line is no text
            nl = out.text.find("\n", m.end())
            out.text = out.text[nl + 1 :] if nl != -1 else ""


def _record_lines(text: str, pos: int, out: ViewerText) -> int:
    """A catalogue record written one field a line (number, date, id, ...); 0 if none.

    Taken only when it holds a reference id: a lone number or date opens no record.
    """
    start, found_id = pos, False
    created = None
    for _ in range(4):
        m = _RECORD_LINE_RE.match(text, pos)
        if m is None:
            break
        if m.group(1):
            y, mo, d = (int(x) for x in m.group(1)[:10].split("-"))
            hm = m.group(1)[11:16]
            h, mi = (int(hm[:2]), int(hm[3:5])) if hm else (0, 0)
            created = created or _stamp(y, mo, d, h, mi)
        elif m.group(2):
            created = created or _iso(m.group(2))
        elif m.group(3):
            out.reference_id = out.reference_id or m.group(3)
            found_id = True
        pos = m.end()
        while pos < len(text) and text[pos] in " \t\n":
            pos += 1
    if not found_id:
        return 0
    # The record's other fields: origin, classification, the ids it cites.
    for _ in range(3):
        nl = text.find("\n", pos)
        line = text[pos : nl if nl != -1 else len(text)].strip()
        if not (
            line in _CLASSIFICATIONS
            or _REFS_LINE_RE.match(line)
            or (line and line in _origin_labels())
        ):
            break
        pos = nl + 1 if nl != -1 else len(text)
        while pos < len(text) and text[pos] in " \t\n":
            pos += 1
    out.created = out.created or created
    return pos if pos > start else 0


_CLASSIFICATIONS = frozenset(
    {
        "UNCLASSIFIED",
        "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
        "LIMITED OFFICIAL USE",
        "CONFIDENTIAL",
        "CONFIDENTIAL//NOFORN",
        "SECRET",
        "SECRET//NOFORN",
        "TOP SECRET",
    }
)
_REFS_LINE_RE = re.compile(r"^\d\d[A-Z]{3,}\d{1,7}(?:\|\d\d[A-Z]{3,}\d{1,7})*$")


def _origin_labels() -> frozenset[str]:
    from cablebase.parse.lookups import origin_names

    return frozenset(origin_names().values())


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
